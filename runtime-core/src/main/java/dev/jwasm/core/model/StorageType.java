package dev.jwasm.core.model;

/**
 * The type of a struct field or array element: a value type, or a packed {@code i8} / {@code i16}.
 *
 * @param packedBits 0 for an unpacked value type, else 8 or 16 (then {@code valType} is {@link ValType#I32})
 */
public record StorageType(ValType valType, int packedBits) {
    public static StorageType of(ValType t) {
        return new StorageType(t, 0);
    }

    public static final StorageType I8 = new StorageType(ValType.I32, 8);
    public static final StorageType I16 = new StorageType(ValType.I32, 16);

    public boolean isPacked() {
        return packedBits != 0;
    }

    /** The value type a field of this type reads as on the operand stack. */
    public ValType unpacked() {
        return valType;
    }
}
