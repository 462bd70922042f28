package dev.jwasm.jit.link;

/**
 * Float helpers of generated code, which keeps f32 and f64 values in JVM floats and doubles. Arithmetic is
 * emitted as JVM instructions; these cover what has no exact JVM instruction: NaN canonicalisation (to the
 * interpreter's positive canonical NaN), and the sign operations, which wasm defines on the bits (a NaN's
 * payload survives) and which therefore never go through float arithmetic. HotSpot inlines them all.
 */
public final class FloatOps {
    private static final float CANONICAL_F32 = Float.intBitsToFloat(0x7FC0_0000);
    private static final double CANONICAL_F64 = Double.longBitsToDouble(0x7FF8_0000_0000_0000L);
    private static final long SIGN64 = 0x8000_0000_0000_0000L;

    private FloatOps() {
    }

    public static float canonical(float v) {
        return v != v ? CANONICAL_F32 : v;
    }

    public static double canonical(double v) {
        return v != v ? CANONICAL_F64 : v;
    }

    public static float abs(float v) {
        return Float.intBitsToFloat(Float.floatToRawIntBits(v) & 0x7FFF_FFFF);
    }

    public static double abs(double v) {
        return Double.longBitsToDouble(Double.doubleToRawLongBits(v) & ~SIGN64);
    }

    public static float neg(float v) {
        return Float.intBitsToFloat(Float.floatToRawIntBits(v) ^ 0x8000_0000);
    }

    public static double neg(double v) {
        return Double.longBitsToDouble(Double.doubleToRawLongBits(v) ^ SIGN64);
    }

    public static float copysign(float magnitude, float sign) {
        return Float.intBitsToFloat((Float.floatToRawIntBits(magnitude) & 0x7FFF_FFFF)
                | (Float.floatToRawIntBits(sign) & 0x8000_0000));
    }

    public static double copysign(double magnitude, double sign) {
        return Double.longBitsToDouble((Double.doubleToRawLongBits(magnitude) & ~SIGN64)
                | (Double.doubleToRawLongBits(sign) & SIGN64));
    }

    /** Rounds toward zero (a NaN result is left to the caller's canonicalisation). */
    public static double trunc(double v) {
        return v < 0 ? Math.ceil(v) : Math.floor(v);
    }

    public static float trunc(float v) {
        return (float) trunc((double) v);
    }

    public static float ceil(float v) {
        return (float) Math.ceil(v);
    }

    public static float floor(float v) {
        return (float) Math.floor(v);
    }

    public static float nearest(float v) {
        return (float) Math.rint(v);
    }

    public static float sqrt(float v) {
        return (float) Math.sqrt(v);
    }
}
