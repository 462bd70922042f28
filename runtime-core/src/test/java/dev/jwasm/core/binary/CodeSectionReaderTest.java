package dev.jwasm.core.binary;

import static dev.jwasm.core.binary.ModuleBytes.body;
import static dev.jwasm.core.binary.ModuleBytes.bytes;
import static dev.jwasm.core.binary.ModuleBytes.concat;
import static dev.jwasm.core.binary.ModuleBytes.module;
import static dev.jwasm.core.binary.ModuleBytes.oneEmptyFuncType;
import static dev.jwasm.core.binary.ModuleBytes.u32;
import static dev.jwasm.core.binary.ModuleBytes.vec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jwasm.api.MalformedModuleException;
import dev.jwasm.core.model.DecodedModule;
import dev.jwasm.core.model.FunctionBody;
import dev.jwasm.core.model.ValType;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class CodeSectionReaderTest {
    private static byte[] withLocals(byte[] locals, int... code) {
        return module().section(1, oneEmptyFuncType()).section(3, vec(bytes(0)))
                .section(10, vec(body(locals, code))).build();
    }

    @Test
    void compressedLocalsAreExpandedAndTheBodyLocated() {
        byte[] module = withLocals(vec(bytes(0x02, 0x7F), bytes(0x01, 0x7C)), 0x01, 0x0B);
        DecodedModule m = ModuleDecoder.decode(module);
        FunctionBody f = m.codes().get(0);
        assertEquals(List.of(ValType.I32, ValType.I32, ValType.F64), f.locals());
        assertEquals(module.length, f.codeEnd());
        assertEquals(module.length - 2, f.codeStart());
        assertEquals(0x01, m.bytes()[f.codeStart()]);
    }

    @Test
    void aBodyIsLocatedBySizeWithoutScanningAndBadSizesAreStillRejected() {
        byte[] module = withLocals(vec(bytes(0x01, 0x7F)), 0x01, 0x01, 0x0B);
        assertEquals(ModuleDecoder.decode(module).codes(), ModuleDecoder.decodeWellFormed(module).codes());

        // A body whose size runs past the end of the module: still an error, not an exception of the JVM.
        byte[] truncated = java.util.Arrays.copyOf(module, module.length - 1);
        assertThrows(MalformedModuleException.class, () -> ModuleDecoder.decodeWellFormed(truncated));
    }

    @Test
    void upToFiftyThousandLocalsAreAccepted() {
        byte[] module = withLocals(vec(concat(u32(CodeSectionReader.MAX_LOCALS), bytes(0x7E))), 0x0B);
        assertEquals(Collections.nCopies(50_000, ValType.I64), ModuleDecoder.decode(module).codes().get(0).locals());
    }

    @Test
    void manySmallBodiesDeclaringFiftyThousandLocalsEachStayCompact() {
        int functions = 20_000;
        byte[][] bodies = new byte[functions][];
        byte[][] types = new byte[functions][];
        for (int i = 0; i < functions; i++) {
            bodies[i] = body(vec(concat(u32(CodeSectionReader.MAX_LOCALS), bytes(0x7F))), 0x0B);
            types[i] = bytes(0);
        }
        byte[] module = module().section(1, oneEmptyFuncType()).section(3, vec(types)).section(10, vec(bodies))
                .build();
        long total = ModuleDecoder.decode(module).codes().stream().mapToLong(f -> f.locals().size()).sum();
        assertEquals(1_000_000_000L, total);
    }

    @Test
    void tooManyLocalsAreRejectedBeforeAnyListIsBuilt() {
        byte[] justOver = withLocals(vec(concat(u32(49_999), bytes(0x7F)), concat(u32(2), bytes(0x7F))), 0x0B);
        assertEquals("too many locals", reason(justOver));
        byte[] wrapping = withLocals(vec(concat(u32(0xFFFF_FFFFL), bytes(0x7F)), concat(u32(2), bytes(0x7E))), 0x0B);
        assertEquals("too many locals", reason(wrapping));
    }

    @Test
    void aLocalCountAboveU32IsTooLarge() {
        byte[] module = withLocals(vec(bytes(0x80, 0x80, 0x80, 0x80, 0x10, 0x7F)), 0x0B);
        assertEquals("integer too large", reason(module));
    }

    @Test
    void aBodyLongerOrShorterThanItsSizeIsASectionSizeMismatch() {
        // Declared size 3 ("00 01 0b") but the end comes after 4 bytes.
        byte[] longer = module().section(1, oneEmptyFuncType()).section(3, vec(bytes(0)))
                .section(10, vec(concat(u32(3), bytes(0x00, 0x01, 0x01, 0x0B)))).build();
        assertEquals("section size mismatch", reason(longer));
        byte[] shorter = module().section(1, oneEmptyFuncType()).section(3, vec(bytes(0)))
                .section(10, vec(concat(u32(4), bytes(0x00, 0x0B, 0x01, 0x01)))).build();
        assertEquals("section size mismatch", reason(shorter));
    }

    private static String reason(byte[] module) {
        return assertThrows(MalformedModuleException.class, () -> ModuleDecoder.decode(module)).reason();
    }
}
