package dev.jwasm.core.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Encodes instruction sequences (function bodies and constant expressions), flat and folded, keeping
 * the label context needed to resolve symbolic labels.
 */
final class FuncEncoder {
    /** Folded nesting beyond this is rejected rather than risking a Java stack overflow. */
    private static final int MAX_DEPTH = 2000;

    private final ModuleEncoder m;
    private final Map<String, Integer> locals;
    private final List<String> labels = new ArrayList<>();
    private final List<String> kinds = new ArrayList<>();
    private final Immediates imm;
    private int depth;

    FuncEncoder(ModuleEncoder m, Map<String, Integer> locals) {
        this.m = m;
        this.locals = locals;
        this.imm = new Immediates(m, this);
    }

    int resolveLocal(SExpr e) {
        if (e instanceof SExpr.Atom a && a.kind() == SExpr.Kind.ID) {
            Integer i = locals.get(IndexSpace.idName(a));
            if (i == null) {
                throw Cursor.error(a, "unknown local " + a.text());
            }
            return i;
        }
        if (e instanceof SExpr.Atom a && a.kind() == SExpr.Kind.NUMBER) {
            return IndexSpace.parseIndex(a);
        }
        throw Cursor.unexpected(e);
    }

    int resolveLabel(SExpr e) {
        if (e instanceof SExpr.Atom a && a.kind() == SExpr.Kind.ID) {
            String name = IndexSpace.idName(a);
            for (int i = labels.size() - 1; i >= 0; i--) {
                if (name.equals(labels.get(i))) {
                    return labels.size() - 1 - i;
                }
            }
            throw Cursor.error(a, "unknown label " + a.text());
        }
        if (e instanceof SExpr.Atom a && a.kind() == SExpr.Kind.NUMBER) {
            return IndexSpace.parseIndex(a);
        }
        throw Cursor.unexpected(e);
    }

    /** Encodes a constant expression (the rest of {@code c}) followed by end. */
    byte[] constExpr(Cursor c) {
        ByteWriter w = new ByteWriter();
        instrs(c, w);
        w.u8(0x0B);
        return w.toByteArray();
    }

    /** Encodes all remaining items of {@code c} as an instruction sequence. */
    void instrs(Cursor c, ByteWriter out) {
        int base = labels.size();
        while (c.hasNext()) {
            SExpr e = c.next();
            if (e instanceof SExpr.Parens p) {
                folded(p, out);
            } else {
                flat((SExpr.Atom) e, c, out, base);
            }
        }
        if (labels.size() != base) {
            throw c.endError();
        }
    }

    private static OpTable.Op op(SExpr.Atom a) {
        if (a.kind() != SExpr.Kind.KEYWORD) {
            throw Cursor.unexpected(a);
        }
        OpTable.Op op = OpTable.get(a.text());
        if (op == null) {
            throw Cursor.unexpected(a);
        }
        return op;
    }

    private void flat(SExpr.Atom a, Cursor c, ByteWriter out, int base) {
        OpTable.Op op = op(a);
        switch (op.imm()) {
            case BLOCK -> {
                SExpr.Atom label = c.optId();
                ByteWriter header = new ByteWriter();
                op.writeOpcode(header);
                imm.blockType(c, header);
                if (op.name().equals("try_table")) {
                    imm.catchClauses(c, header);
                }
                out.append(header);
                push(label, op.name());
            }
            case ELSE -> {
                requireFrame(a, base, "if");
                checkEndLabel(c);
                kinds.set(kinds.size() - 1, "else");
                out.u8(0x05);
            }
            case END -> {
                if (labels.size() <= base) {
                    throw Cursor.unexpected(a);
                }
                checkEndLabel(c);
                pop();
                out.u8(0x0B);
            }
            case CATCH -> {
                requireFrame(a, base, "try");
                out.u8(0x07).u32(m.tags.resolve(c.next()));
            }
            case CATCH_ALL -> {
                requireFrame(a, base, "try");
                out.u8(0x19);
            }
            case DELEGATE -> {
                requireFrame(a, base, "try");
                pop();
                out.u8(0x18).u32(resolveLabel(c.next()));
            }
            default -> imm.plain(op, c, out);
        }
    }

    private void requireFrame(SExpr.Atom at, int base, String kind) {
        if (labels.size() <= base || !kinds.get(kinds.size() - 1).equals(kind)) {
            throw Cursor.unexpected(at);
        }
    }

    private void checkEndLabel(Cursor c) {
        SExpr.Atom id = c.optId();
        if (id != null) {
            String label = labels.get(labels.size() - 1);
            if (!IndexSpace.idName(id).equals(label)) {
                throw Cursor.error(id, "mismatching label");
            }
        }
    }

    private void push(SExpr.Atom label, String kind) {
        labels.add(label == null ? null : IndexSpace.idName(label));
        kinds.add(kind);
    }

    private void pop() {
        labels.remove(labels.size() - 1);
        kinds.remove(kinds.size() - 1);
    }

    /** Encodes a folded instruction: operands first, then the operator. */
    void folded(SExpr.Parens p, ByteWriter out) {
        if (p.items().isEmpty()) {
            throw Cursor.unexpected(p);
        }
        if (++depth > MAX_DEPTH) {
            throw Cursor.error(p, "nesting too deep");
        }
        SExpr first = p.items().get(0);
        if (!(first instanceof SExpr.Atom a)) {
            throw Cursor.unexpected(first);
        }
        OpTable.Op op = op(a);
        switch (op.imm()) {
            case BLOCK -> foldedBlock(op, p, out);
            case ELSE, END, CATCH, CATCH_ALL, DELEGATE -> throw Cursor.unexpected(a);
            default -> {
                Cursor c = new Cursor(p, 1);
                ByteWriter self = new ByteWriter();
                imm.plain(op, c, self);
                while (c.hasNext()) {
                    SExpr e = c.next();
                    if (!(e instanceof SExpr.Parens q)) {
                        throw Cursor.unexpected(e);
                    }
                    folded(q, out);
                }
                out.append(self);
            }
        }
        depth--;
    }

    private void foldedBlock(OpTable.Op op, SExpr.Parens p, ByteWriter out) {
        Cursor c = new Cursor(p, 1);
        SExpr.Atom label = c.optId();
        ByteWriter header = new ByteWriter();
        op.writeOpcode(header);
        imm.blockType(c, header);
        switch (op.name()) {
            case "if" -> foldedIf(c, label, header, out);
            case "try" -> foldedTry(c, label, header, out);
            default -> {
                if (op.name().equals("try_table")) {
                    imm.catchClauses(c, header);
                }
                out.append(header);
                push(label, op.name());
                instrs(c, out);
                pop();
                out.u8(0x0B);
            }
        }
    }

    private void foldedIf(Cursor c, SExpr.Atom label, ByteWriter header, ByteWriter out) {
        while (c.hasNext() && !c.peekParens("then")) {
            SExpr e = c.next();
            if (!(e instanceof SExpr.Parens q)) {
                throw Cursor.unexpected(e);
            }
            folded(q, out);
        }
        out.append(header);
        push(label, "if");
        if (!c.peekParens("then")) {
            throw c.hasNext() ? Cursor.unexpected(c.peek()) : c.endError();
        }
        instrs(new Cursor((SExpr.Parens) c.next(), 1), out);
        if (c.peekParens("else")) {
            SExpr.Parens e = (SExpr.Parens) c.next();
            if (e.items().size() > 1) { // an empty else is omitted, as wat2wasm does
                out.u8(0x05);
                instrs(new Cursor(e, 1), out);
            }
        }
        c.expectEnd();
        pop();
        out.u8(0x0B);
    }

    private void foldedTry(Cursor c, SExpr.Atom label, ByteWriter header, ByteWriter out) {
        out.append(header);
        push(label, "try");
        if (!c.peekParens("do")) {
            throw c.hasNext() ? Cursor.unexpected(c.peek()) : c.endError();
        }
        instrs(new Cursor((SExpr.Parens) c.next(), 1), out);
        if (c.peekParens("delegate")) {
            Cursor d = new Cursor((SExpr.Parens) c.next(), 1);
            pop();
            out.u8(0x18).u32(resolveLabel(d.next()));
            d.expectEnd();
            c.expectEnd();
            return;
        }
        while (c.peekParens("catch")) {
            Cursor k = new Cursor((SExpr.Parens) c.next(), 1);
            out.u8(0x07).u32(m.tags.resolve(k.next()));
            instrs(k, out);
        }
        if (c.peekParens("catch_all")) {
            out.u8(0x19);
            instrs(new Cursor((SExpr.Parens) c.next(), 1), out);
        }
        c.expectEnd();
        pop();
        out.u8(0x0B);
    }
}
