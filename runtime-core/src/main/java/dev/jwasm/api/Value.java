package dev.jwasm.api;

import dev.jwasm.core.model.ValType;
import java.util.Objects;

/**
 * A typed WebAssembly value, as passed across the embedding API. Numbers are held as raw bits so NaN
 * payloads survive exactly; references are Java objects ({@code null} is the null reference; a funcref
 * is a {@link Function}; an externref is any object the host chose).
 *
 * <p>Immutable. The engine itself never allocates {@code Value}s while executing guest code; they exist
 * only at the API boundary.
 */
public final class Value {
    private final ValType type;
    private final long bits;
    private final Object ref;

    private Value(ValType type, long bits, Object ref) {
        this.type = type;
        this.bits = bits;
        this.ref = ref;
    }

    public static Value i32(int v) {
        return new Value(ValType.I32, v & 0xFFFF_FFFFL, null);
    }

    public static Value i64(long v) {
        return new Value(ValType.I64, v, null);
    }

    public static Value f32(float v) {
        return f32Bits(Float.floatToRawIntBits(v));
    }

    public static Value f32Bits(int bits) {
        return new Value(ValType.F32, bits & 0xFFFF_FFFFL, null);
    }

    public static Value f64(double v) {
        return f64Bits(Double.doubleToRawLongBits(v));
    }

    public static Value f64Bits(long bits) {
        return new Value(ValType.F64, bits, null);
    }

    /** A reference of type {@code type} (which must be a reference type); {@code ref} may be null. */
    public static Value ref(ValType type, Object ref) {
        if (!type.isReference()) {
            throw new IllegalArgumentException("not a reference type: " + type);
        }
        return new Value(type, 0, ref);
    }

    public static Value funcref(Function f) {
        return new Value(ValType.FUNCREF, 0, f);
    }

    public static Value externref(Object o) {
        return new Value(ValType.EXTERNREF, 0, o);
    }

    /**
     * A value of {@code type} from the engine's raw slot representation: numbers as bits (i32 and f32 in the
     * low 32 bits), references in {@code ref}.
     */
    public static Value fromRaw(ValType type, long bits, Object ref) {
        return switch (type.kind()) {
            case I32 -> i32((int) bits);
            case I64 -> i64(bits);
            case F32 -> f32Bits((int) bits);
            case F64 -> f64Bits(bits);
            case REF -> ref(type, ref);
            case V128 -> throw new UnsupportedOperationException("v128 values are not supported yet");
        };
    }

    /** The default (zero or null) value of {@code type}. */
    public static Value zero(ValType type) {
        return fromRaw(type, 0, null);
    }

    public ValType type() {
        return type;
    }

    public int asInt() {
        return (int) bits;
    }

    public long asLong() {
        return bits;
    }

    public float asFloat() {
        return Float.intBitsToFloat((int) bits);
    }

    public double asDouble() {
        return Double.longBitsToDouble(bits);
    }

    /** Raw bits of a number: i32 and f32 zero-extended from 32 bits. */
    public long bits() {
        return bits;
    }

    /** The referenced object of a reference value (null for the null reference). */
    public Object ref() {
        return ref;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Value v && v.type.equals(type) && v.bits == bits && v.ref == ref;
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, bits, System.identityHashCode(ref));
    }

    @Override
    public String toString() {
        return switch (type.kind()) {
            case I32 -> "i32:" + asInt();
            case I64 -> "i64:" + asLong();
            case F32 -> "f32:" + asFloat() + (Float.isNaN(asFloat()) ? "(0x" + Integer.toHexString(asInt()) + ")" : "");
            case F64 -> "f64:" + asDouble() + (Double.isNaN(asDouble()) ? "(0x" + Long.toHexString(bits) + ")" : "");
            case REF -> type + ":" + (ref == null ? "null" : ref);
            case V128 -> "v128";
        };
    }
}
