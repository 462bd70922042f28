package dev.jwasm.core.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwasm.api.Table;
import dev.jwasm.core.model.FuncType;
import dev.jwasm.core.model.HeapType;
import dev.jwasm.core.model.Limits;
import dev.jwasm.core.model.SubType;
import dev.jwasm.core.model.TableType;
import dev.jwasm.core.model.ValType;
import java.util.List;
import org.junit.jupiter.api.Test;

class TypeRegistryTest {
    static SubType plain(FuncType f, int index) {
        return new SubType(true, new int[0], f, index, 1);
    }

    static final FuncType I_I = FuncType.of(List.of(ValType.I32), List.of(ValType.I32));

    @Test
    void structurallyEqualFunctionTypesShareAnIdAcrossModulesAndHosts() {
        int[] a = TypeRegistry.canonicalize(List.of(plain(FuncType.of(List.of(), List.of()), 0), plain(I_I, 1)));
        int[] b = TypeRegistry.canonicalize(List.of(plain(I_I, 0)));
        assertEquals(a[1], b[0]);
        assertEquals(b[0], TypeRegistry.idOf(I_I));
        assertNotEquals(a[0], a[1]);
    }

    @Test
    void typesInDifferentRecursiveGroupsDiffer() {
        // (rec (type (func (param i32) (result i32))) (type (func))) vs the same function type alone
        List<SubType> group = List.of(new SubType(true, new int[0], I_I, 0, 2),
                new SubType(true, new int[0], FuncType.of(List.of(), List.of()), 0, 2));
        int[] ids = TypeRegistry.canonicalize(group);
        assertNotEquals(TypeRegistry.idOf(I_I), ids[0]);
        assertEquals(ids[0], TypeRegistry.canonicalize(group)[0]);
    }

    @Test
    void referencesToEarlierTypesCompareByCanonicalId() {
        ValType refTo0 = ValType.ref(false, HeapType.concrete(0));
        ValType refTo1 = ValType.ref(false, HeapType.concrete(1));
        FuncType takesRef0 = FuncType.of(List.of(refTo0), List.of());
        FuncType takesRef1 = FuncType.of(List.of(refTo1), List.of());
        int[] a = TypeRegistry.canonicalize(List.of(plain(I_I, 0), plain(takesRef0, 1)));
        int[] b = TypeRegistry.canonicalize(List.of(plain(FuncType.of(List.of(), List.of()), 0), plain(I_I, 1),
                plain(takesRef1, 2)));
        assertEquals(a[1], b[2]);
    }

    @Test
    void declaredSupertypesMakeSubtypes() {
        FuncType v = FuncType.of(List.of(), List.of());
        int[] ids = TypeRegistry.canonicalize(List.of(new SubType(false, new int[0], v, 0, 1),
                new SubType(true, new int[] {0}, v, 1, 1)));
        assertNotEquals(ids[0], ids[1]);
        assertTrue(TypeRegistry.isSubtype(ids[1], ids[0]));
        assertFalse(TypeRegistry.isSubtype(ids[0], ids[1]));
    }

    @Test
    void functionTablesRejectHostObjectsThatAreNotFunctions() {
        Table t = Table.create(new TableType(ValType.FUNCREF, new Limits(1, -1, false, false)), null);
        assertThrows(IllegalArgumentException.class, () -> t.set(0, "not a function"));
        Table ext = Table.create(new TableType(ValType.EXTERNREF, new Limits(1, -1, false, false)), null);
        ext.set(0, "any host object");
        assertEquals("any host object", ext.get(0));
    }
}
