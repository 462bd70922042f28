package dev.jwasm.core.text;

/** Table, memory and global types: address types, limits, page sizes, mutability. */
final class ExternTypes {
    private final ModuleEncoder m;

    ExternTypes(ModuleEncoder m) {
        this.m = m;
    }

    /** Optional address type keyword; returns true for i64. */
    static boolean addressType(Cursor c) {
        if (c.peekKeyword("i64")) {
            c.skip();
            return true;
        }
        if (c.peekKeyword("i32")) {
            c.skip();
        }
        return false;
    }

    /** Table limits "min max?" with their flag byte (bit 0: has max, bit 2: 64-bit addresses). */
    static void limits(Cursor c, boolean is64, ByteWriter w) {
        // values beyond the address type are a validation error ("table size"), not a syntax error
        long min = Literals.unsigned(c.next(), 64);
        boolean hasMax = c.peekAtom(SExpr.Kind.NUMBER);
        long max = hasMax ? Literals.unsigned(c.next(), 64) : 0;
        w.u8((hasMax ? 1 : 0) | (is64 ? 4 : 0)).u64(min);
        if (hasMax) {
            w.u64(max);
        }
    }

    void tableType(Cursor c, ByteWriter w) {
        boolean is64 = addressType(c);
        ByteWriter lim = new ByteWriter();
        limits(c, is64, lim);
        w.bytes(m.types.valType(c.next())).append(lim);
    }

    void memType(Cursor c, ByteWriter w) {
        boolean is64 = addressType(c);
        ByteWriter lim = new ByteWriter();
        int bits = 64;
        long min = Literals.unsigned(c.next(), bits);
        boolean hasMax = c.peekAtom(SExpr.Kind.NUMBER);
        long max = hasMax ? Literals.unsigned(c.next(), bits) : 0;
        int flags = (hasMax ? 1 : 0) | (is64 ? 4 : 0);
        if (c.peekKeyword("shared")) {
            c.skip();
            flags |= 2;
        } else if (c.peekKeyword("unshared")) {
            c.skip();
        }
        int pageLog = -1;
        if (c.peekParens("pagesize")) {
            pageLog = pageSize((SExpr.Parens) c.next());
            flags |= 8;
        }
        lim.u8(flags).u64(min);
        if (hasMax) {
            lim.u64(max);
        }
        if (pageLog >= 0) {
            lim.u32(pageLog);
        }
        w.append(lim);
    }

    static int pageSize(SExpr.Parens p) {
        Cursor c = new Cursor(p, 1);
        SExpr n = c.next();
        c.expectEnd();
        long v = Literals.unsigned(n, 64);
        if (v == 0 || (v & (v - 1)) != 0) {
            throw Cursor.error(n, "invalid custom page size");
        }
        return Long.numberOfTrailingZeros(v);
    }

    void globalType(SExpr e, ByteWriter w) {
        if ("mut".equals(Cursor.head(e))) {
            Cursor c = new Cursor((SExpr.Parens) e, 1);
            w.bytes(m.types.valType(c.next())).u8(1);
            c.expectEnd();
        } else {
            w.bytes(m.types.valType(e)).u8(0);
        }
    }
}
