package dev.jwasm.core.text;

import java.util.List;

/**
 * First pass over module fields: allocates indices and identifiers in every index space, and enforces
 * that imports precede definitions.
 */
final class Declarations {
    private final ModuleEncoder m;
    private String firstDefinition;

    Declarations(ModuleEncoder m) {
        this.m = m;
    }

    void declare(List<SExpr.Parens> fields) {
        for (SExpr.Parens p : fields) {
            declareField(p);
        }
    }

    private void declareField(SExpr.Parens p) {
        String head = Cursor.head(p);
        Cursor c = new Cursor(p, 1);
        switch (head) {
            case "type" -> declareType(p);
            case "rec" -> {
                for (int i = 1; i < p.items().size(); i++) {
                    SExpr t = p.items().get(i);
                    if (!"type".equals(Cursor.head(t))) {
                        throw Cursor.unexpected(t);
                    }
                    declareType((SExpr.Parens) t);
                }
            }
            case "import" -> declareImport(p);
            case "func", "table", "memory", "global", "tag" -> declareDefinition(head, c);
            case "elem" -> m.elems.add(c.optId());
            case "data" -> m.datas.add(c.optId());
            case "start", "export" -> {
            }
            default -> throw Cursor.unexpected(p);
        }
    }

    private void declareType(SExpr.Parens t) {
        m.typeSpace.add(new Cursor(t, 1).optId());
        m.typeDefs.add(new TypeDef());
    }

    private void declareImport(SExpr.Parens p) {
        checkImportOrder(p);
        Cursor c = new Cursor(p, 1);
        c.atom(SExpr.Kind.STRING);
        c.atom(SExpr.Kind.STRING);
        SExpr desc = c.next();
        String kind = Cursor.head(desc);
        if (kind == null) {
            throw Cursor.unexpected(desc);
        }
        SExpr.Atom id = new Cursor((SExpr.Parens) desc, 1).optId();
        switch (kind) {
            case "func" -> m.funcs.add(id);
            case "table" -> m.tables.add(id);
            case "memory" -> m.mems.add(id);
            case "global" -> m.globals.add(id);
            case "tag" -> m.tags.add(id);
            default -> throw Cursor.unexpected(desc);
        }
    }

    private void checkImportOrder(SExpr at) {
        if (firstDefinition != null) {
            throw Cursor.error(at, "import after " + firstDefinition);
        }
    }

    private void declareDefinition(String head, Cursor c) {
        SExpr.Atom id = c.optId();
        while (c.peekParens("export")) {
            c.skip();
        }
        boolean imported = c.peekParens("import");
        if (imported) {
            checkImportOrder(c.peek());
        } else if (firstDefinition == null) {
            firstDefinition = head.equals("func") ? "function" : head;
        }
        switch (head) {
            case "func" -> m.funcs.add(id);
            case "global" -> m.globals.add(id);
            case "tag" -> m.tags.add(id);
            case "table" -> {
                m.tables.add(id);
                if (!imported && hasInline(c, "elem")) {
                    m.elems.add(null);
                }
            }
            default -> {
                m.mems.add(id);
                if (!imported && hasInline(c, "data")) {
                    m.datas.add(null);
                }
            }
        }
    }

    private static boolean hasInline(Cursor c, String head) {
        for (int i = c.position(); i < c.items().size(); i++) {
            if (head.equals(Cursor.head(c.items().get(i)))) {
                return true;
            }
        }
        return false;
    }
}
