package dev.jwasm.core.text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One index space (functions, tables, ...) with its symbolic identifiers. */
final class IndexSpace {
    private final String kind;
    private final String unknown;
    private final Map<String, Integer> ids = new HashMap<>();
    private final List<String> names = new ArrayList<>();

    /**
     * @param kind word used in "duplicate KIND"
     * @param unknown word used in "unknown UNKNOWN"
     */
    IndexSpace(String kind, String unknown) {
        this.kind = kind;
        this.unknown = unknown;
    }

    int size() {
        return names.size();
    }

    /** Adds an entry with an optional identifier and returns its index. */
    int add(SExpr.Atom id) {
        int index = names.size();
        String name = null;
        if (id != null) {
            name = idName(id);
            if (ids.putIfAbsent(name, index) != null) {
                throw Cursor.error(id, "duplicate " + kind);
            }
        }
        names.add(name);
        return index;
    }

    boolean hasNames() {
        return !ids.isEmpty();
    }

    /** The identifier name of an entry (without '$'), or null. */
    String name(int index) {
        return index < names.size() ? names.get(index) : null;
    }

    /** Resolves a numeric index or identifier. */
    int resolve(SExpr ref) {
        if (!(ref instanceof SExpr.Atom a)) {
            throw Cursor.unexpected(ref);
        }
        if (a.kind() == SExpr.Kind.NUMBER) {
            return parseIndex(a);
        }
        if (a.kind() == SExpr.Kind.ID) {
            Integer i = ids.get(idName(a));
            if (i == null) {
                throw Cursor.error(a, "unknown " + unknown + " " + a.text());
            }
            return i;
        }
        throw Cursor.unexpected(a);
    }

    /** Looks an identifier up without failing; -1 if absent. */
    int lookup(SExpr.Atom id) {
        Integer i = ids.get(idName(id));
        return i == null ? -1 : i;
    }

    static int parseIndex(SExpr.Atom a) {
        try {
            return (int) Numbers.parseUnsigned(a.text(), 32);
        } catch (NumberFormatException e) {
            throw Cursor.error(a, e.getMessage().equals("constant out of range") ? "i32 constant out of range"
                    : "unexpected token");
        }
    }

    /** The name an identifier denotes: "$x" and "$\"x\"" are the same identifier. */
    static String idName(SExpr.Atom id) {
        String t = id.text();
        if (t.length() > 1 && t.charAt(1) == '"') {
            return TextStrings.decodeNameString(new SExpr.Atom(SExpr.Kind.STRING, t.substring(1), id.line(), id.column()));
        }
        return t.substring(1);
    }
}
