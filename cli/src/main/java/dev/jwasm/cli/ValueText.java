package dev.jwasm.cli;

import dev.jwasm.api.Function;
import dev.jwasm.api.Value;
import dev.jwasm.core.model.ValType;
import java.math.BigInteger;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Converts between command-line text and WebAssembly values for {@code run --invoke}: integers in
 * decimal (signed or unsigned) or {@code 0x} hex, floats in decimal or hex-float notation plus
 * {@code nan}, {@code nan:0xPAYLOAD}, {@code inf} and {@code -inf}.
 */
final class ValueText {
    private static final Pattern DECIMAL_FLOAT =
            Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern HEX_FLOAT =
            Pattern.compile("[+-]?0[xX]([0-9a-fA-F]+(\\.[0-9a-fA-F]*)?|\\.[0-9a-fA-F]+)([pP][+-]?\\d+)?");
    private static final BigInteger TWO_TO_32 = BigInteger.ONE.shiftLeft(32);
    private static final BigInteger TWO_TO_64 = BigInteger.ONE.shiftLeft(64);

    private ValueText() {
    }

    /**
     * Parses {@code text} as a value of {@code type}.
     *
     * @throws IllegalArgumentException if the text is not a value of that type, or the type cannot be
     *     written on a command line (vectors, references)
     */
    static Value parse(String text, ValType type) {
        return switch (type.kind()) {
            case I32 -> Value.i32(integer(text, 32).intValue());
            case I64 -> Value.i64(integer(text, 64).longValue());
            case F32 -> Value.f32Bits(f32Bits(text));
            case F64 -> Value.f64Bits(f64Bits(text));
            case V128, REF -> throw new IllegalArgumentException("parameters of type " + type
                    + " cannot be passed on the command line");
        };
    }

    /** Formats a result: integers in signed decimal, floats in Java's shortest form, {@code nan}, {@code inf}. */
    static String format(Value v) {
        return switch (v.type().kind()) {
            case I32 -> Integer.toString(v.asInt());
            case I64 -> Long.toString(v.asLong());
            case F32 -> formatF32(v.asInt());
            case F64 -> formatF64(v.asLong());
            case V128 -> "v128";
            case REF -> formatRef(v.ref());
        };
    }

    private static BigInteger integer(String text, int bits) {
        String t = text.replace("_", "");
        boolean negative = t.startsWith("-");
        String digits = t.startsWith("-") || t.startsWith("+") ? t.substring(1) : t;
        boolean hex = digits.startsWith("0x") || digits.startsWith("0X");
        BigInteger n;
        try {
            n = new BigInteger(hex ? digits.substring(2) : digits, hex ? 16 : 10);
        } catch (NumberFormatException e) {
            throw expected(text, "i" + bits);
        }
        if (digits.startsWith("-") || digits.startsWith("+")) {
            throw expected(text, "i" + bits);
        }
        BigInteger limit = bits == 32 ? TWO_TO_32 : TWO_TO_64;
        // Accepted: -2^(N-1) .. 2^N - 1, so both signed and unsigned spellings of every value work.
        if (negative ? n.compareTo(limit.shiftRight(1)) > 0 : n.compareTo(limit) >= 0) {
            throw new IllegalArgumentException("'" + text + "' is out of range for i" + bits);
        }
        return negative ? n.negate() : n;
    }

    private static int f32Bits(String text) {
        Long special = special(text, 0x7F80_0000L, 0x40_0000L, 0x7F_FFFFL, 31);
        if (special != null) {
            return (int) (long) special;
        }
        return Float.floatToRawIntBits(Float.parseFloat(finite(text, "f32")));
    }

    private static long f64Bits(String text) {
        Long special = special(text, 0x7FF0_0000_0000_0000L, 0x8_0000_0000_0000L, 0xF_FFFF_FFFF_FFFFL, 63);
        if (special != null) {
            return special;
        }
        return Double.doubleToRawLongBits(Double.parseDouble(finite(text, "f64")));
    }

    /** Bits of nan, nan:0x..., inf with an optional sign, or null for a finite literal. */
    private static Long special(String text, long expBits, long quietBit, long payloadMask, int signShift) {
        String t = text.toLowerCase(Locale.ROOT);
        long sign = 0;
        if (t.startsWith("-") || t.startsWith("+")) {
            sign = t.charAt(0) == '-' ? 1L << signShift : 0;
            t = t.substring(1);
        }
        if (t.equals("inf") || t.equals("infinity")) {
            return sign | expBits;
        }
        if (t.equals("nan")) {
            return sign | expBits | quietBit;
        }
        if (t.startsWith("nan:0x")) {
            long payload;
            try {
                payload = Long.parseUnsignedLong(t.substring(6).replace("_", ""), 16);
            } catch (NumberFormatException e) {
                return null;
            }
            if (payload == 0 || (payload & ~payloadMask) != 0) {
                throw new IllegalArgumentException("NaN payload out of range in '" + text + "'");
            }
            return sign | expBits | payload;
        }
        return null;
    }

    /** Checks the literal shape (Java's parser would also take "1f", "1d" or "NaN"); hex floats get a "p0". */
    private static String finite(String text, String type) {
        String t = text.replace("_", "");
        if (DECIMAL_FLOAT.matcher(t).matches()) {
            return t;
        }
        if (HEX_FLOAT.matcher(t).matches()) {
            return t.indexOf('p') >= 0 || t.indexOf('P') >= 0 ? t : t + "p0";
        }
        throw expected(text, type);
    }

    private static String formatF32(int bits) {
        float f = Float.intBitsToFloat(bits);
        if (Float.isNaN(f)) {
            return nan(bits < 0, bits & 0x7F_FFFF, 0x40_0000);
        }
        return Float.isInfinite(f) ? (f > 0 ? "inf" : "-inf") : Float.toString(f);
    }

    private static String formatF64(long bits) {
        double d = Double.longBitsToDouble(bits);
        if (Double.isNaN(d)) {
            return nan(bits < 0, bits & 0xF_FFFF_FFFF_FFFFL, 0x8_0000_0000_0000L);
        }
        return Double.isInfinite(d) ? (d > 0 ? "inf" : "-inf") : Double.toString(d);
    }

    /** {@code nan} for the canonical NaN, else {@code nan:0x<payload>}, as the text format writes them. */
    private static String nan(boolean negative, long payload, long canonical) {
        return (negative ? "-" : "") + (payload == canonical ? "nan" : "nan:0x" + Long.toHexString(payload));
    }

    private static String formatRef(Object ref) {
        if (ref == null) {
            return "null";
        }
        return ref instanceof Function ? "funcref" : "ref";
    }

    private static IllegalArgumentException expected(String text, String type) {
        return new IllegalArgumentException("'" + text + "' is not a valid " + type);
    }
}
