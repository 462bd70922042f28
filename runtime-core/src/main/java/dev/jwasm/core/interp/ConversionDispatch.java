package dev.jwasm.core.interp;

/**
 * The conversion instructions (0xA7..0xC4 and the saturating 0xFC 0..7) over raw slot bits, kept out of the
 * main loop to keep it small.
 */
final class ConversionDispatch {
    private ConversionDispatch() {
    }

    private static float f(long v) {
        return Float.intBitsToFloat((int) v);
    }

    private static double d(long v) {
        return Double.longBitsToDouble(v);
    }

    private static long fb(float v) {
        return Float.floatToRawIntBits(v);
    }

    private static long db(double v) {
        return Double.doubleToRawLongBits(v);
    }

    static long convert(int op, long v) {
        return op <= 0xB1 ? truncOrExtend(op, v) : op <= 0xBB ? toFloat(op, v) : reinterpretOrExtend(op, v);
    }

    private static long truncOrExtend(int op, long v) {
        return switch (op) {
            case 0xA7 -> (int) v;
            case 0xA8 -> dev.jwasm.core.numeric.Conversions.i32TruncS(f(v));
            case 0xA9 -> dev.jwasm.core.numeric.Conversions.i32TruncU(f(v));
            case 0xAA -> dev.jwasm.core.numeric.Conversions.i32TruncS(d(v));
            case 0xAB -> dev.jwasm.core.numeric.Conversions.i32TruncU(d(v));
            case 0xAC -> (long) (int) v;
            case 0xAD -> v & 0xFFFF_FFFFL;
            case 0xAE -> dev.jwasm.core.numeric.Conversions.i64TruncS(f(v));
            case 0xAF -> dev.jwasm.core.numeric.Conversions.i64TruncU(f(v));
            case 0xB0 -> dev.jwasm.core.numeric.Conversions.i64TruncS(d(v));
            default -> dev.jwasm.core.numeric.Conversions.i64TruncU(d(v));
        };
    }

    private static long toFloat(int op, long v) {
        return switch (op) {
            case 0xB2 -> fb((float) (int) v);
            case 0xB3 -> fb(dev.jwasm.core.numeric.Conversions.f32ConvertI32U((int) v));
            case 0xB4 -> fb((float) v);
            case 0xB5 -> fb(dev.jwasm.core.numeric.Conversions.f32ConvertI64U(v));
            case 0xB6 -> dev.jwasm.core.numeric.Conversions.f32DemoteF64(v);
            case 0xB7 -> db((double) (int) v);
            case 0xB8 -> db(dev.jwasm.core.numeric.Conversions.f64ConvertI32U((int) v));
            case 0xB9 -> db((double) v);
            case 0xBA -> db(dev.jwasm.core.numeric.Conversions.f64ConvertI64U(v));
            default -> dev.jwasm.core.numeric.Conversions.f64PromoteF32(v);
        };
    }

    private static long reinterpretOrExtend(int op, long v) {
        return switch (op) {
            case 0xBC, 0xBE -> (int) v;
            case 0xBD, 0xBF -> v;
            case 0xC0 -> (byte) v;
            case 0xC1 -> (short) v;
            case 0xC2 -> (long) (byte) v;
            case 0xC3 -> (long) (short) v;
            default -> (long) (int) v;
        };
    }

    /** The saturating truncations, 0xFC 0..7. */
    static long truncSat(int sub, long v) {
        return switch (sub) {
            case 0 -> dev.jwasm.core.numeric.Conversions.i32TruncSatS(f(v));
            case 1 -> dev.jwasm.core.numeric.Conversions.i32TruncSatU(f(v));
            case 2 -> dev.jwasm.core.numeric.Conversions.i32TruncSatS(d(v));
            case 3 -> dev.jwasm.core.numeric.Conversions.i32TruncSatU(d(v));
            case 4 -> dev.jwasm.core.numeric.Conversions.i64TruncSatS(f(v));
            case 5 -> dev.jwasm.core.numeric.Conversions.i64TruncSatU(f(v));
            case 6 -> dev.jwasm.core.numeric.Conversions.i64TruncSatS(d(v));
            default -> dev.jwasm.core.numeric.Conversions.i64TruncSatU(d(v));
        };
    }
}
