package dev.jwasm.core.model;

import java.util.Objects;

/**
 * A heap type: one of the abstract heap types of WebAssembly 3.0, or a concrete type index into the
 * module's type section ({@link Kind#CONCRETE}). Immutable; abstract heap types are interned.
 */
public final class HeapType {
    /** Abstract heap types, with their binary encodings (as signed s33 values) and text names. */
    public enum Kind {
        FUNC(0x70, "func"),
        NOFUNC(0x73, "nofunc"),
        EXTERN(0x6F, "extern"),
        NOEXTERN(0x72, "noextern"),
        ANY(0x6E, "any"),
        EQ(0x6D, "eq"),
        I31(0x6C, "i31"),
        STRUCT(0x6B, "struct"),
        ARRAY(0x6A, "array"),
        NONE(0x71, "none"),
        EXN(0x69, "exn"),
        NOEXN(0x74, "noexn"),
        CONCRETE(-1, null);

        private final int code;
        private final String text;

        Kind(int code, String text) {
            this.code = code;
            this.text = text;
        }

        /** The byte that encodes this abstract heap type, or -1 for {@link #CONCRETE}. */
        public int code() {
            return code;
        }

        public String text() {
            return text;
        }

        /** The abstract heap type encoded by {@code b}, or null. */
        public static Kind fromCode(int b) {
            for (Kind k : values()) {
                if (k.code == b) {
                    return k;
                }
            }
            return null;
        }
    }

    private static final HeapType[] ABSTRACT = new HeapType[Kind.values().length];

    static {
        for (Kind k : Kind.values()) {
            if (k != Kind.CONCRETE) {
                ABSTRACT[k.ordinal()] = new HeapType(k, -1);
            }
        }
    }

    public static final HeapType FUNC = of(Kind.FUNC);
    public static final HeapType EXTERN = of(Kind.EXTERN);
    public static final HeapType NOFUNC = of(Kind.NOFUNC);
    public static final HeapType NOEXTERN = of(Kind.NOEXTERN);
    public static final HeapType ANY = of(Kind.ANY);
    public static final HeapType EXN = of(Kind.EXN);

    private final Kind kind;
    private final int typeIndex;

    private HeapType(Kind kind, int typeIndex) {
        this.kind = kind;
        this.typeIndex = typeIndex;
    }

    /** The interned abstract heap type {@code kind}; not for {@link Kind#CONCRETE}. */
    public static HeapType of(Kind kind) {
        if (kind == Kind.CONCRETE) {
            throw new IllegalArgumentException("concrete heap types need a type index");
        }
        return ABSTRACT[kind.ordinal()];
    }

    /** The concrete heap type referring to type {@code index} of the module. */
    public static HeapType concrete(int index) {
        if (index < 0) {
            throw new IllegalArgumentException("negative type index");
        }
        return new HeapType(Kind.CONCRETE, index);
    }

    public Kind kind() {
        return kind;
    }

    public boolean isConcrete() {
        return kind == Kind.CONCRETE;
    }

    /** Type index for a concrete heap type; -1 otherwise. */
    public int typeIndex() {
        return typeIndex;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HeapType h && h.kind == kind && h.typeIndex == typeIndex;
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, typeIndex);
    }

    @Override
    public String toString() {
        return kind == Kind.CONCRETE ? Integer.toString(typeIndex) : kind.text;
    }
}
