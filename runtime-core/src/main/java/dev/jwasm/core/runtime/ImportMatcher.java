package dev.jwasm.core.runtime;

import dev.jwasm.api.Extern;
import dev.jwasm.api.LinkException;
import dev.jwasm.core.model.DecodedModule;
import dev.jwasm.core.model.FuncType;
import dev.jwasm.core.model.GlobalType;
import dev.jwasm.core.model.HeapType;
import dev.jwasm.core.model.Import;
import dev.jwasm.core.model.ImportDesc;
import dev.jwasm.core.model.Limits;
import dev.jwasm.core.model.MemoryType;
import dev.jwasm.core.model.TableType;
import dev.jwasm.core.model.ValType;

/** Checks that a definition satisfies an import (the spec's import matching rules). */
final class ImportMatcher {
    private ImportMatcher() {
    }

    static LinkException incompatible(Import imp, String why) {
        return new LinkException("incompatible import type: " + imp.module() + "." + imp.name() + ": " + why);
    }

    static FunctionInstance function(Import imp, Extern ext, DecodedModule m, int[] typeIds) {
        int typeIndex = ((ImportDesc.Func) imp.desc()).typeIndex();
        FuncType expected = m.types().get(typeIndex).funcType();
        if (!(ext instanceof FunctionInstance f)) {
            throw incompatible(imp, "expected a function");
        }
        if (!TypeRegistry.isSubtype(f.typeId, typeIds[typeIndex])) {
            throw incompatible(imp, "expected " + expected + ", got " + f.type());
        }
        return f;
    }

    static GlobalInstance global(Import imp, Extern ext) {
        GlobalType expected = ((ImportDesc.Global) imp.desc()).type();
        if (!(ext instanceof GlobalInstance g)) {
            throw incompatible(imp, "expected a global");
        }
        GlobalType actual = g.type();
        boolean ok = actual.mutable() == expected.mutable() && (expected.mutable()
                ? actual.valType().equals(expected.valType())
                : isSubtype(actual.valType(), expected.valType()));
        if (!ok) {
            throw incompatible(imp, "expected " + expected + ", got " + actual);
        }
        return g;
    }

    static MemoryInstance memory(Import imp, Extern ext) {
        MemoryType expected = ((ImportDesc.Memory) imp.desc()).type();
        if (!(ext instanceof MemoryInstance mem)) {
            throw incompatible(imp, "expected a memory");
        }
        MemoryType actual = mem.type();
        if (actual.is64() != expected.is64() || actual.pageSizeLog2() != expected.pageSizeLog2()
                || actual.limits().shared() != expected.limits().shared()
                || !limitsMatch(mem.currentLimits(), expected.limits())) {
            throw incompatible(imp, "expected memory " + expected.limits() + ", got " + mem.currentLimits());
        }
        return mem;
    }

    static TableInstance table(Import imp, Extern ext) {
        TableType expected = ((ImportDesc.Table) imp.desc()).type();
        if (!(ext instanceof TableInstance t)) {
            throw incompatible(imp, "expected a table");
        }
        TableType actual = t.type();
        if (actual.is64() != expected.is64() || !actual.elementType().equals(expected.elementType())
                || !limitsMatch(t.currentLimits(), expected.limits())) {
            throw incompatible(imp, "expected table " + expected + ", got " + actual);
        }
        return t;
    }

    private static boolean limitsMatch(Limits actual, Limits expected) {
        if (actual.min() < expected.min()) {
            return false;
        }
        if (!expected.hasMax()) {
            return true;
        }
        return actual.hasMax() && Long.compareUnsigned(actual.max(), expected.max()) <= 0;
    }

    /** Value subtyping for the abstract heap types (concrete types only match themselves). */
    static boolean isSubtype(ValType a, ValType b) {
        if (a.equals(b)) {
            return true;
        }
        if (!a.isReference() || !b.isReference() || (a.nullable() && !b.nullable())) {
            return false;
        }
        return heapSubtype(a.heapType(), b.heapType());
    }

    private static boolean heapSubtype(HeapType a, HeapType b) {
        if (a.equals(b)) {
            return true;
        }
        HeapType.Kind ka = a.kind();
        HeapType.Kind kb = b.kind();
        return switch (kb) {
            case FUNC -> ka == HeapType.Kind.NOFUNC || ka == HeapType.Kind.CONCRETE;
            case EXTERN -> ka == HeapType.Kind.NOEXTERN;
            case ANY -> ka == HeapType.Kind.EQ || ka == HeapType.Kind.I31 || ka == HeapType.Kind.STRUCT
                    || ka == HeapType.Kind.ARRAY || ka == HeapType.Kind.NONE;
            case EQ -> ka == HeapType.Kind.I31 || ka == HeapType.Kind.STRUCT || ka == HeapType.Kind.ARRAY
                    || ka == HeapType.Kind.NONE;
            case STRUCT, ARRAY, I31 -> ka == HeapType.Kind.NONE;
            case EXN -> ka == HeapType.Kind.NOEXN;
            case CONCRETE -> ka == HeapType.Kind.NOFUNC || ka == HeapType.Kind.NONE;
            default -> false;
        };
    }
}
