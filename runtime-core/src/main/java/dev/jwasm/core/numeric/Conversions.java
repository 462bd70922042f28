package dev.jwasm.core.numeric;

/**
 * Conversions between number types: trapping and saturating truncations, unsigned conversions with correct
 * rounding, promotion and demotion. Float inputs and outputs are raw bits.
 */
public final class Conversions {
    private static final double TWO_63 = 9223372036854775808.0;
    private static final double TWO_64 = 18446744073709551616.0;

    private Conversions() {
    }

    private static double checked(double d, double lowExclusive, double highExclusive) {
        if (d != d) {
            throw Traps.invalidConversion();
        }
        if (!(d > lowExclusive && d < highExclusive)) {
            throw Traps.overflow();
        }
        return d;
    }

    public static int i32TruncS(double d) {
        return (int) checked(d, -2147483649.0, 2147483648.0);
    }

    public static int i32TruncU(double d) {
        return (int) (long) checked(d, -1.0, 4294967296.0);
    }

    public static long i64TruncS(double d) {
        // -2^63 itself is in range; the next double below it is not.
        return (long) checked(d, -9223372036854777856.0, TWO_63);
    }

    public static long i64TruncU(double d) {
        return toUnsignedLong(checked(d, -1.0, TWO_64));
    }

    private static long toUnsignedLong(double d) {
        if (d < TWO_63) {
            return (long) d;
        }
        return (long) (d - TWO_63) + Long.MIN_VALUE;
    }

    public static int i32TruncSatS(double d) {
        return (int) d; // Java saturates and maps NaN to 0, as wasm does
    }

    public static int i32TruncSatU(double d) {
        if (d != d || d <= 0) {
            return 0;
        }
        if (d >= 4294967295.0) {
            return -1;
        }
        return (int) (long) d;
    }

    public static long i64TruncSatS(double d) {
        return (long) d;
    }

    public static long i64TruncSatU(double d) {
        if (d != d || d <= 0) {
            return 0;
        }
        if (d >= TWO_64) {
            return -1L;
        }
        return toUnsignedLong(d);
    }

    public static float f32ConvertI64U(long v) {
        if (v >= 0) {
            return (float) v;
        }
        // Halve keeping a sticky bit so the single rounding to float stays correct.
        return (float) ((v >>> 1) | (v & 1)) * 2f;
    }

    public static double f64ConvertI64U(long v) {
        if (v >= 0) {
            return (double) v;
        }
        return (double) ((v >>> 1) | (v & 1)) * 2.0;
    }

    public static float f32ConvertI32U(int v) {
        return (float) (v & 0xFFFF_FFFFL);
    }

    public static double f64ConvertI32U(int v) {
        return (double) (v & 0xFFFF_FFFFL);
    }

    public static int f32DemoteF64(long bits) {
        return F32Ops.bits((float) Double.longBitsToDouble(bits));
    }

    public static long f64PromoteF32(long bits) {
        return F64Ops.bits(Float.intBitsToFloat((int) bits));
    }

    public static double f32AsDouble(long bits) {
        return Float.intBitsToFloat((int) bits);
    }
}
