package dev.jwasm.core.text;

import java.math.BigInteger;

/**
 * Numeric literal parsing of the text format. Failures throw {@link NumberFormatException} whose message
 * is the spec wording ("constant out of range", "unexpected token"); callers attach the source position.
 */
public final class Numbers {
    private static final String OUT_OF_RANGE = "constant out of range";

    private Numbers() {
    }

    /** An i32 literal: -2^31 .. 2^32-1, decimal or hex, optional underscores. */
    public static int parseI32(String token) {
        return (int) parseInt(token, 32);
    }

    /** An i64 literal: -2^63 .. 2^64-1. */
    public static long parseI64(String token) {
        return parseInt(token, 64);
    }

    /** An integer of {@code bits} bits (8, 16, 32 or 64) given signed or unsigned; returns the raw bits. */
    public static long parseInt(String token, int bits) {
        BigInteger v = bigInt(token);
        BigInteger limit = BigInteger.ONE.shiftLeft(bits);
        boolean negative = token.startsWith("-");
        if (negative ? v.negate().compareTo(limit.shiftRight(1)) > 0 : v.compareTo(limit) >= 0) {
            throw new NumberFormatException(OUT_OF_RANGE);
        }
        return v.longValue();
    }

    /** An unsigned integer without sign, below 2^bits (used for indices, limits, offsets). */
    public static long parseUnsigned(String token, int bits) {
        if (token.startsWith("+") || token.startsWith("-")) {
            throw new NumberFormatException("unexpected token");
        }
        BigInteger v = bigInt(token);
        if (v.compareTo(BigInteger.ONE.shiftLeft(bits)) >= 0) {
            throw new NumberFormatException(OUT_OF_RANGE);
        }
        return v.longValue();
    }

    private static BigInteger bigInt(String token) {
        if (!NumberSyntax.isInt(token)) {
            throw new NumberFormatException("unexpected token");
        }
        String s = token.replace("_", "");
        boolean neg = s.startsWith("-");
        if (s.startsWith("-") || s.startsWith("+")) {
            s = s.substring(1);
        }
        BigInteger v = s.startsWith("0x") ? new BigInteger(s.substring(2), 16) : new BigInteger(s);
        return neg ? v.negate() : v;
    }

    /** Bits of an f32 literal (correctly rounded, ties to even). */
    public static int parseF32Bits(String token) {
        return (int) parseFloatBits(token, 23, 8);
    }

    /** Bits of an f64 literal (correctly rounded, ties to even). */
    public static long parseF64Bits(String token) {
        return parseFloatBits(token, 52, 11);
    }

    private static long parseFloatBits(String token, int mant, int expBits) {
        if (!NumberSyntax.isNumber(token)) {
            throw new NumberFormatException("unexpected token");
        }
        String s = token.replace("_", "");
        long sign = 0;
        if (s.startsWith("-")) {
            sign = 1L << (mant + expBits);
            s = s.substring(1);
        } else if (s.startsWith("+")) {
            s = s.substring(1);
        }
        long expMask = ((1L << expBits) - 1) << mant;
        if (s.equals("inf")) {
            return sign | expMask;
        }
        if (s.equals("nan")) {
            return sign | expMask | 1L << (mant - 1);
        }
        if (s.startsWith("nan:0x")) {
            BigInteger payload = new BigInteger(s.substring(6), 16);
            if (payload.signum() == 0 || payload.bitLength() > mant) {
                throw new NumberFormatException(OUT_OF_RANGE);
            }
            return sign | expMask | payload.longValue();
        }
        BigInteger[] q = s.startsWith("0x") ? hexRational(s.substring(2)) : decRational(s);
        return sign | round(q[0], q[1], mant, expBits);
    }

    /** Exact value of a hex float body as {numerator, denominator}. */
    private static BigInteger[] hexRational(String s) {
        int exp = 0;
        int p = s.indexOf('p') >= 0 ? s.indexOf('p') : s.indexOf('P');
        if (p >= 0) {
            exp = clampExp(s.substring(p + 1));
            s = s.substring(0, p);
        }
        int dot = s.indexOf('.');
        if (dot >= 0) {
            String frac = s.substring(dot + 1);
            exp -= 4 * frac.length();
            s = s.substring(0, dot) + frac;
        }
        BigInteger m = new BigInteger(s, 16);
        return scale(m, BigInteger.TWO, exp);
    }

    private static BigInteger[] decRational(String s) {
        int exp = 0;
        int e = Math.max(s.indexOf('e'), s.indexOf('E'));
        if (e >= 0) {
            exp = clampExp(s.substring(e + 1));
            s = s.substring(0, e);
        }
        int dot = s.indexOf('.');
        if (dot >= 0) {
            String frac = s.substring(dot + 1);
            exp -= frac.length();
            s = s.substring(0, dot) + frac;
        }
        return scale(new BigInteger(s), BigInteger.TEN, exp);
    }

    /** Exponents beyond this bound make any non-zero literal overflow or round to zero anyway. */
    private static int clampExp(String e) {
        BigInteger v = new BigInteger(e.startsWith("+") ? e.substring(1) : e);
        return v.max(BigInteger.valueOf(-200_000)).min(BigInteger.valueOf(200_000)).intValue();
    }

    private static BigInteger[] scale(BigInteger m, BigInteger base, int exp) {
        if (exp >= 0) {
            return new BigInteger[] {m.multiply(base.pow(exp)), BigInteger.ONE};
        }
        return new BigInteger[] {m, base.pow(-exp)};
    }

    /** Rounds num/den (non-negative) to the nearest binary float with the given field widths. */
    static long round(BigInteger num, BigInteger den, int mant, int expBits) {
        if (num.signum() == 0) {
            return 0;
        }
        int bias = (1 << (expBits - 1)) - 1;
        int emin = 1 - bias;
        // e = floor(log2(num/den))
        int e = num.bitLength() - den.bitLength();
        if ((e >= 0 ? num.compareTo(den.shiftLeft(e)) : num.shiftLeft(-e).compareTo(den)) < 0) {
            e--;
        }
        if (e < emin) {
            e = emin;
        }
        if (e > bias + 1) {
            throw new NumberFormatException(OUT_OF_RANGE);
        }
        // significand = round(num/den * 2^(mant - e))
        int sh = mant - e;
        BigInteger n = sh >= 0 ? num.shiftLeft(sh) : num;
        BigInteger d = sh >= 0 ? den : den.shiftLeft(-sh);
        BigInteger[] qr = n.divideAndRemainder(d);
        BigInteger sig = qr[0];
        int cmp = qr[1].shiftLeft(1).compareTo(d);
        if (cmp > 0 || cmp == 0 && sig.testBit(0)) {
            sig = sig.add(BigInteger.ONE);
        }
        if (sig.bitLength() > mant + 1) {
            sig = sig.shiftRight(1);
            e++;
        }
        if (e > bias) {
            throw new NumberFormatException(OUT_OF_RANGE);
        }
        long s = sig.longValue();
        if (sig.bitLength() <= mant) {
            return s; // subnormal (or zero after rounding)
        }
        return ((long) (e + bias) << mant) | (s & ((1L << mant) - 1));
    }
}
