package dev.jwasm.core.text;

/** Numeric literal atoms to values, turning number errors into positioned text format errors. */
final class Literals {
    private Literals() {
    }

    private static SExpr.Atom number(SExpr e) {
        if (e instanceof SExpr.Atom a && a.kind() == SExpr.Kind.NUMBER) {
            return a;
        }
        throw Cursor.unexpected(e);
    }

    static long integer(SExpr e, int bits) {
        SExpr.Atom a = number(e);
        try {
            return Numbers.parseInt(a.text(), bits);
        } catch (NumberFormatException ex) {
            throw Cursor.error(a, ex.getMessage());
        }
    }

    static int f32(SExpr e) {
        SExpr.Atom a = number(e);
        try {
            return Numbers.parseF32Bits(a.text());
        } catch (NumberFormatException ex) {
            throw Cursor.error(a, ex.getMessage());
        }
    }

    static long f64(SExpr e) {
        SExpr.Atom a = number(e);
        try {
            return Numbers.parseF64Bits(a.text());
        } catch (NumberFormatException ex) {
            throw Cursor.error(a, ex.getMessage());
        }
    }

    /** Unsigned value of {@code text} (part of token {@code at}), below 2^bits. */
    static long unsigned(SExpr.Atom at, String text, int bits) {
        try {
            return Numbers.parseUnsigned(text, bits);
        } catch (NumberFormatException ex) {
            String msg = ex.getMessage().equals("constant out of range") ? "i" + bits + " constant out of range"
                    : "unexpected token";
            throw Cursor.error(at, msg);
        }
    }

    /** Unsigned number atom below 2^bits. */
    static long unsigned(SExpr e, int bits) {
        SExpr.Atom a = number(e);
        return unsigned(a, a.text(), bits);
    }

    /** A lane index: an unsigned 8-bit number. */
    static int lane(SExpr e) {
        SExpr.Atom a = number(e);
        try {
            return (int) Numbers.parseUnsigned(a.text(), 8);
        } catch (NumberFormatException ex) {
            throw Cursor.error(a, ex.getMessage().equals("constant out of range") ? "i8 constant out of range"
                    : "unexpected token");
        }
    }
}
