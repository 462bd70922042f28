package dev.jwasm.core.model;

import java.util.Objects;

/**
 * A WebAssembly value type: a number type, {@code v128}, or a reference type {@code (ref null? ht)}.
 * Immutable; number types and the common reference types are shared constants, so {@code ==} works for
 * them, but always compare with {@link #equals}.
 */
public final class ValType {
    /** The shape of a value type. */
    public enum Kind {
        I32(0x7F, "i32"),
        I64(0x7E, "i64"),
        F32(0x7D, "f32"),
        F64(0x7C, "f64"),
        V128(0x7B, "v128"),
        REF(-1, "ref");

        private final int code;
        private final String text;

        Kind(int code, String text) {
            this.code = code;
            this.text = text;
        }

        public int code() {
            return code;
        }

        public String text() {
            return text;
        }
    }

    public static final ValType I32 = new ValType(Kind.I32, false, null);
    public static final ValType I64 = new ValType(Kind.I64, false, null);
    public static final ValType F32 = new ValType(Kind.F32, false, null);
    public static final ValType F64 = new ValType(Kind.F64, false, null);
    public static final ValType V128 = new ValType(Kind.V128, false, null);
    /** {@code funcref} = {@code (ref null func)}. */
    public static final ValType FUNCREF = new ValType(Kind.REF, true, HeapType.FUNC);
    /** {@code externref} = {@code (ref null extern)}. */
    public static final ValType EXTERNREF = new ValType(Kind.REF, true, HeapType.EXTERN);
    /** {@code exnref} = {@code (ref null exn)}. */
    public static final ValType EXNREF = new ValType(Kind.REF, true, HeapType.EXN);

    private final Kind kind;
    private final boolean nullable;
    private final HeapType heapType;

    private ValType(Kind kind, boolean nullable, HeapType heapType) {
        this.kind = kind;
        this.nullable = nullable;
        this.heapType = heapType;
    }

    /** The reference type {@code (ref null? heapType)}. */
    public static ValType ref(boolean nullable, HeapType heapType) {
        Objects.requireNonNull(heapType);
        if (nullable && heapType == HeapType.FUNC) {
            return FUNCREF;
        }
        if (nullable && heapType == HeapType.EXTERN) {
            return EXTERNREF;
        }
        return new ValType(Kind.REF, nullable, heapType);
    }

    public Kind kind() {
        return kind;
    }

    public boolean isNumeric() {
        return kind == Kind.I32 || kind == Kind.I64 || kind == Kind.F32 || kind == Kind.F64;
    }

    public boolean isVector() {
        return kind == Kind.V128;
    }

    public boolean isReference() {
        return kind == Kind.REF;
    }

    /** For reference types, whether {@code null} is a value of this type. */
    public boolean nullable() {
        return nullable;
    }

    /** For reference types, the heap type; null for number and vector types. */
    public HeapType heapType() {
        return heapType;
    }

    /** Whether a default value exists (numbers, vectors and nullable references), for locals and fields. */
    public boolean defaultable() {
        return kind != Kind.REF || nullable;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ValType v && v.kind == kind && v.nullable == nullable
                && Objects.equals(v.heapType, heapType);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, nullable, heapType);
    }

    /** Text-format spelling, for example {@code i32}, {@code funcref} or {@code (ref null 3)}. */
    @Override
    public String toString() {
        if (kind != Kind.REF) {
            return kind.text;
        }
        if (nullable && heapType.kind() == HeapType.Kind.FUNC) {
            return "funcref";
        }
        if (nullable && heapType.kind() == HeapType.Kind.EXTERN) {
            return "externref";
        }
        return "(ref " + (nullable ? "null " : "") + heapType + ")";
    }
}
