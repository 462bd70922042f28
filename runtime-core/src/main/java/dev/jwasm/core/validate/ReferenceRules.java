package dev.jwasm.core.validate;

import dev.jwasm.core.model.HeapType;
import dev.jwasm.core.model.ValType;
import java.util.List;

/** Typing rules of the reference instructions 0xD0-0xD6 (typed function references included). */
final class ReferenceRules {
    static final ValType EQREF = ValType.ref(true, HeapType.of(HeapType.Kind.EQ));

    private ReferenceRules() {
    }

    static void apply(CodeValidator v, int op) {
        switch (op) {
            case 0xD0 -> v.push(v.types.ref(true, v.r.heapType()));
            case 0xD1 -> {
                v.popRef();
                v.push(ValType.I32);
            }
            case 0xD2 -> refFunc(v);
            case 0xD3 -> {
                v.pop(EQREF);
                v.pop(EQREF);
                v.push(ValType.I32);
            }
            case 0xD4 -> v.push(nonNull(v, v.popRef()));
            case 0xD5 -> {
                int f = v.labelFrame(v.r.index());
                ValType t = v.popRef();
                v.popAndRestore(v.labelTypes(f));
                v.push(nonNull(v, t));
            }
            case 0xD6 -> brOnNonNull(v);
            default -> throw v.error("illegal opcode " + Integer.toHexString(op));
        }
    }

    /** The non-nullable version of {@code t}; bottom stays bottom. */
    static ValType nonNull(CodeValidator v, ValType t) {
        return t == null || !t.nullable() ? t : v.types.ref(false, t.heapType());
    }

    private static void refFunc(CodeValidator v) {
        int x = v.r.index();
        v.function(x);
        if (v.constMode) {
            v.mc.declaredRefs.set(x);
        } else if (!v.mc.declaredRefs.get(x)) {
            throw v.error("undeclared function reference");
        }
        v.push(v.types.ref(false, v.mc.functionTypes[x]));
    }

    private static void brOnNonNull(CodeValidator v) {
        int f = v.labelFrame(v.r.index());
        List<ValType> label = v.labelTypes(f);
        int n = label.size();
        if (n == 0) {
            throw v.error("type mismatch");
        }
        ValType t = nonNull(v, v.popRef());
        if (!v.types.isSubtype(t, label.get(n - 1))) {
            throw v.error("type mismatch");
        }
        v.popAndRestore(label.subList(0, n - 1));
    }
}
