package dev.jwasm.core.binary;

import static dev.jwasm.core.binary.ModuleBytes.function;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwasm.api.MalformedModuleException;
import dev.jwasm.core.model.DecodedModule;
import dev.jwasm.core.model.Opcodes;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InstructionScannerTest {
    private static int[] code(String hex) {
        byte[] b = HexFormat.of().parseHex(hex.replace(" ", ""));
        int[] out = new int[b.length];
        for (int i = 0; i < b.length; i++) {
            out[i] = b[i] & 0xFF;
        }
        return out;
    }

    private static String malformed(String hex) {
        return assertThrows(MalformedModuleException.class, () -> ModuleDecoder.decode(function(true, code(hex))))
                .reason();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "call_indirect with padded type and table indices, 41 00 11 80 80 80 80 00 80 80 80 80 00 1a 0b",
        "nested blocks and if-else, 02 40 03 7f 41 01 04 7f 41 02 05 41 03 0b 0b 1a 0b 0b",
        "br_table, 02 40 41 00 0e 02 00 00 00 0b 0b",
        "typed select, 41 00 41 00 41 00 1c 01 7f 1a 0b",
        "loads and stores with offsets, 41 00 28 02 80 80 04 41 00 36 02 00 1a 0b",
        "memarg with an explicit memory index, 41 00 28 42 00 10 1a 0b",
        "memory.size and memory.grow, 3f 00 40 00 1a 0b",
        "constants, 41 7f 42 ff ff ff ff ff ff ff ff ff 00 43 00 00 80 3f 44 00 00 00 00 00 00 f0 3f 1a 1a 1a 1a 0b",
        "saturating truncation and memory.copy/fill, 43 00 00 00 00 fc 00 1a 41 00 41 00 41 00 fc 0a 00 00 41 00 41 00 41 00 fc 0b 00 0b",
        "v128.const and shuffle, fd 0c 00 01 02 03 04 05 06 07 08 09 0a 0b 0c 0d 0e 0f fd 0c 00 01 02 03 04 05 06 07 08 09 0a 0b 0c 0d 0e 0f fd 0d 00 01 02 03 04 05 06 07 08 09 0a 0b 0c 0d 0e 0f 1a 0b",
        "SIMD lane access and relaxed SIMD, fd 0c 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 fd 15 03 1a 0b",
        "SIMD load lane, 41 00 fd 0c 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 fd 54 00 00 0f 1a 0b",
        "relaxed SIMD opcode, fd 0c 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 fd 0c 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 fd 80 02 1a 0b",
        "atomics, 41 00 41 00 fe 1e 02 00 1a fe 03 00 0b",
        "reference instructions, d0 70 d1 1a d0 6f 1a d2 00 1a 0b",
        "GC struct and cast instructions, d0 6e fb 16 6c 1a d0 6e fb 15 00 1a 0b",
        "br_on_cast, 02 40 d0 6e fb 18 03 00 6e 6c 1a 0b 0b",
        "try_table with every catch clause, 1f 40 04 00 00 00 01 00 00 02 00 03 00 0b 0b",
        "throw and throw_ref, 08 00 0a 0b",
        "legacy try catch catch_all, 06 40 07 00 19 0b 0b",
        "legacy try delegate, 06 40 18 00 0b",
        "legacy rethrow, 06 40 07 00 09 00 0b 0b",
        "wide arithmetic with an overlong sub-opcode, 42 00 42 00 42 00 42 00 fc 93 80 00 1a 1a 0b",
    })
    void functionBodiesWithEveryKindOfImmediateDecode(String description, String hex) {
        DecodedModule m = assertDoesNotThrow(() -> ModuleDecoder.decode(function(true, code(hex))), description);
        assertEquals(1, m.codes().size());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "unknown single-byte opcode, 00 ff 00 0b, illegal opcode ff",
        "reserved opcode 0x27, 27 0b, illegal opcode 27",
        "unknown misc sub-opcode, fc 63 0b, illegal opcode fc 63",
        "SIMD gap, fd 9a 01 0b, illegal opcode fd 9a",
        "unknown GC sub-opcode, fb 1f 0b, illegal opcode fb 1f",
        "memarg flags of 128, 41 00 28 80 01 00 1a 0b, malformed memop flags",
        "else outside if, 01 05 0b, END opcode expected",
        "catch outside try, 02 40 07 00 0b 0b, END opcode expected",
        "delegate after catch, 06 40 07 00 18 00 0b, END opcode expected",
        "negative block type index, 02 80 7f 0b 0b, malformed block type",
        "catch clause kind 4, 1f 40 01 04 00 0b 0b, malformed catch clause",
        "br_on_cast flags 4, fb 18 04 00 6e 6c 0b, malformed br_on_cast flags",
        "atomic.fence without zero byte, fe 03 01 0b, zero byte expected",
        "over-long i32.const, 41 80 80 80 80 80 00 1a 0b, integer representation too long",
        "i32.const too large, 41 80 80 80 80 10 1a 0b, integer too large",
        "missing end at the end of the module, 01, unexpected end",
    })
    void malformedInstructionsAreRejectedWhileDecoding(String description, String hex, String message) {
        String reason = malformed(hex);
        assertTrue(reason.startsWith(message), description + ": " + reason);
    }

    @Test
    void aMissingEndThatSwallowsTheNextFunctionIsReportedAsEndOpcodeExpected() {
        byte[] module = ModuleBytes.module()
                .section(1, ModuleBytes.oneEmptyFuncType())
                .section(3, ModuleBytes.vec(ModuleBytes.bytes(0), ModuleBytes.bytes(0)))
                .section(10, ModuleBytes.vec(ModuleBytes.body(ModuleBytes.bytes(0), 0x41, 0x01, 0x1A),
                        ModuleBytes.body(ModuleBytes.bytes(0), 0x41, 0x01, 0x1A, 0x0B)))
                .build();
        // Function 0 has no end: scanning continues into function 1's size byte (0x05, "else").
        MalformedModuleException e = assertThrows(MalformedModuleException.class,
                () -> ModuleDecoder.decode(module));
        assertEquals("END opcode expected", e.reason());
    }

    @Test
    void deeplyNestedBlocksAreScannedWithoutRecursion() {
        int depth = 200_000;
        int[] code = new int[depth * 3 + 1];
        for (int i = 0; i < depth; i++) {
            code[2 * i] = Opcodes.BLOCK;
            code[2 * i + 1] = 0x40;
            code[2 * depth + i] = Opcodes.END;
        }
        code[3 * depth] = Opcodes.END;
        DecodedModule m = ModuleDecoder.decode(function(false, code));
        assertEquals(m.bytes().length, m.codes().get(0).codeEnd());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "i32.add, 6A, NONE",
        "call_indirect, 11, INDEX_PAIR",
        "i64.load, 29, MEMARG",
        "reserved 0x27, 27, ILLEGAL",
        "array.new_fixed, FB0008, INDEX_PAIR",
        "ref.cast null, FB0017, HEAP_TYPE",
        "table.init, FC000C, INDEX_PAIR",
        "v128.load8_lane, FD0054, MEMARG_LANE",
        "i8x16.relaxed_swizzle, FD0100, NONE",
        "SIMD gap 0xA2, FD00A2, ILLEGAL",
        "i32.atomic.rmw.cmpxchg, FE0048, MEMARG",
        "atomic.fence, FE0003, ZERO_BYTE",
    })
    void everyOpcodeHasAnImmediateKindForOtherReadersToReuse(String name, String opcode, ImmediateKind kind) {
        assertEquals(kind, InstructionScanner.immediateKind(Integer.parseInt(opcode, 16)), name);
    }

    @Test
    void opcodesAreNamedWithTheirPrefix() {
        ByteReader r = new ByteReader(ModuleBytes.bytes(0xFC, 0x8A, 0x00, 0x6A));
        assertEquals(Opcodes.PREFIX_MISC << 16 | 10, InstructionScanner.readOpcode(r));
        assertEquals(Opcodes.I32_ADD, InstructionScanner.readOpcode(r));
        assertTrue(InstructionScanner.isPrefix(0xFD));
    }
}
