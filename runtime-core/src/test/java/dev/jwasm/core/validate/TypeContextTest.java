package dev.jwasm.core.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwasm.api.InvalidModuleException;
import dev.jwasm.core.model.ArrayType;
import dev.jwasm.core.model.FieldType;
import dev.jwasm.core.model.FuncType;
import dev.jwasm.core.model.HeapType;
import dev.jwasm.core.model.StorageType;
import dev.jwasm.core.model.StructType;
import dev.jwasm.core.model.SubType;
import dev.jwasm.core.model.ValType;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class TypeContextTest {
    private static final TypeContext EMPTY = TypeSectionValidator.validate(List.of());

    private static HeapType h(String name) {
        for (HeapType.Kind k : HeapType.Kind.values()) {
            if (name.equals(k.text())) {
                return HeapType.of(k);
            }
        }
        throw new IllegalArgumentException(name);
    }

    @ParameterizedTest(name = "{0} <: {1} is {2}")
    @CsvSource({
        "none, i31, true", "none, struct, true", "none, any, true", "i31, eq, true", "struct, eq, true",
        "array, any, true", "eq, any, true", "any, eq, false", "i31, struct, false", "nofunc, func, true",
        "func, any, false", "noextern, extern, true", "extern, any, false", "noexn, exn, true",
        "none, func, false", "nofunc, none, false"})
    void abstractHeapTypesFormThreeHierarchiesAndExceptions(String a, String b, boolean expected) {
        assertEquals(expected, EMPTY.isHeapSubtype(h(a), h(b)));
    }

    @Test
    void nullableReferencesDoNotMatchNonNullableOnes() {
        ValType nullableAny = ValType.ref(true, HeapType.ANY);
        ValType any = ValType.ref(false, HeapType.ANY);
        assertTrue(EMPTY.isSubtype(any, nullableAny));
        assertFalse(EMPTY.isSubtype(nullableAny, any));
        assertFalse(EMPTY.isSubtype(ValType.I32, ValType.I64));
        assertTrue(EMPTY.isSubtype(null, ValType.F64));
    }

    private static SubType struct(boolean isFinal, int[] supers, int index, FieldType... fields) {
        return new SubType(isFinal, supers, new StructType(List.of(fields)), index, 1);
    }

    private static final FieldType I32_FIELD = new FieldType(StorageType.of(ValType.I32), false);
    private static final FieldType I64_FIELD = new FieldType(StorageType.of(ValType.I64), false);

    @Test
    void declaredSupertypesMakeConcreteSubtypes() {
        TypeContext ctx = TypeSectionValidator.validate(List.of(
                struct(false, new int[0], 0, I32_FIELD),
                struct(true, new int[] {0}, 1, I32_FIELD, I64_FIELD)));
        assertTrue(ctx.isHeapSubtype(HeapType.concrete(1), HeapType.concrete(0)));
        assertFalse(ctx.isHeapSubtype(HeapType.concrete(0), HeapType.concrete(1)));
        assertTrue(ctx.isHeapSubtype(HeapType.concrete(1), h("struct")));
        assertTrue(ctx.isHeapSubtype(h("none"), HeapType.concrete(1)));
        assertFalse(ctx.isHeapSubtype(HeapType.concrete(1), h("array")));
    }

    @Test
    void structurallyIdenticalGroupsAreEquivalentEvenAcrossModules() {
        List<SubType> types = List.of(
                new SubType(true, new int[0], new FuncType(List.of(ValType.I32), List.of()), 0, 1),
                new SubType(true, new int[0], new FuncType(List.of(ValType.I32), List.of()), 1, 1));
        TypeContext a = TypeSectionValidator.validate(types);
        TypeContext b = TypeSectionValidator.validate(types.subList(1, 2).stream()
                .map(t -> new SubType(true, new int[0], t.composite(), 0, 1)).toList());
        assertEquals(a.canonicalId(0), a.canonicalId(1));
        assertTrue(TypeContext.matches(a, ValType.ref(false, HeapType.concrete(1)), b,
                ValType.ref(true, HeapType.concrete(0))));
    }

    @Test
    void finalTypesCannotBeExtended() {
        InvalidModuleException e = assertThrows(InvalidModuleException.class, () -> TypeSectionValidator.validate(
                List.of(struct(true, new int[0], 0), struct(true, new int[] {0}, 1))));
        assertEquals("sub type 1 does not match super type 0", e.reason());
    }

    @Test
    void subtypesMustMatchTheirSupertypesBody() {
        List<SubType> types = List.of(struct(false, new int[0], 0, I32_FIELD),
                struct(true, new int[] {0}, 1, I64_FIELD));
        assertTrue(assertThrows(InvalidModuleException.class, () -> TypeSectionValidator.validate(types))
                .reason().startsWith("sub type"));
        FieldType mutableI8 = new FieldType(StorageType.I8, true);
        List<SubType> arrays = List.of(new SubType(false, new int[0], new ArrayType(mutableI8), 0, 1),
                new SubType(true, new int[] {0}, new ArrayType(new FieldType(StorageType.I8, false)), 1, 1));
        assertThrows(InvalidModuleException.class, () -> TypeSectionValidator.validate(arrays));
    }

    @Test
    void referencesBeyondTheCurrentGroupAreUnknownTypes() {
        FieldType refToLater = new FieldType(StorageType.of(ValType.ref(true, HeapType.concrete(1))), false);
        InvalidModuleException e = assertThrows(InvalidModuleException.class,
                () -> TypeSectionValidator.validate(List.of(struct(true, new int[0], 0, refToLater),
                        struct(true, new int[0], 1))));
        assertEquals("unknown type 1", e.reason());
    }

    @Test
    void importMatchingHelpersFollowTheSubtypingRules() {
        List<SubType> exporting = List.of(struct(false, new int[0], 0, I32_FIELD),
                struct(true, new int[] {0}, 1, I32_FIELD));
        TypeContext a = TypeSectionValidator.validate(exporting);
        TypeContext b = TypeSectionValidator.validate(List.of(struct(false, new int[0], 0, I32_FIELD)));
        assertTrue(TypeContext.funcTypeIndexMatches(a, 1, b, 0));
        assertFalse(TypeContext.funcTypeIndexMatches(b, 0, a, 1));
        ValType sub = ValType.ref(false, HeapType.concrete(1));
        ValType sup = ValType.ref(false, HeapType.concrete(0));
        var immutableSub = new dev.jwasm.core.model.GlobalType(sub, false);
        assertTrue(TypeContext.globalMatches(a, immutableSub, b, new dev.jwasm.core.model.GlobalType(sup, false)));
        assertFalse(TypeContext.globalMatches(a, new dev.jwasm.core.model.GlobalType(sub, true), b,
                new dev.jwasm.core.model.GlobalType(sup, true)));
        assertFalse(TypeContext.tableElementMatches(a, sub, b, sup));
    }
}
