package dev.jwasm.core.binary;

import static dev.jwasm.core.binary.ModuleBytes.body;
import static dev.jwasm.core.binary.ModuleBytes.bytes;
import static dev.jwasm.core.binary.ModuleBytes.concat;
import static dev.jwasm.core.binary.ModuleBytes.module;
import static dev.jwasm.core.binary.ModuleBytes.name;
import static dev.jwasm.core.binary.ModuleBytes.oneEmptyFuncType;
import static dev.jwasm.core.binary.ModuleBytes.u32;
import static dev.jwasm.core.binary.ModuleBytes.vec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwasm.api.MalformedModuleException;
import dev.jwasm.core.model.DecodedModule;
import dev.jwasm.core.model.ExternKind;
import dev.jwasm.core.model.GlobalType;
import dev.jwasm.core.model.ImportDesc;
import dev.jwasm.core.model.Limits;
import dev.jwasm.core.model.MemoryType;
import dev.jwasm.core.model.TagType;
import dev.jwasm.core.model.ValType;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModuleDecoderTest {
    private static String reason(byte[] module) {
        return assertThrows(MalformedModuleException.class, () -> ModuleDecoder.decode(module)).reason();
    }

    @Test
    void anEmptyModuleDecodes() {
        DecodedModule m = ModuleDecoder.decode(module().build());
        assertEquals(0, m.functionCount());
        assertEquals(-1, m.startFunction());
        assertEquals(-1, m.dataCount());
    }

    @Test
    void theHeaderIsChecked() {
        assertEquals("unexpected end", reason(bytes(0x00, 0x61, 0x73)));
        assertEquals("magic header not detected", reason(bytes(0x00, 0x41, 0x53, 0x4D, 1, 0, 0, 0)));
        assertEquals("unexpected end", reason(bytes(0x00, 0x61, 0x73, 0x6D, 1, 0)));
        assertEquals("unknown binary version", reason(bytes(0x00, 0x61, 0x73, 0x6D, 2, 0, 0, 0)));
    }

    @Test
    void sectionsMustAppearOnceInTheSpecifiedOrderWithTheTagSectionBetweenMemoryAndGlobal() {
        byte[] tagBeforeGlobal = module().section(1, oneEmptyFuncType()).section(5, vec())
                .section(13, vec(bytes(0x00, 0x00))).section(6, vec()).build();
        assertEquals(List.of(new TagType(0)), ModuleDecoder.decode(tagBeforeGlobal).tags());

        assertEquals("unexpected content after last section",
                reason(module().section(6, vec()).section(13, vec()).build()));
        assertEquals("unexpected content after last section",
                reason(module().section(1, vec()).section(1, vec()).build()));
        assertEquals("unexpected content after last section",
                reason(module().section(10, vec()).section(12, u32(0)).build()));
        assertEquals("malformed section id", reason(module().raw(0x0E, 0x01, 0x00).build()));
    }

    @Test
    void aSectionMustEndExactlyWhereItsSizeSays() {
        byte[] oversized = module().raw(0x01, 0x05, 0x01, 0x60, 0x00, 0x00, 0x00).build();
        assertTrue(reason(oversized).startsWith("section size mismatch"));
        assertEquals("length out of bounds", reason(module().raw(0x01, 0x07, 0x01, 0x60, 0x00, 0x00).build()));
    }

    @Test
    void importsOfEveryKindDecode() {
        byte[] imports = vec(
                concat(name("env"), name("f"), bytes(0x00, 0x00)),
                concat(name("env"), name("t"), bytes(0x01, 0x70, 0x01, 0x01, 0x0A)),
                concat(name("env"), name("m"), bytes(0x02, 0x07, 0x01, 0x02)),
                concat(name("env"), name("g"), bytes(0x03, 0x7E, 0x01)),
                concat(name("env"), name("e"), bytes(0x04, 0x00, 0x00)));
        DecodedModule m = ModuleDecoder.decode(module().section(1, oneEmptyFuncType()).section(2, imports).build());
        assertEquals(5, m.imports().size());
        assertEquals(1, m.importedFunctionCount());
        assertEquals(new Limits(1, 10, false, false), m.allTables().get(0).limits());
        assertEquals(new MemoryType(new Limits(1, 2, true, true)), m.allMemories().get(0));
        assertEquals(new GlobalType(ValType.I64, true), m.allGlobals().get(0));
        assertEquals(new TagType(0), ((ImportDesc.Tag) m.imports().get(4).desc()).type());
        assertEquals("malformed import kind",
                reason(module().section(2, vec(concat(name("a"), name("b"), bytes(0x05)))).build()));
        assertEquals("malformed UTF-8 encoding",
                reason(module().section(2, vec(concat(bytes(0x01, 0xFF), name("b"), bytes(0x00, 0x00)))).build()));
    }

    @Test
    void memoryLimitsFlagsCoverMaximum64BitSharedAndCustomPageSizes() {
        DecodedModule m = ModuleDecoder.decode(module().section(5, vec(bytes(0x00, 0x01), bytes(0x05, 0x00, 0x80, 0x80, 0x04),
                bytes(0x08, 0x02, 0x00), bytes(0x0B, 0x01, 0x02, 0x10))).build());
        assertEquals(new MemoryType(new Limits(1, -1, false, false)), m.memories().get(0));
        assertEquals(new MemoryType(new Limits(0, 65536, true, false)), m.memories().get(1));
        assertEquals(new MemoryType(new Limits(2, -1, false, false), 0), m.memories().get(2));
        assertEquals(new MemoryType(new Limits(1, 2, false, true), 16), m.memories().get(3));
        assertEquals("malformed limits flags", reason(module().section(5, vec(bytes(0x10, 0x00))).build()));
        assertEquals("malformed limits flags", reason(module().section(5, vec(bytes(0x81, 0x00, 0x00))).build()));
        assertEquals("invalid custom page size", reason(module().section(5, vec(bytes(0x08, 0x00, 0x41))).build()));
    }

    @Test
    void tablesMayCarryAnInitialiserExpression() {
        byte[] tables = vec(bytes(0x70, 0x00, 0x01), bytes(0x40, 0x00, 0x64, 0x70, 0x04, 0x02, 0xD2, 0x00, 0x0B));
        DecodedModule m = ModuleDecoder.decode(module().section(4, tables).build());
        assertNull(m.tables().get(0).init());
        assertEquals(ValType.ref(false, dev.jwasm.core.model.HeapType.FUNC), m.tables().get(1).type().elementType());
        assertTrue(m.tables().get(1).type().is64());
        assertEquals(3, m.tables().get(1).init().length());
        assertEquals("malformed limits flags", reason(module().section(4, vec(bytes(0x70, 0x08))).build()));
        assertEquals("malformed limits flags", reason(module().section(4, vec(bytes(0x70, 0x02, 0x00))).build()));
    }

    @Test
    void globalsExportsAndStartDecode() {
        byte[] module = module().section(1, oneEmptyFuncType()).section(3, vec(bytes(0)))
                .section(6, vec(bytes(0x7F, 0x01, 0x41, 0x2A, 0x0B)))
                .section(7, vec(concat(name("run"), bytes(0x00, 0x00)), concat(name("g"), bytes(0x03, 0x00))))
                .section(8, u32(0))
                .section(10, vec(body(bytes(0), 0x0B))).build();
        DecodedModule m = ModuleDecoder.decode(module);
        assertEquals(new GlobalType(ValType.I32, true), m.globals().get(0).type());
        assertEquals(3, m.globals().get(0).init().length());
        assertEquals(ExternKind.GLOBAL, m.exports().get(1).kind());
        assertEquals(0, m.startFunction());
        assertEquals("malformed export kind",
                reason(module().section(7, vec(concat(name("x"), bytes(0x05, 0x00)))).build()));
        assertEquals("malformed mutability", reason(module().section(6, vec(bytes(0x7F, 0x02, 0x41, 0x00, 0x0B))).build()));
    }

    @Test
    void aConstantExpressionWithoutEndIsMalformed() {
        assertEquals(ByteReader.UNEXPECTED_END, reason(module().section(6, vec(bytes(0x7F, 0x00, 0x41, 0x00))).build()));
        assertTrue(reason(module().section(6, vec(bytes(0x7F, 0x00, 0xF3, 0x0B))).build()).startsWith("illegal opcode"));
    }

    @Test
    void functionAndCodeCountsMustAgree() {
        byte[] noCode = module().section(1, oneEmptyFuncType()).section(3, vec(bytes(0))).build();
        assertEquals("function and code section have inconsistent lengths", reason(noCode));
        byte[] noFunctions = module().section(10, vec(body(bytes(0), 0x0B))).build();
        assertEquals("function and code section have inconsistent lengths", reason(noFunctions));
    }

    @Test
    void hostileCountsFailFastWithoutAllocating() {
        byte[] huge = u32(0xFFFF_FFFFL);
        for (int id : new int[] {1, 2, 3, 4, 5, 6, 7, 9, 10, 11, 13}) {
            String r = reason(module().section(id, huge).build());
            assertTrue(r.startsWith("unexpected end"), "section " + id + ": " + r);
        }
        byte[] hugeLocals = module().section(1, oneEmptyFuncType()).section(3, vec(bytes(0)))
                .section(10, vec(concat(u32(6), huge, bytes(0x0B)))).build();
        assertTrue(reason(hugeLocals).startsWith("unexpected end"));
    }
}
