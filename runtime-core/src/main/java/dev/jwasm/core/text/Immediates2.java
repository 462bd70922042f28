package dev.jwasm.core.text;

import java.util.ArrayList;
import java.util.List;

/** Immediates of constants, SIMD, reference and GC instructions. */
final class Immediates2 {
    private Immediates2() {
    }

    static void plain(ModuleEncoder m, OpTable.Op op, Cursor c, ByteWriter w) {
        switch (op.imm()) {
            case I32 -> {
                long v = Literals.integer(c.next(), 32);
                op.writeOpcode(w);
                w.s64((int) v);
            }
            case I64 -> {
                long v = Literals.integer(c.next(), 64);
                op.writeOpcode(w);
                w.s64(v);
            }
            case F32 -> {
                int v = Literals.f32(c.next());
                op.writeOpcode(w);
                w.f32(v);
            }
            case F64 -> {
                long v = Literals.f64(c.next());
                op.writeOpcode(w);
                w.f64(v);
            }
            case V128 -> {
                op.writeOpcode(w);
                v128(c, w);
            }
            case SHUFFLE -> shuffle(op, c, w);
            case LANE -> {
                int lane = Literals.lane(c.next());
                op.writeOpcode(w);
                w.u8(lane);
            }
            case SELECT -> select(m, op, c, w);
            case HEAPTYPE -> {
                byte[] ht = m.types.heapType(c.next());
                op.writeOpcode(w);
                w.bytes(ht);
            }
            case CAST -> {
                Types.RefType rt = m.types.refType(c.next());
                w.u8(op.prefix()).u32(op.code() + (rt.nullable() ? 1 : 0)).bytes(rt.heap());
            }
            case FENCE -> {
                op.writeOpcode(w);
                w.u8(0);
            }
            default -> gc(m, op, c, w);
        }
    }

    private static void gc(ModuleEncoder m, OpTable.Op op, Cursor c, ByteWriter w) {
        switch (op.imm()) {
            case TYPE_FIELD -> {
                int t = m.typeSpace.resolve(c.next());
                int field = field(m, t, c.next());
                op.writeOpcode(w);
                w.u32(t).u32(field);
            }
            case TYPE_TYPE -> {
                int a = m.typeSpace.resolve(c.next());
                int b = m.typeSpace.resolve(c.next());
                op.writeOpcode(w);
                w.u32(a).u32(b);
            }
            case TYPE_DATA -> {
                m.usesDataIndex = true;
                int t = m.typeSpace.resolve(c.next());
                int d = m.datas.resolve(c.next());
                op.writeOpcode(w);
                w.u32(t).u32(d);
            }
            case TYPE_ELEM -> {
                int t = m.typeSpace.resolve(c.next());
                int e = m.elems.resolve(c.next());
                op.writeOpcode(w);
                w.u32(t).u32(e);
            }
            case TYPE_N -> {
                int t = m.typeSpace.resolve(c.next());
                long n = Literals.unsigned(c.next(), 32);
                op.writeOpcode(w);
                w.u32(t).u64(n);
            }
            default -> throw Cursor.unexpected(c.owner());
        }
    }

    private static int field(ModuleEncoder m, int type, SExpr e) {
        if (e instanceof SExpr.Atom a && a.kind() == SExpr.Kind.ID) {
            TypeDef def = m.typeDef(type);
            Integer i = def == null ? null : def.fieldIds.get(IndexSpace.idName(a));
            if (i == null) {
                throw Cursor.error(a, "unknown field " + a.text());
            }
            return i;
        }
        return (int) Literals.unsigned(e, 32);
    }

    private static void select(ModuleEncoder m, OpTable.Op op, Cursor c, ByteWriter w) {
        List<byte[]> results = new ArrayList<>();
        boolean typed = false;
        while (c.peekParens("result")) {
            typed = true;
            Cursor r = new Cursor((SExpr.Parens) c.next(), 1);
            while (r.hasNext()) {
                results.add(m.types.valType(r.next()));
            }
        }
        if (!typed) { // "(result)" with no types stays typed: validation reports its arity
            op.writeOpcode(w);
            return;
        }
        w.u8(0x1C);
        Types.writeVec(w, results);
    }

    private static void shuffle(OpTable.Op op, Cursor c, ByteWriter w) {
        List<Integer> lanes = new ArrayList<>();
        while (c.peekAtom(SExpr.Kind.NUMBER)) {
            SExpr.Atom a = (SExpr.Atom) c.next();
            if (!NumberSyntax.isInt(a.text()) || a.text().startsWith("-") || a.text().startsWith("+")) {
                throw Cursor.error(a, "i8 constant out of range");
            }
            lanes.add(Literals.lane(a));
        }
        if (lanes.size() != 16) {
            throw Cursor.error(c.hasNext() ? c.peek() : c.owner(), "invalid lane length");
        }
        op.writeOpcode(w);
        for (int l : lanes) {
            w.u8(l);
        }
    }

    private static void v128(Cursor c, ByteWriter w) {
        SExpr shapeAtom = c.next();
        String shape = shapeAtom instanceof SExpr.Atom a && a.kind() == SExpr.Kind.KEYWORD ? a.text() : "";
        int lanes;
        switch (shape) {
            case "i8x16" -> lanes = 16;
            case "i16x8" -> lanes = 8;
            case "i32x4", "f32x4" -> lanes = 4;
            case "i64x2", "f64x2" -> lanes = 2;
            default -> throw Cursor.unexpected(shapeAtom);
        }
        int bytes = 16 / lanes;
        int available = 0;
        while (c.peek(available) instanceof SExpr.Atom a && a.kind() == SExpr.Kind.NUMBER) {
            available++;
        }
        if (available != lanes) {
            SExpr at = c.peek(available);
            if (available < lanes && at instanceof SExpr.Atom) {
                throw Cursor.unexpected(at);
            }
            throw Cursor.error(at != null ? at : c.owner(), "wrong number of lane literals");
        }
        for (int i = 0; i < lanes; i++) {
            SExpr lit = c.next();
            long bits;
            if (shape.equals("f32x4")) {
                bits = Literals.f32(lit);
            } else if (shape.equals("f64x2")) {
                bits = Literals.f64(lit);
            } else {
                bits = Literals.integer(lit, bytes * 8);
            }
            for (int b = 0; b < bytes; b++) {
                w.u8((int) (bits >>> (8 * b)));
            }
        }
    }
}
