package dev.jwasm.core.validate;

import dev.jwasm.core.model.ArrayType;
import dev.jwasm.core.model.FieldType;
import dev.jwasm.core.model.HeapType;
import dev.jwasm.core.model.StorageType;
import dev.jwasm.core.model.StructType;
import dev.jwasm.core.model.ValType;
import java.util.List;

/** Typing rules of the 0xFB-prefixed GC instructions: structs, arrays, casts, i31 and conversions. */
final class GcRules {
    private static final ValType ARRAYREF = ValType.ref(true, HeapType.of(HeapType.Kind.ARRAY));
    private static final ValType I31REF = ValType.ref(true, HeapType.of(HeapType.Kind.I31));
    private static final ValType I31 = ValType.ref(false, HeapType.of(HeapType.Kind.I31));
    private static final ValType ANYREF = ValType.ref(true, HeapType.ANY);

    private GcRules() {
    }

    static void apply(CodeValidator v, int op) {
        if (op <= 5) {
            struct(v, op);
        } else if (op <= 19 && op != 15) {
            array(v, op);
        } else {
            other(v, op);
        }
    }


    private static void struct(CodeValidator v, int op) {
        int x = v.r.index();
        StructType st = v.structType(x);
        List<FieldType> fields = st.fields();
        switch (op) {
            case 0 -> {
                for (int i = fields.size() - 1; i >= 0; i--) {
                    v.pop(fields.get(i).storage().unpacked());
                }
                v.push(v.types.ref(false, x));
            }
            case 1 -> {
                for (FieldType f : fields) {
                    requireDefaultable(v, f.storage());
                }
                v.push(v.types.ref(false, x));
            }
            case 2, 3, 4 -> {
                FieldType f = field(v, fields, v.r.index());
                if (f.storage().isPacked() == (op == 2)) {
                    throw v.error("type mismatch");
                }
                v.pop(v.types.ref(true, x));
                v.push(f.storage().unpacked());
            }
            default -> {
                FieldType f = field(v, fields, v.r.index());
                if (!f.mutable()) {
                    throw v.error("immutable field");
                }
                v.pop(f.storage().unpacked());
                v.pop(v.types.ref(true, x));
            }
        }
    }

    private static FieldType field(CodeValidator v, List<FieldType> fields, int y) {
        if (y < 0 || y >= fields.size()) {
            throw v.error("unknown field " + y);
        }
        return fields.get(y);
    }

    private static void requireDefaultable(CodeValidator v, StorageType s) {
        if (!s.isPacked() && !s.valType().defaultable()) {
            throw v.error("type mismatch");
        }
    }

    private static void requireMutable(CodeValidator v, ArrayType at) {
        if (!at.element().mutable()) {
            throw v.error("immutable array");
        }
    }

    private static void requireNumeric(CodeValidator v, ArrayType at) {
        StorageType s = at.element().storage();
        if (!s.isPacked() && s.valType().isReference()) {
            throw v.error("array type is not numeric or vector");
        }
    }

    private static void requireElementsFit(CodeValidator v, ArrayType at, int elem) {
        ValType et = v.elementSegment(elem);
        StorageType s = at.element().storage();
        if (s.isPacked() || !v.types.isSubtype(et, s.valType())) {
            throw v.error("type mismatch");
        }
    }

    private static void array(CodeValidator v, int op) {
        int x = v.r.index();
        ArrayType at = v.arrayType(x);
        ValType elem = at.element().storage().unpacked();
        switch (op) {
            case 6 -> {
                v.pop(ValType.I32);
                v.pop(elem);
                v.push(v.types.ref(false, x));
            }
            case 7 -> {
                requireDefaultable(v, at.element().storage());
                v.pop(ValType.I32);
                v.push(v.types.ref(false, x));
            }
            case 8 -> newFixed(v, x, elem);
            case 9, 10 -> {
                int seg = v.r.index();
                if (op == 9) {
                    requireNumeric(v, at);
                    v.dataSegment(seg);
                } else {
                    requireElementsFit(v, at, seg);
                }
                v.pop(ValType.I32);
                v.pop(ValType.I32);
                v.push(v.types.ref(false, x));
            }
            case 11, 12, 13 -> {
                if (at.element().storage().isPacked() == (op == 11)) {
                    throw v.error("type mismatch");
                }
                v.pop(ValType.I32);
                v.pop(v.types.ref(true, x));
                v.push(elem);
            }
            case 14 -> {
                requireMutable(v, at);
                v.pop(elem);
                v.pop(ValType.I32);
                v.pop(v.types.ref(true, x));
            }
            case 16 -> {
                requireMutable(v, at);
                v.pop(ValType.I32);
                v.pop(elem);
                v.pop(ValType.I32);
                v.pop(v.types.ref(true, x));
            }
            case 17 -> arrayCopy(v, x, at);
            case 18, 19 -> {
                requireMutable(v, at);
                int seg = v.r.index();
                if (op == 18) {
                    requireNumeric(v, at);
                    v.dataSegment(seg);
                } else {
                    requireElementsFit(v, at, seg);
                }
                v.pop(ValType.I32);
                v.pop(ValType.I32);
                v.pop(ValType.I32);
                v.pop(v.types.ref(true, x));
            }
            default -> throw v.error("illegal opcode 0xfb " + op);
        }
    }

    private static void newFixed(CodeValidator v, int x, ValType elem) {
        long n = v.r.u32() & 0xFFFF_FFFFL;
        int avail = v.available();
        if (n > avail && !v.isUnreachable()) {
            throw v.error("type mismatch");
        }
        for (long i = Math.min(n, avail); i > 0; i--) {
            v.pop(elem);
        }
        v.push(v.types.ref(false, x));
    }

    private static void arrayCopy(CodeValidator v, int x, ArrayType dst) {
        int y = v.r.index();
        ArrayType src = v.arrayType(y);
        requireMutable(v, dst);
        if (!v.types.storageMatches(src.element().storage(), dst.element().storage())) {
            throw v.error("array types do not match");
        }
        v.pop(ValType.I32);
        v.pop(ValType.I32);
        v.pop(v.types.ref(true, y));
        v.pop(ValType.I32);
        v.pop(v.types.ref(true, x));
    }

    private static void other(CodeValidator v, int op) {
        switch (op) {
            case 15 -> {
                v.pop(ARRAYREF);
                v.push(ValType.I32);
            }
            case 20, 21, 22, 23 -> {
                HeapType ht = v.r.heapType();
                v.pop(v.types.ref(true, v.types.top(ht)));
                v.push(op <= 21 ? ValType.I32 : v.types.ref((op & 1) != 0, ht));
            }
            case 24, 25 -> brOnCast(v, op == 25);
            case 26, 27 -> convert(v, op == 26);
            case 28 -> {
                v.pop(ValType.I32);
                v.push(I31);
            }
            case 29, 30 -> {
                v.pop(I31REF);
                v.push(ValType.I32);
            }
            default -> throw v.error("illegal opcode 0xfb " + op);
        }
    }

    private static void convert(CodeValidator v, boolean toAny) {
        ValType t = v.pop(toAny ? ValType.EXTERNREF : ANYREF);
        boolean nullable = t == null || t.nullable();
        v.push(v.types.ref(nullable, toAny ? HeapType.ANY : HeapType.EXTERN));
    }

    private static void brOnCast(CodeValidator v, boolean onFail) {
        int flags = v.r.u8();
        int label = v.r.index();
        ValType rt1 = v.types.ref((flags & 1) != 0, v.r.heapType());
        ValType rt2 = v.types.ref((flags & 2) != 0, v.r.heapType());
        if (flags > 3) {
            throw v.error("malformed br_on_cast flags");
        }
        if (!v.types.isSubtype(rt2, rt1)) {
            throw v.error("type mismatch");
        }
        ValType diff = v.types.ref(rt1.nullable() && !rt2.nullable(), rt1.heapType());
        List<ValType> lt = v.labelTypes(v.labelFrame(label));
        int n = lt.size();
        if (n == 0 || !v.types.isSubtype(onFail ? diff : rt2, lt.get(n - 1))) {
            throw v.error("type mismatch");
        }
        v.pop(rt1);
        v.popAndRestore(lt.subList(0, n - 1));
        v.push(onFail ? rt2 : diff);
    }
}
