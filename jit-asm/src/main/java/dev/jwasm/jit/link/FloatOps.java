package dev.jwasm.jit.link;

import dev.jwasm.core.numeric.F32Ops;
import dev.jwasm.core.numeric.F64Ops;

/**
 * Float helpers of generated code, which keeps f32 and f64 values in JVM floats and doubles. Arithmetic is
 * emitted as JVM instructions; these cover what has no exact JVM instruction: NaN canonicalisation (to the
 * interpreter's positive canonical NaN), and the sign operations, which wasm defines on the bits (a NaN's
 * payload survives) and which therefore never go through float arithmetic. HotSpot inlines them all.
 */
public final class FloatOps {
    private static final float CANONICAL_F32 = Float.intBitsToFloat(F32Ops.CANONICAL_NAN);
    private static final double CANONICAL_F64 = Double.longBitsToDouble(F64Ops.CANONICAL_NAN);

    private FloatOps() {
    }

    public static float canonical(float v) {
        return v != v ? CANONICAL_F32 : v;
    }

    public static double canonical(double v) {
        return v != v ? CANONICAL_F64 : v;
    }

    // The sign operations are the interpreter's, on the raw bits.

    public static float abs(float v) {
        return Float.intBitsToFloat(F32Ops.abs(Float.floatToRawIntBits(v)));
    }

    public static double abs(double v) {
        return Double.longBitsToDouble(F64Ops.abs(Double.doubleToRawLongBits(v)));
    }

    public static float neg(float v) {
        return Float.intBitsToFloat(F32Ops.neg(Float.floatToRawIntBits(v)));
    }

    public static double neg(double v) {
        return Double.longBitsToDouble(F64Ops.neg(Double.doubleToRawLongBits(v)));
    }

    public static float copysign(float magnitude, float sign) {
        return Float.intBitsToFloat(F32Ops.copysign(Float.floatToRawIntBits(magnitude), Float.floatToRawIntBits(sign)));
    }

    public static double copysign(double magnitude, double sign) {
        return Double.longBitsToDouble(F64Ops.copysign(Double.doubleToRawLongBits(magnitude),
                Double.doubleToRawLongBits(sign)));
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
