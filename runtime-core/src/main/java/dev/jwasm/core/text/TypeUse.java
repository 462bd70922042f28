package dev.jwasm.core.text;

import java.util.ArrayList;
import java.util.List;

/** A parsed type use: optional "(type x)" followed by inline params and results. */
record TypeUse(boolean explicit, int index, List<byte[]> params, List<SExpr.Atom> paramIds, List<byte[]> results) {

    /** Parses a type use at the cursor, checking inline declarations against an explicit type. */
    static TypeUse parse(ModuleEncoder m, Cursor c) {
        int index = -1;
        boolean explicit = false;
        SExpr at = c.peek();
        if (c.peekParens("type")) {
            explicit = true;
            Cursor t = new Cursor((SExpr.Parens) c.next(), 1);
            index = m.typeSpace.resolve(t.next());
            t.expectEnd();
        }
        List<byte[]> params = new ArrayList<>();
        List<SExpr.Atom> ids = new ArrayList<>();
        List<byte[]> results = new ArrayList<>();
        m.types.signature(c, params, ids, results);
        if (c.peekParens("param") || c.peekParens("type")) {
            throw Cursor.error(c.peek(), "unexpected token");
        }
        if (explicit && m.typeDef(index) == null && (!params.isEmpty() || !results.isEmpty())) {
            m.checkTypeExistsLater(index, at);
        }
        if (explicit && (!params.isEmpty() || !results.isEmpty())) {
            TypeDef def = m.typeDef(index);
            if (def != null && (def.kind != TypeDef.Kind.FUNC
                    || !TypeDef.key(params, results).equals(def.funcKey()))) {
                throw Cursor.error(at, "inline function type");
            }
        }
        return new TypeUse(explicit, index, params, ids, results);
    }

    /** The function type index this use denotes, inserting an implicit type definition if needed. */
    int resolve(ModuleEncoder m) {
        return explicit ? index : m.implicitType(params, results);
    }

    /** Number of parameters (those of the referenced type when no inline params are given). */
    int paramCount(ModuleEncoder m) {
        if (explicit && params.isEmpty()) {
            TypeDef def = m.typeDef(index);
            return def == null ? 0 : def.params.size();
        }
        return params.size();
    }
}
