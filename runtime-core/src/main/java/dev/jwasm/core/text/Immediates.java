package dev.jwasm.core.text;

import java.util.ArrayList;
import java.util.List;

/** Parses the immediates of non-structured instructions and writes opcode plus immediates. */
final class Immediates {
    private final ModuleEncoder m;
    private final FuncEncoder f;

    Immediates(ModuleEncoder m, FuncEncoder f) {
        this.m = m;
        this.f = f;
    }

    /** Block type: empty, a single value type, or a type index. */
    void blockType(Cursor c, ByteWriter w) {
        TypeUse u = TypeUse.parse(m, c);
        for (SExpr.Atom id : u.paramIds()) {
            if (id != null) {
                throw Cursor.error(id, "unexpected token");
            }
        }
        TypeDef def = u.explicit() ? m.typeDef(u.index()) : null;
        if (def != null && def.kind == TypeDef.Kind.FUNC && def.params.isEmpty() && def.results.size() <= 1) {
            // like wat2wasm, a type use of shape [] -> [t?] is written in the short form
            shortBlockType(def.results, w);
        } else if (u.explicit()) {
            w.s64(u.index() & 0xFFFFFFFFL);
        } else if (u.params().isEmpty() && u.results().size() <= 1) {
            shortBlockType(u.results(), w);
        } else {
            w.s64(m.implicitType(u.params(), u.results()));
        }
    }

    private static void shortBlockType(List<byte[]> results, ByteWriter w) {
        if (results.isEmpty()) {
            w.u8(0x40);
        } else {
            w.bytes(results.get(0));
        }
    }

    /** try_table catch clauses, written as a vector; labels resolve outside the try_table block. */
    void catchClauses(Cursor c, ByteWriter w) {
        ByteWriter body = new ByteWriter();
        int n = 0;
        while (true) {
            String h = Cursor.head(c.peek());
            int kind = h == null ? -1 : switch (h) {
                case "catch" -> 0;
                case "catch_ref" -> 1;
                case "catch_all" -> 2;
                case "catch_all_ref" -> 3;
                default -> -1;
            };
            if (kind < 0) {
                break;
            }
            Cursor k = new Cursor((SExpr.Parens) c.next(), 1);
            body.u8(kind);
            if (kind < 2) {
                body.u32(m.tags.resolve(k.next()));
            }
            body.u32(f.resolveLabel(k.next()));
            k.expectEnd();
            n++;
        }
        w.u32(n).append(body);
    }

    void plain(OpTable.Op op, Cursor c, ByteWriter w) {
        switch (op.imm()) {
            case NONE -> op.writeOpcode(w);
            case LABEL -> index(op, w, f.resolveLabel(c.next()));
            case BR_TABLE -> brTable(op, c, w);
            case FUNC -> index(op, w, m.funcs.resolve(c.next()));
            case CALL_INDIRECT -> callIndirect(op, c, w);
            case TYPE -> index(op, w, m.typeSpace.resolve(c.next()));
            case TAG -> index(op, w, m.tags.resolve(c.next()));
            case LOCAL -> index(op, w, f.resolveLocal(c.next()));
            case GLOBAL -> index(op, w, m.globals.resolve(c.next()));
            case TABLE -> index(op, w, optIndex(c, m.tables));
            case TABLE_COPY -> pair(op, w, optIndex(c, m.tables), optIndex(c, m.tables));
            case TABLE_INIT -> segmentInit(op, c, w, m.tables, m.elems);
            case ELEM -> index(op, w, m.elems.resolve(c.next()));
            case MEM -> index(op, w, optIndex(c, m.mems));
            case MEM_COPY -> pair(op, w, optIndex(c, m.mems), optIndex(c, m.mems));
            case MEM_INIT -> {
                m.usesDataIndex = true;
                segmentInit(op, c, w, m.mems, m.datas);
            }
            case DATA -> {
                m.usesDataIndex = true;
                index(op, w, m.datas.resolve(c.next()));
            }
            case MEMARG -> memarg(op, c, w, false);
            case MEMARG_LANE -> memarg(op, c, w, true);
            case BR_ON_CAST -> {
                int label = f.resolveLabel(c.next());
                Types.RefType from = m.types.refType(c.next());
                Types.RefType to = m.types.refType(c.next());
                op.writeOpcode(w);
                w.u8((from.nullable() ? 1 : 0) | (to.nullable() ? 2 : 0)).u32(label).bytes(from.heap()).bytes(to.heap());
            }
            default -> Immediates2.plain(m, op, c, w);
        }
    }

    private static void index(OpTable.Op op, ByteWriter w, int idx) {
        op.writeOpcode(w);
        w.u32(idx);
    }

    private static void pair(OpTable.Op op, ByteWriter w, int a, int b) {
        op.writeOpcode(w);
        w.u32(a).u32(b);
    }

    private static int optIndex(Cursor c, IndexSpace space) {
        return c.peekIndex() ? space.resolve(c.next()) : 0;
    }

    /** table.init / memory.init: "x? y" where a lone index is the segment; encoded segment first. */
    private static void segmentInit(OpTable.Op op, Cursor c, ByteWriter w, IndexSpace target, IndexSpace segs) {
        SExpr first = c.next();
        int t = 0;
        int seg;
        if (c.peekIndex()) {
            t = target.resolve(first);
            seg = segs.resolve(c.next());
        } else {
            seg = segs.resolve(first);
        }
        pair(op, w, seg, t);
    }

    private void brTable(OpTable.Op op, Cursor c, ByteWriter w) {
        List<Integer> ls = new ArrayList<>();
        while (c.peekIndex()) {
            ls.add(f.resolveLabel(c.next()));
        }
        if (ls.isEmpty()) {
            throw c.hasNext() ? Cursor.unexpected(c.peek()) : c.endError();
        }
        op.writeOpcode(w);
        w.u32(ls.size() - 1);
        for (int l : ls) {
            w.u32(l);
        }
    }

    private void callIndirect(OpTable.Op op, Cursor c, ByteWriter w) {
        int table = optIndex(c, m.tables);
        TypeUse u = TypeUse.parse(m, c);
        for (SExpr.Atom id : u.paramIds()) {
            if (id != null) {
                throw Cursor.error(id, "unexpected token");
            }
        }
        int type = u.resolve(m);
        pair(op, w, type, table);
    }

    private void memarg(OpTable.Op op, Cursor c, ByteWriter w, boolean lane) {
        int mem = 0;
        if (c.peekAtom(SExpr.Kind.ID) || c.peekAtom(SExpr.Kind.NUMBER) && (!lane || laneFollows(c))) {
            mem = m.mems.resolve(c.next());
        }
        long offset = 0;
        int align = op.align();
        if (c.peek() instanceof SExpr.Atom a && a.kind() == SExpr.Kind.KEYWORD && a.text().startsWith("offset=")) {
            c.skip();
            offset = Literals.unsigned(a, memargValue(a, 7), 64);
        }
        if (c.peek() instanceof SExpr.Atom a && a.kind() == SExpr.Kind.KEYWORD && a.text().startsWith("align=")) {
            c.skip();
            long v = Literals.unsigned(a, memargValue(a, 6), 64);
            if (v == 0 || (v & (v - 1)) != 0) {
                throw Cursor.error(a, "alignment must be a power of two");
            }
            align = Long.numberOfTrailingZeros(v);
        }
        op.writeOpcode(w);
        w.u32(mem != 0 ? align | 0x40 : align);
        if (mem != 0) {
            w.u32(mem);
        }
        w.u64(offset);
        if (lane) {
            w.u8(Literals.lane(c.next()));
        }
    }

    /** The number after "offset=" or "align="; anything else makes the whole token an unknown keyword. */
    private static String memargValue(SExpr.Atom a, int prefix) {
        String v = a.text().substring(prefix);
        if (!NumberSyntax.isInt(v) || v.startsWith("-") || v.startsWith("+")) {
            throw Cursor.error(a, "unknown operator " + a.text());
        }
        return v;
    }

    /** For load/store lane: a leading number is a memory index only if another index-like token follows. */
    private static boolean laneFollows(Cursor c) {
        SExpr next = c.peek(1);
        if (next instanceof SExpr.Atom a) {
            return a.kind() == SExpr.Kind.NUMBER
                    || a.kind() == SExpr.Kind.KEYWORD && (a.text().startsWith("offset=") || a.text().startsWith("align="));
        }
        return false;
    }
}
