package dev.jwasm.core.text.wast;

import dev.jwasm.core.text.SExpr;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses the script's module forms: {@code (module $id? ...)}, {@code (module $id? binary "..."...)},
 * {@code (module $id? quote "..."...)}, {@code (module definition $id? ...)} and
 * {@code (module instance $inst? $def?)}.
 */
final class ModuleForms {
    private ModuleForms() {
    }

    /** A top-level module command. */
    static WastCommand command(SExpr.Parens p) {
        List<SExpr> items = p.items();
        if (items.size() > 1 && Forms.isKeyword(items.get(1), "instance")) {
            return instance(p);
        }
        boolean definition = items.size() > 1 && Forms.isKeyword(items.get(1), "definition");
        int idIndex = definition ? 2 : 1;
        String id = items.size() > idIndex && Forms.isId(items.get(idIndex))
                ? Forms.atom(items.get(idIndex)).text() : null;
        return new WastCommand.Module(p.line(), id, source(p), definition);
    }

    /** The module an assertion or module command is about, without its script-level name. */
    static ModuleSource source(SExpr e) {
        SExpr.Parens p = Forms.parens(e);
        if (!"module".equals(Forms.head(p))) {
            throw Forms.error(p, "expected a module");
        }
        List<SExpr> items = p.items();
        int i = 1;
        boolean definition = items.size() > i && Forms.isKeyword(items.get(i), "definition");
        if (definition) {
            i++;
        }
        if (items.size() > i && Forms.isId(items.get(i))) {
            i++;
        }
        if (items.size() > i && Forms.isKeyword(items.get(i), "binary")) {
            return new ModuleSource.Binary(Forms.concatenatedBytes(items, i + 1));
        }
        if (items.size() > i && Forms.isKeyword(items.get(i), "quote")) {
            return new ModuleSource.Quote(Forms.concatenatedBytes(items, i + 1));
        }
        return new ModuleSource.Text(definition ? withoutDefinitionKeyword(p) : p);
    }

    private static WastCommand instance(SExpr.Parens p) {
        List<String> ids = new ArrayList<>();
        for (int i = 2; i < p.items().size(); i++) {
            SExpr item = p.items().get(i);
            if (!Forms.isId(item)) {
                throw Forms.error(item, "expected a module name");
            }
            ids.add(Forms.atom(item).text());
        }
        if (ids.size() > 2) {
            throw Forms.error(p, "too many names in module instance");
        }
        String instanceId = ids.isEmpty() ? null : ids.get(0);
        String definitionId = ids.size() == 2 ? ids.get(1) : null;
        return new WastCommand.ModuleInstance(p.line(), instanceId, definitionId);
    }

    /** {@code (module definition $id? fields...)} as the plain module form {@code (module $id? fields...)}. */
    private static SExpr.Parens withoutDefinitionKeyword(SExpr.Parens p) {
        List<SExpr> items = new ArrayList<>(p.items());
        items.remove(1);
        return new SExpr.Parens(List.copyOf(items), p.line(), p.column());
    }
}
