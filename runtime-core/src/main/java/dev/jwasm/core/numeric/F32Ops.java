package dev.jwasm.core.numeric;

/**
 * f32 instructions over raw bits. Arithmetic results that are NaN are replaced by the canonical NaN, which
 * the spec allows for every NaN-producing arithmetic instruction and keeps results independent of the CPU.
 * Sign operations work on bits so NaN payloads survive.
 */
public final class F32Ops {
    /** The positive canonical NaN. */
    public static final int CANONICAL_NAN = 0x7FC0_0000;

    private F32Ops() {
    }

    public static float f(long bits) {
        return Float.intBitsToFloat((int) bits);
    }

    /** Bits of {@code v}, canonicalising NaN. */
    public static int bits(float v) {
        return v != v ? CANONICAL_NAN : Float.floatToRawIntBits(v);
    }

    public static int add(long a, long b) {
        return bits(f(a) + f(b));
    }

    public static int sub(long a, long b) {
        return bits(f(a) - f(b));
    }

    public static int mul(long a, long b) {
        return bits(f(a) * f(b));
    }

    public static int div(long a, long b) {
        return bits(f(a) / f(b));
    }

    public static int min(long a, long b) {
        float x = f(a);
        float y = f(b);
        if (x != x || y != y) {
            return CANONICAL_NAN;
        }
        return Float.floatToRawIntBits(Math.min(x, y));
    }

    public static int max(long a, long b) {
        float x = f(a);
        float y = f(b);
        if (x != x || y != y) {
            return CANONICAL_NAN;
        }
        return Float.floatToRawIntBits(Math.max(x, y));
    }

    public static int sqrt(long a) {
        return bits((float) Math.sqrt(f(a)));
    }

    public static int ceil(long a) {
        return bits((float) Math.ceil(f(a)));
    }

    public static int floor(long a) {
        return bits((float) Math.floor(f(a)));
    }

    public static int trunc(long a) {
        float x = f(a);
        return bits((float) (x < 0 ? Math.ceil(x) : Math.floor(x)));
    }

    public static int nearest(long a) {
        return bits((float) Math.rint(f(a)));
    }

    public static int abs(long a) {
        return (int) a & 0x7FFF_FFFF;
    }

    public static int neg(long a) {
        return (int) a ^ 0x8000_0000;
    }

    public static int copysign(long a, long b) {
        return ((int) a & 0x7FFF_FFFF) | ((int) b & 0x8000_0000);
    }

    public static int eq(long a, long b) {
        return f(a) == f(b) ? 1 : 0;
    }

    public static int ne(long a, long b) {
        return f(a) != f(b) ? 1 : 0;
    }

    public static int lt(long a, long b) {
        return f(a) < f(b) ? 1 : 0;
    }

    public static int gt(long a, long b) {
        return f(a) > f(b) ? 1 : 0;
    }

    public static int le(long a, long b) {
        return f(a) <= f(b) ? 1 : 0;
    }

    public static int ge(long a, long b) {
        return f(a) >= f(b) ? 1 : 0;
    }
}
