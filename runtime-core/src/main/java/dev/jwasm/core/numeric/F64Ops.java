package dev.jwasm.core.numeric;

/**
 * f64 instructions over raw bits; NaN arithmetic results are canonical, sign operations work on bits
 * (see {@link F32Ops}).
 */
public final class F64Ops {
    /** The positive canonical NaN. */
    public static final long CANONICAL_NAN = 0x7FF8_0000_0000_0000L;
    private static final long SIGN = 0x8000_0000_0000_0000L;

    private F64Ops() {
    }

    public static double d(long bits) {
        return Double.longBitsToDouble(bits);
    }

    /** Bits of {@code v}, canonicalising NaN. */
    public static long bits(double v) {
        return v != v ? CANONICAL_NAN : Double.doubleToRawLongBits(v);
    }

    public static long add(long a, long b) {
        return bits(d(a) + d(b));
    }

    public static long sub(long a, long b) {
        return bits(d(a) - d(b));
    }

    public static long mul(long a, long b) {
        return bits(d(a) * d(b));
    }

    public static long div(long a, long b) {
        return bits(d(a) / d(b));
    }

    public static long min(long a, long b) {
        double x = d(a);
        double y = d(b);
        if (x != x || y != y) {
            return CANONICAL_NAN;
        }
        return Double.doubleToRawLongBits(Math.min(x, y));
    }

    public static long max(long a, long b) {
        double x = d(a);
        double y = d(b);
        if (x != x || y != y) {
            return CANONICAL_NAN;
        }
        return Double.doubleToRawLongBits(Math.max(x, y));
    }

    public static long sqrt(long a) {
        return bits(Math.sqrt(d(a)));
    }

    public static long ceil(long a) {
        return bits(Math.ceil(d(a)));
    }

    public static long floor(long a) {
        return bits(Math.floor(d(a)));
    }

    public static long trunc(long a) {
        double x = d(a);
        return bits(x < 0 ? Math.ceil(x) : Math.floor(x));
    }

    public static long nearest(long a) {
        return bits(Math.rint(d(a)));
    }

    public static long abs(long a) {
        return a & ~SIGN;
    }

    public static long neg(long a) {
        return a ^ SIGN;
    }

    public static long copysign(long a, long b) {
        return (a & ~SIGN) | (b & SIGN);
    }

    public static int eq(long a, long b) {
        return d(a) == d(b) ? 1 : 0;
    }

    public static int ne(long a, long b) {
        return d(a) != d(b) ? 1 : 0;
    }

    public static int lt(long a, long b) {
        return d(a) < d(b) ? 1 : 0;
    }

    public static int gt(long a, long b) {
        return d(a) > d(b) ? 1 : 0;
    }

    public static int le(long a, long b) {
        return d(a) <= d(b) ? 1 : 0;
    }

    public static int ge(long a, long b) {
        return d(a) >= d(b) ? 1 : 0;
    }
}
