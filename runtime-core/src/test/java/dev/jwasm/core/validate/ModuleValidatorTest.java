package dev.jwasm.core.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwasm.api.InvalidModuleException;
import dev.jwasm.core.model.ExternKind;
import dev.jwasm.core.model.FunctionInfo;
import dev.jwasm.core.model.ValType;
import dev.jwasm.core.model.ValidationInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModuleValidatorTest {
    private static final ValType I32 = ValType.I32;
    private static final ValType I64 = ValType.I64;

    private static String reason(TestModule t) {
        return assertThrows(InvalidModuleException.class, () -> ModuleValidator.validate(t.build())).reason();
    }

    @Test
    void anAddFunctionValidatesAndReportsItsStackHeight() {
        TestModule t = new TestModule();
        int ty = t.type(List.of(I32, I32), List.of(I32));
        t.func(ty, 0x20, 0, 0x20, 1, 0x6A, 0x0B);
        ValidationInfo info = ModuleValidator.validate(t.build());
        FunctionInfo f = info.functions().get(0);
        assertEquals(2, f.maxStackHeight());
        assertEquals(1, f.maxControlDepth());
        assertFalse(f.usesMemory());
        assertFalse(f.hasCalls());
    }

    @Test
    void addingAnI64ToAnI32IsATypeMismatch() {
        TestModule t = new TestModule();
        int ty = t.type(List.of(I32, I64), List.of(I32));
        t.func(ty, 0x20, 0, 0x20, 1, 0x6A, 0x0B);
        assertEquals("type mismatch", reason(t));
    }

    @Test
    void missingResultReportsWhatTheInstructionRequires() {
        TestModule t = new TestModule();
        int ty = t.type(List.of(), List.of(I32));
        t.func(ty, 0x0B);
        assertEquals("type mismatch: instruction requires [i32] but stack has []", reason(t));
    }

    @Test
    void leftoverValuesAtBlockEndAreReported() {
        TestModule t = new TestModule();
        int ty = t.type(List.of(), List.of());
        t.func(ty, 0x41, 1, 0x0B);
        assertEquals("type mismatch: block requires [] but stack has [i32]", reason(t));
    }

    @Test
    void unreachableCodeIsPolymorphic() {
        TestModule t = new TestModule();
        int ty = t.type(List.of(), List.of(I32));
        // unreachable; i64.eqz ; (i32 result) end  -- bottom satisfies any operand
        t.func(ty, 0x00, 0x50, 0x0B);
        ModuleValidator.validate(t.build());
    }

    @Test
    void unknownLocalIsRejected() {
        TestModule t = new TestModule();
        int ty = t.type(List.of(), List.of());
        t.func(ty, 0x20, 3, 0x1A, 0x0B);
        assertEquals("unknown local 3", reason(t));
    }

    @Test
    void branchToMissingLabelIsUnknownLabel() {
        TestModule t = new TestModule();
        int ty = t.type(List.of(), List.of());
        t.func(ty, 0x0C, 1, 0x0B);
        assertEquals("unknown label", reason(t));
    }

    @Test
    void brTableTargetsMustAgreeOnArity() {
        TestModule t = new TestModule();
        int ty = t.type(List.of(), List.of());
        // block (result i32) ; i32.const 0 ; i32.const 0 ; br_table 0 1 ; end ; drop ; end
        t.func(ty, 0x02, 0x7F, 0x41, 0, 0x41, 0, 0x0E, 1, 0, 1, 0x0B, 0x1A, 0x0B);
        assertEquals("type mismatch", reason(t));
    }

    @Test
    void loadsNeedAMemoryAndNaturalAlignment() {
        TestModule noMem = new TestModule();
        int ty = noMem.type(List.of(), List.of(I32));
        noMem.func(ty, 0x41, 0, 0x28, 2, 0, 0x0B);
        assertTrue(reason(noMem).startsWith("unknown memory"));

        TestModule overAligned = new TestModule().memory(1, -1);
        int ty2 = overAligned.type(List.of(), List.of(I32));
        overAligned.func(ty2, 0x41, 0, 0x28, 3, 0, 0x0B);
        assertEquals("alignment must not be larger than natural", reason(overAligned));

        TestModule ok = new TestModule().memory(1, -1);
        int ty3 = ok.type(List.of(), List.of(I32));
        ok.func(ty3, 0x41, 0, 0x28, 2, 0, 0x0B);
        assertTrue(ModuleValidator.validate(ok.build()).functions().get(0).usesMemory());
    }

    @Test
    void settingAnImmutableGlobalIsRejected() {
        TestModule t = new TestModule().global(I32, false, 0x41, 0, 0x0B);
        int ty = t.type(List.of(), List.of());
        t.func(ty, 0x41, 1, 0x24, 0, 0x0B);
        assertEquals("immutable global", reason(t));
    }

    @Test
    void globalInitialisersMustBeConstant() {
        TestModule t = new TestModule().global(I32, false, 0x41, 0, 0x41, 0, 0x6A, 0x0B);
        ModuleValidator.validate(t.build());
        TestModule bad = new TestModule().global(I32, false, 0x41, 0, 0x45, 0x0B);
        assertEquals("constant expression required", reason(bad));
        TestModule mutableRef = new TestModule().importGlobal(I32, true).global(I32, false, 0x23, 0, 0x0B);
        assertEquals("constant expression required", reason(mutableRef));
    }

    @Test
    void refFuncNeedsADeclaration() {
        TestModule t = new TestModule();
        int ty = t.type(List.of(), List.of());
        t.func(ty, 0xD2, 0, 0x1A, 0x0B);
        assertEquals("undeclared function reference", reason(t));
        TestModule exported = new TestModule();
        int ty2 = exported.type(List.of(), List.of());
        exported.func(ty2, 0xD2, 0, 0x1A, 0x0B).export("f", ExternKind.FUNC, 0);
        assertTrue(ModuleValidator.validate(exported.build()).declaredFunctionRefs().get(0));
    }

    @Test
    void duplicateExportNamesAreRejected() {
        TestModule t = new TestModule().memory(1, -1);
        t.export("a", ExternKind.MEMORY, 0).export("a", ExternKind.MEMORY, 0);
        assertEquals("duplicate export name", reason(t));
    }

    @Test
    void startFunctionMustTakeAndReturnNothing() {
        TestModule t = new TestModule();
        int ty = t.type(List.of(), List.of(I32));
        t.func(ty, 0x41, 0, 0x0B);
        t.start = 0;
        assertEquals("start function", reason(t));
    }

    @Test
    void memoryLimitsAreChecked() {
        assertEquals("size minimum must not be greater than maximum", reason(new TestModule().memory(2, 1)));
        assertEquals("memory size must be at most 65536 pages (4GiB)", reason(new TestModule().memory(65537, -1)));
    }

    @Test
    void uninitialisedNonNullableLocalsCannotBeRead() {
        TestModule t = new TestModule();
        int ty = t.type(List.of(), List.of());
        ValType nonNullExtern = ValType.ref(false, dev.jwasm.core.model.HeapType.EXTERN);
        t.func(ty, List.of(nonNullExtern), 0x20, 0, 0x1A, 0x0B);
        assertEquals("uninitialized local", reason(t));
    }

    @Test
    void localInitialisationEndsWithTheBlock() {
        TestModule t = new TestModule();
        ValType nonNullExtern = ValType.ref(false, dev.jwasm.core.model.HeapType.EXTERN);
        int ty = t.type(List.of(nonNullExtern), List.of());
        // block ; local.get 0 ; local.set 1 ; end ; local.get 1 ; drop ; end
        t.func(ty, List.of(nonNullExtern), 0x02, 0x40, 0x20, 0, 0x21, 1, 0x0B, 0x20, 1, 0x1A, 0x0B);
        assertEquals("uninitialized local", reason(t));
    }

    @Test
    void tailCallsMustReturnTheCallersResults() {
        TestModule t = new TestModule();
        int callee = t.type(List.of(), List.of(I64));
        int caller = t.type(List.of(), List.of(I32));
        t.func(callee, 0x42, 0, 0x0B);
        t.func(caller, 0x12, 0, 0x0B);
        assertEquals("type mismatch", reason(t));
    }

    @Test
    void typedSelectNeedsExactlyOneType() {
        TestModule t = new TestModule();
        int ty = t.type(List.of(), List.of());
        t.func(ty, 0x41, 0, 0x41, 0, 0x41, 0, 0x1C, 2, 0x7F, 0x7F, 0x1A, 0x0B);
        assertEquals("invalid result arity", reason(t));
    }

    @Test
    void untypedSelectRejectsReferences() {
        TestModule t = new TestModule();
        int ty = t.type(List.of(), List.of());
        t.func(ty, 0xD0, 0x70, 0xD0, 0x70, 0x41, 0, 0x1B, 0x1A, 0x0B);
        assertEquals("type mismatch", reason(t));
    }

    @Test
    void dataDropNeedsTheDataCountSection() {
        TestModule t = new TestModule().memory(1, -1);
        int ty = t.type(List.of(), List.of());
        t.func(ty, 0xFC, 9, 0, 0x0B);
        assertEquals("data count section required", reason(t));
    }

    @Test
    void ifWithoutElseMustHaveMatchingParamsAndResults() {
        TestModule t = new TestModule();
        int ty = t.type(List.of(), List.of(I32));
        // i32.const 1 ; if (result i32) i32.const 2 end ; end
        t.func(ty, 0x41, 1, 0x04, 0x7F, 0x41, 2, 0x0B, 0x0B);
        assertEquals("type mismatch", reason(t));
    }

    @Test
    void truncatedBodiesFailCleanly() {
        TestModule t = new TestModule();
        int ty = t.type(List.of(), List.of());
        t.func(ty, 0x02, 0x40, 0x41);
        assertThrows(InvalidModuleException.class, () -> ModuleValidator.validate(t.build()));
    }
}
