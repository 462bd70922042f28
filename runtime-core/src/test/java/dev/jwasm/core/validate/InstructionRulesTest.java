package dev.jwasm.core.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwasm.api.InvalidModuleException;
import dev.jwasm.core.model.ArrayType;
import dev.jwasm.core.model.FieldType;
import dev.jwasm.core.model.HeapType;
import dev.jwasm.core.model.StorageType;
import dev.jwasm.core.model.StructType;
import dev.jwasm.core.model.SubType;
import dev.jwasm.core.model.TagType;
import dev.jwasm.core.model.ValType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** GC, SIMD, exception-handling and bulk instructions, each with a valid and an invalid use. */
class InstructionRulesTest {
    private static String reason(TestModule t) {
        return assertThrows(InvalidModuleException.class, () -> ModuleValidator.validate(t.build())).reason();
    }

    private static void valid(TestModule t) {
        ModuleValidator.validate(t.build());
    }

    private static TestModule withStruct(boolean mutable) {
        TestModule t = new TestModule();
        t.sub(new SubType(true, new int[0],
                new StructType(List.of(new FieldType(StorageType.of(ValType.I32), mutable))), 0, 1));
        return t;
    }

    @Test
    void structNewAndGetRoundTripAnI32() {
        TestModule t = withStruct(false);
        int ty = t.type(List.of(), List.of(ValType.I32));
        // i32.const 7 ; struct.new 0 ; struct.get 0 0 ; end
        t.func(ty, 0x41, 7, 0xFB, 0, 0, 0xFB, 2, 0, 0, 0x0B);
        valid(t);
    }

    @Test
    void settingAnImmutableFieldIsRejected() {
        TestModule t = withStruct(false);
        int ty = t.type(List.of(), List.of());
        // i32.const 7 ; struct.new 0 ; i32.const 1 ; struct.set 0 0 ; end
        t.func(ty, 0x41, 7, 0xFB, 0, 0, 0x41, 1, 0xFB, 5, 0, 0, 0x0B);
        assertEquals("immutable field", reason(t));
    }

    @Test
    void settingAnImmutableArrayIsRejected() {
        TestModule t = new TestModule();
        t.sub(new SubType(true, new int[0], new ArrayType(new FieldType(StorageType.I8, false)), 0, 1));
        int ty = t.type(List.of(), List.of());
        // i32.const 0 ; i32.const 1 ; array.new 0 ; i32.const 0 ; i32.const 5 ; array.set 0 ; end
        t.func(ty, 0x41, 0, 0x41, 1, 0xFB, 6, 0, 0x41, 0, 0x41, 5, 0xFB, 14, 0, 0x0B);
        assertEquals("immutable array", reason(t));
    }

    @Test
    void arrayLenTakesAnyArrayReference() {
        TestModule t = new TestModule();
        t.sub(new SubType(true, new int[0], new ArrayType(new FieldType(StorageType.I8, true)), 0, 1));
        int ty = t.type(List.of(ValType.ref(true, HeapType.concrete(0))), List.of(ValType.I32));
        t.func(ty, 0x20, 0, 0xFB, 15, 0x0B);
        valid(t);
    }

    @Test
    void refCastNarrowsWithinOneHierarchyOnly() {
        TestModule ok = withStruct(true);
        int ty = ok.type(List.of(ValType.ref(true, HeapType.ANY)), List.of(ValType.ref(false, HeapType.concrete(0))));
        // local.get 0 ; ref.cast (ref 0) ; end
        ok.func(ty, 0x20, 0, 0xFB, 22, 0, 0x0B);
        valid(ok);

        TestModule bad = withStruct(true);
        int ty2 = bad.type(List.of(ValType.FUNCREF), List.of(ValType.I32));
        // local.get 0 (funcref) ; ref.test (ref 0) where 0 is a struct ; end
        bad.func(ty2, 0x20, 0, 0xFB, 20, 0, 0x0B);
        assertEquals("type mismatch", reason(bad));
    }

    @Test
    void i31RoundTrip() {
        TestModule t = new TestModule();
        int ty = t.type(List.of(), List.of(ValType.I32));
        t.func(ty, 0x41, 5, 0xFB, 28, 0xFB, 29, 0x0B);
        valid(t);
    }

    @Test
    void laneIndicesAreBoundedByTheShape() {
        TestModule ok = new TestModule();
        int ty = ok.type(List.of(ValType.V128), List.of(ValType.I32));
        ok.func(ty, 0x20, 0, 0xFD, 27, 3, 0x0B); // i32x4.extract_lane 3
        valid(ok);
        TestModule bad = new TestModule();
        int ty2 = bad.type(List.of(ValType.V128), List.of(ValType.I32));
        bad.func(ty2, 0x20, 0, 0xFD, 27, 4, 0x0B);
        assertEquals("invalid lane index", reason(bad));
    }

    @Test
    void v128BinaryOperatorsNeedTwoVectors() {
        TestModule t = new TestModule();
        int ty = t.type(List.of(ValType.V128, ValType.I32), List.of(ValType.V128));
        t.func(ty, 0x20, 0, 0x20, 1, 0xFD, 0xAE, 1, 0x0B); // i32x4.add with an i32 operand
        assertEquals("type mismatch", reason(t));
    }

    @Test
    void throwNeedsTheTagsParameters() {
        TestModule t = new TestModule();
        int tagType = t.type(List.of(ValType.I32), List.of());
        t.tags.add(new TagType(tagType));
        int ty = t.type(List.of(), List.of());
        t.func(ty, 0x42, 5, 0x08, 0, 0x0B);
        assertEquals("type mismatch: instruction requires [i32] but stack has [i64]", reason(t));
    }

    @Test
    void tryTableCatchesDeliverTheTagParametersToTheLabel() {
        TestModule t = new TestModule();
        int tagType = t.type(List.of(ValType.I32), List.of());
        t.tags.add(new TagType(tagType));
        int ty = t.type(List.of(), List.of(ValType.I32));
        // block (result i32) ; try_table (catch 0 0) ; end ; i32.const 0 ; end ; end
        t.func(ty, 0x02, 0x7F, 0x1F, 0x40, 1, 0x00, 0, 0, 0x0B, 0x41, 0, 0x0B, 0x0B);
        valid(t);
        TestModule bad = new TestModule();
        int tagType2 = bad.type(List.of(ValType.I64), List.of());
        bad.tags.add(new TagType(tagType2));
        int ty2 = bad.type(List.of(), List.of(ValType.I32));
        bad.func(ty2, 0x02, 0x7F, 0x1F, 0x40, 1, 0x00, 0, 0, 0x0B, 0x41, 0, 0x0B, 0x0B);
        assertEquals("type mismatch", reason(bad));
    }

    @Test
    void rethrowMustTargetACatch() {
        TestModule t = new TestModule();
        int ty = t.type(List.of(), List.of());
        t.func(ty, 0x02, 0x40, 0x09, 0, 0x0B, 0x0B);
        assertEquals("invalid rethrow label", reason(t));
    }

    @Test
    void tagsMustNotHaveResults() {
        TestModule t = new TestModule();
        int tagType = t.type(List.of(), List.of(ValType.I32));
        t.tags.add(new TagType(tagType));
        assertEquals("non-empty tag result type", reason(t));
    }

    @Test
    void memoryFillUsesTheMemorysAddressType() {
        TestModule t = new TestModule();
        t.memories.add(new dev.jwasm.core.model.MemoryType(new dev.jwasm.core.model.Limits(1, -1, true, false)));
        int ty = t.type(List.of(), List.of());
        // i64.const 0 ; i32.const 0 ; i64.const 1 ; memory.fill 0 ; end
        t.func(ty, 0x42, 0, 0x41, 0, 0x42, 1, 0xFC, 11, 0, 0x0B);
        assertTrue(ModuleValidator.validate(t.build()).functions().get(0).usesMemory());
    }

    @Test
    void callRefChecksTheReferencesFunctionType() {
        TestModule t = new TestModule();
        int callee = t.type(List.of(ValType.I32), List.of(ValType.I32));
        int ty = t.type(List.of(ValType.ref(true, HeapType.concrete(callee))), List.of(ValType.I32));
        // i32.const 1 ; local.get 0 ; call_ref callee ; end
        t.func(ty, 0x41, 1, 0x20, 0, 0x14, callee, 0x0B);
        assertTrue(ModuleValidator.validate(t.build()).functions().get(0).hasCalls());
    }
}
