package dev.jwasm.core.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Element and data segments, including the inline forms inside table and memory definitions. */
final class Segments {
    private static final byte FUNCREF = 0x70;
    private final ModuleEncoder m;

    Segments(ModuleEncoder m) {
        this.m = m;
    }

    /** The element list of a segment: function indices, or a reference type with expressions. */
    private record ElemList(byte[] refType, List<byte[]> items, boolean funcIndices) {
    }

    private byte[] constExpr(Cursor c) {
        return new FuncEncoder(m, Map.of()).constExpr(c);
    }

    /** "(offset instr*)" or a single folded instruction. */
    private byte[] offset(SExpr.Parens p) {
        if ("offset".equals(Cursor.head(p))) {
            return constExpr(new Cursor(p, 1));
        }
        return constExpr(new Cursor(List.of(p), 0, p));
    }

    private static boolean isOffset(SExpr e) {
        String h = Cursor.head(e);
        return e instanceof SExpr.Parens && !"item".equals(h) && !"ref".equals(h) && !"table".equals(h)
                && !"memory".equals(h);
    }

    private static byte[] zeroOffset(boolean is64) {
        return is64 ? new byte[] {0x42, 0, 0x0B} : new byte[] {0x41, 0, 0x0B};
    }

    void elem(Cursor c) {
        c.optId();
        if (c.peekKeyword("declare")) {
            c.skip();
            writeElem(3, 0, null, elemList(c, false));
            return;
        }
        int table = 0;
        boolean explicitTable = false;
        if (c.peekParens("table")) {
            Cursor t = new Cursor((SExpr.Parens) c.next(), 1);
            table = m.tables.resolve(t.next());
            t.expectEnd();
            explicitTable = true;
        } else if (c.peekIndex() && isOffset(c.peek(1))) {
            table = m.tables.resolve(c.next());
            explicitTable = true;
        }
        if (c.hasNext() && isOffset(c.peek())) {
            byte[] off = offset((SExpr.Parens) c.next());
            writeElem(0, table, off, elemList(c, true));
            return;
        }
        if (explicitTable) {
            throw c.hasNext() ? Cursor.unexpected(c.peek()) : c.endError();
        }
        writeElem(1, 0, null, elemList(c, false));
    }

    /** Abbreviated "(table ... reftype (elem ...))"; returns the element count. */
    int inlineElem(int table, boolean is64, SExpr refType, Cursor c) {
        ElemList list;
        if (c.hasNext() && c.peek() instanceof SExpr.Parens) {
            List<byte[]> items = new ArrayList<>();
            while (c.hasNext()) {
                items.add(item(c.next()));
            }
            list = new ElemList(m.types.valType(refType), items, false);
        } else {
            // the segment has the table's element type: write "ref.func x" expressions of that type
            List<byte[]> items = new ArrayList<>();
            for (byte[] idx : funcIndices(c).items()) {
                items.add(new ByteWriter().u8(0xD2).bytes(idx).u8(0x0B).toByteArray());
            }
            list = new ElemList(m.types.valType(refType), items, false);
        }
        writeElem(0, table, zeroOffset(is64), list);
        return list.items().size();
    }

    private ElemList funcIndices(Cursor c) {
        List<byte[]> items = new ArrayList<>();
        while (c.hasNext()) {
            items.add(new ByteWriter().u32(m.funcs.resolve(c.next())).toByteArray());
        }
        return new ElemList(new byte[] {FUNCREF}, items, true);
    }

    private ElemList elemList(Cursor c, boolean legacyAllowed) {
        if (c.peekKeyword("func")) {
            c.skip();
            return funcIndices(c);
        }
        if (!c.hasNext() || legacyAllowed && c.peekIndex()) {
            return funcIndices(c);
        }
        byte[] rt = m.types.valType(c.next());
        List<byte[]> items = new ArrayList<>();
        while (c.hasNext()) {
            items.add(item(c.next()));
        }
        return new ElemList(rt, items, false);
    }

    private byte[] item(SExpr e) {
        if (!(e instanceof SExpr.Parens p)) {
            throw Cursor.unexpected(e);
        }
        if ("item".equals(Cursor.head(p))) {
            return constExpr(new Cursor(p, 1));
        }
        return constExpr(new Cursor(List.of(p), 0, p));
    }

    /**
     * Writes an element segment choosing the binary flags: mode 0 active, 1 passive, 3 declarative;
     * bit 2 for expressions, bit 1 for an explicit table (active) or declarative. Expressions stay
     * expressions even when they are all {@code ref.func}: the index form has type {@code (ref func)} in
     * WebAssembly 3.0, the expression form the declared type (usually {@code funcref}), and validation sees the
     * difference (elem.wast).
     */
    private void writeElem(int mode, int table, byte[] offset, ElemList list) {
        ByteWriter w = m.elemSec.entry();
        boolean exprs = !list.funcIndices();
        boolean funcref = list.refType().length == 1 && list.refType()[0] == FUNCREF;
        int flags;
        if (mode == 0) {
            flags = table != 0 || exprs && !funcref ? 2 : 0;
        } else {
            flags = mode;
        }
        if (exprs) {
            flags |= 4;
        }
        w.u8(flags);
        if (mode == 0 && (flags & 2) != 0) {
            w.u32(table);
        }
        if (mode == 0) {
            w.bytes(offset);
        }
        if (mode != 0 || (flags & 2) != 0) {
            if (exprs) {
                w.bytes(list.refType());
            } else {
                w.u8(0);
            }
        }
        w.u32(list.items().size());
        for (byte[] item : list.items()) {
            w.bytes(item);
        }
    }

    void data(Cursor c) {
        c.optId();
        int mem = 0;
        boolean explicitMem = false;
        if (c.peekParens("memory")) {
            Cursor t = new Cursor((SExpr.Parens) c.next(), 1);
            mem = m.mems.resolve(t.next());
            t.expectEnd();
            explicitMem = true;
        } else if (c.peekIndex()) {
            mem = m.mems.resolve(c.next());
            explicitMem = true;
        }
        ByteWriter w = m.dataSec.entry();
        if (c.hasNext() && c.peek() instanceof SExpr.Parens p) {
            c.skip();
            byte[] off = offset(p);
            if (mem != 0) {
                w.u8(2).u32(mem);
            } else {
                w.u8(0);
            }
            w.bytes(off);
        } else if (explicitMem) {
            throw c.hasNext() ? Cursor.unexpected(c.peek()) : c.endError();
        } else {
            w.u8(1);
        }
        w.name(strings(c));
    }

    /** Abbreviated "(memory ... (data ...))"; returns the byte length. */
    long inlineData(int mem, boolean is64, Cursor c) {
        byte[] bytes = strings(c);
        ByteWriter w = m.dataSec.entry();
        if (mem != 0) {
            w.u8(2).u32(mem);
        } else {
            w.u8(0);
        }
        w.bytes(zeroOffset(is64)).name(bytes);
        return bytes.length;
    }

    private static byte[] strings(Cursor c) {
        ByteWriter w = new ByteWriter();
        while (c.hasNext()) {
            w.bytes(TextStrings.decode(c.atom(SExpr.Kind.STRING)));
        }
        return w.toByteArray();
    }
}
