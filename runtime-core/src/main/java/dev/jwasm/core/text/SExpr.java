package dev.jwasm.core.text;

import java.util.List;

/**
 * S-expression tree of a .wat/.wast source; annotations (@...) are dropped; block {@code (; ;)} and line
 * {@code ;;} comments skipped.
 */
public sealed interface SExpr permits SExpr.Atom, SExpr.Parens {
    /** 1-based line of the first character. */
    int line();

    /** 1-based column of the first character. */
    int column();

    /** A single token; {@code text} is the raw token text (strings keep their quotes, undecoded). */
    record Atom(Kind kind, String text, int line, int column) implements SExpr {
        @Override
        public String toString() {
            return text;
        }
    }

    /** A parenthesised list of forms. */
    record Parens(List<SExpr> items, int line, int column) implements SExpr {
        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder("(");
            for (int i = 0; i < items.size(); i++) {
                if (i > 0) {
                    sb.append(' ');
                }
                sb.append(items.get(i));
            }
            return sb.append(')').toString();
        }
    }

    /** Token classes of the lexical grammar. */
    enum Kind { KEYWORD, ID, NUMBER, STRING, RESERVED }
}
