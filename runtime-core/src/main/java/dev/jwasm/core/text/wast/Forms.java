package dev.jwasm.core.text.wast;

import dev.jwasm.api.TextFormatException;
import dev.jwasm.core.text.SExpr;
import dev.jwasm.core.text.TextStrings;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Small accessors over S-expression forms used by the script parser. */
final class Forms {
    private Forms() {
    }

    /** The keyword at the head of {@code form}, or null if it does not start with a keyword. */
    static String head(SExpr form) {
        if (form instanceof SExpr.Parens p && !p.items().isEmpty()
                && p.items().get(0) instanceof SExpr.Atom a && a.kind() == SExpr.Kind.KEYWORD) {
            return a.text();
        }
        return null;
    }

    static boolean isKeyword(SExpr e, String keyword) {
        return e instanceof SExpr.Atom a && a.kind() == SExpr.Kind.KEYWORD && a.text().equals(keyword);
    }

    static boolean isId(SExpr e) {
        return e instanceof SExpr.Atom a && a.kind() == SExpr.Kind.ID;
    }

    static boolean isString(SExpr e) {
        return e instanceof SExpr.Atom a && a.kind() == SExpr.Kind.STRING;
    }

    static SExpr.Parens parens(SExpr e) {
        if (e instanceof SExpr.Parens p) {
            return p;
        }
        throw error(e, "expected a parenthesised form");
    }

    static SExpr.Atom atom(SExpr e) {
        if (e instanceof SExpr.Atom a) {
            return a;
        }
        throw error(e, "expected a token");
    }

    /** The text a string literal denotes, decoded as UTF-8 (invalid sequences become U+FFFD). */
    static String string(SExpr e) {
        if (!isString(e)) {
            throw error(e, "expected a string");
        }
        return new String(TextStrings.decode((SExpr.Atom) e), StandardCharsets.UTF_8);
    }

    /** The bytes of consecutive string literals {@code items[from..]} concatenated. */
    static byte[] concatenatedBytes(List<SExpr> items, int from) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (int i = from; i < items.size(); i++) {
            if (!isString(items.get(i))) {
                throw error(items.get(i), "expected a string");
            }
            out.writeBytes(TextStrings.decode((SExpr.Atom) items.get(i)));
        }
        return out.toByteArray();
    }

    static TextFormatException error(SExpr at, String reason) {
        return new TextFormatException(reason, at.line(), at.column());
    }
}
