package dev.jwasm.core.text;

import dev.jwasm.api.TextFormatException;
import java.util.List;

/** Walks the items of one S-expression list, with helpers that report errors at the right place. */
final class Cursor {
    private final List<SExpr> items;
    private final SExpr owner;
    private int pos;

    Cursor(SExpr.Parens owner, int from) {
        this(owner.items(), from, owner);
    }

    Cursor(List<SExpr> items, int from, SExpr owner) {
        this.items = items;
        this.pos = from;
        this.owner = owner;
    }

    boolean hasNext() {
        return pos < items.size();
    }

    int position() {
        return pos;
    }

    List<SExpr> items() {
        return items;
    }

    SExpr owner() {
        return owner;
    }

    SExpr peek() {
        return hasNext() ? items.get(pos) : null;
    }

    SExpr peek(int ahead) {
        return pos + ahead < items.size() ? items.get(pos + ahead) : null;
    }

    SExpr next() {
        if (!hasNext()) {
            throw endError();
        }
        return items.get(pos++);
    }

    void skip() {
        pos++;
    }

    /** True if the next item is an atom of the given kind. */
    boolean peekAtom(SExpr.Kind kind) {
        return peek() instanceof SExpr.Atom a && a.kind() == kind;
    }

    /** True if the next item is an index: an identifier or a number. */
    boolean peekIndex() {
        return peekAtom(SExpr.Kind.ID) || peekAtom(SExpr.Kind.NUMBER);
    }

    boolean peekKeyword(String kw) {
        return peek() instanceof SExpr.Atom a && a.kind() == SExpr.Kind.KEYWORD && a.text().equals(kw);
    }

    /** True if the next item is a list headed by the keyword {@code head}. */
    boolean peekParens(String head) {
        return head.equals(head(peek()));
    }

    SExpr.Atom atom() {
        SExpr e = next();
        if (e instanceof SExpr.Atom a) {
            return a;
        }
        throw unexpected(e);
    }

    SExpr.Atom atom(SExpr.Kind kind) {
        SExpr e = next();
        if (e instanceof SExpr.Atom a && a.kind() == kind) {
            return a;
        }
        throw unexpected(e);
    }

    void expectKeyword(String kw) {
        SExpr e = next();
        if (!(e instanceof SExpr.Atom a && a.kind() == SExpr.Kind.KEYWORD && a.text().equals(kw))) {
            throw unexpected(e);
        }
    }

    SExpr.Parens parens() {
        SExpr e = next();
        if (e instanceof SExpr.Parens p) {
            return p;
        }
        throw unexpected(e);
    }

    /** Optional identifier at the cursor. */
    SExpr.Atom optId() {
        if (peekAtom(SExpr.Kind.ID)) {
            return (SExpr.Atom) next();
        }
        return null;
    }

    void expectEnd() {
        if (hasNext()) {
            throw unexpected(peek());
        }
    }

    TextFormatException endError() {
        return new TextFormatException("unexpected token", owner.line(), owner.column());
    }

    /** Keyword heading a list, or null. */
    static String head(SExpr e) {
        if (e instanceof SExpr.Parens p && !p.items().isEmpty()
                && p.items().get(0) instanceof SExpr.Atom a && a.kind() == SExpr.Kind.KEYWORD) {
            return a.text();
        }
        return null;
    }

    static TextFormatException error(SExpr at, String reason) {
        return new TextFormatException(reason, at.line(), at.column());
    }

    /**
     * The error for a token that does not fit here: unknown keywords are "unknown operator" (as in the
     * reference interpreter, whose lexer rejects them), everything else "unexpected token".
     */
    static TextFormatException unexpected(SExpr e) {
        if (e instanceof SExpr.Atom a && (a.kind() == SExpr.Kind.RESERVED
                || a.kind() == SExpr.Kind.KEYWORD && !Keywords.isKnown(a.text()))) {
            return error(e, "unknown operator " + a.text());
        }
        if (e instanceof SExpr.Parens p && !p.items().isEmpty()) {
            SExpr first = p.items().get(0);
            if (first instanceof SExpr.Atom a && (a.kind() == SExpr.Kind.RESERVED
                    || a.kind() == SExpr.Kind.KEYWORD && !Keywords.isKnown(a.text()))) {
                return error(first, "unknown operator " + a.text());
            }
        }
        return error(e, "unexpected token");
    }
}
