package dev.jwasm.core.binary;

import static dev.jwasm.core.binary.ModuleBytes.bytes;
import static dev.jwasm.core.binary.ModuleBytes.concat;
import static dev.jwasm.core.binary.ModuleBytes.module;
import static dev.jwasm.core.binary.ModuleBytes.vec;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwasm.api.MalformedModuleException;
import dev.jwasm.core.model.ArrayType;
import dev.jwasm.core.model.FuncType;
import dev.jwasm.core.model.HeapType;
import dev.jwasm.core.model.StorageType;
import dev.jwasm.core.model.StructType;
import dev.jwasm.core.model.SubType;
import dev.jwasm.core.model.ValType;
import java.util.List;
import org.junit.jupiter.api.Test;

class TypeSectionReaderTest {
    private static List<SubType> types(byte[]... groups) {
        return ModuleDecoder.decode(module().section(1, vec(groups)).build()).types();
    }

    @Test
    void aPlainFunctionTypeIsAFinalSubTypeInItsOwnGroup() {
        List<SubType> t = types(bytes(0x60, 0x02, 0x7F, 0x7E, 0x01, 0x7B));
        SubType s = t.get(0);
        assertTrue(s.isFinal());
        assertEquals(0, s.supertypeCount());
        assertEquals(0, s.recGroupStart());
        assertEquals(1, s.recGroupSize());
        assertEquals(new FuncType(List.of(ValType.I32, ValType.I64), List.of(ValType.V128)), s.funcType());
    }

    @Test
    void recursiveGroupsRecordTheirStartAndSize() {
        byte[] rec = bytes(0x4E, 0x02, 0x5F, 0x01, 0x63, 0x01, 0x01, 0x5E, 0x78, 0x01);
        List<SubType> t = types(bytes(0x60, 0x00, 0x00), rec);
        assertEquals(3, t.size());
        assertEquals(1, t.get(1).recGroupStart());
        assertEquals(2, t.get(1).recGroupSize());
        assertEquals(1, t.get(2).recGroupStart());
        StructType struct = (StructType) t.get(1).composite();
        assertEquals(ValType.ref(true, HeapType.concrete(1)), struct.fields().get(0).storage().valType());
        assertTrue(struct.fields().get(0).mutable());
        ArrayType array = (ArrayType) t.get(2).composite();
        assertEquals(StorageType.I8, array.element().storage());
    }

    @Test
    void subTypesDeclareSupertypesAndFinality() {
        List<SubType> t = types(bytes(0x50, 0x00, 0x5F, 0x00), bytes(0x4F, 0x01, 0x00, 0x5F, 0x01, 0x77, 0x00));
        assertFalse(t.get(0).isFinal());
        assertTrue(t.get(1).isFinal());
        assertArrayEquals(new int[] {0}, t.get(1).supertypes());
        assertEquals(StorageType.I16, ((StructType) t.get(1).composite()).fields().get(0).storage());
    }

    @Test
    void referenceTypeAbbreviationsAndNonNullableReferencesDecode() {
        List<SubType> t = types(bytes(0x60, 0x06, 0x70, 0x6F, 0x6E, 0x69, 0x64, 0x6C, 0x63, 0x00, 0x00));
        assertEquals(List.of(ValType.FUNCREF, ValType.EXTERNREF, ValType.ref(true, HeapType.ANY), ValType.EXNREF,
                ValType.ref(false, HeapType.of(HeapType.Kind.I31)), ValType.ref(true, HeapType.concrete(0))),
                t.get(0).funcType().params());
    }

    @Test
    void unknownTypeCodesAreMalformed() {
        assertEquals("malformed definition type", reason(bytes(0x5D, 0x00)));
        assertEquals("integer representation too long", reason(bytes(0xE0, 0x7F, 0x00, 0x00)));
        assertEquals("malformed value type", reason(bytes(0x60, 0x01, 0x10, 0x00)));
        assertEquals("malformed heap type", reason(bytes(0x60, 0x01, 0x64, 0x50, 0x00)));
        assertEquals("malformed mutability", reason(bytes(0x5E, 0x7F, 0x02)));
        assertEquals("malformed storage type", reason(bytes(0x5E, 0x76, 0x00)));
    }

    private static String reason(byte[] type) {
        byte[] module = module().section(1, concat(bytes(0x01), type)).build();
        return assertThrows(MalformedModuleException.class, () -> ModuleDecoder.decode(module)).reason();
    }
}
