package dev.jwasm.core.text.wast;

import dev.jwasm.core.text.SExpr;
import dev.jwasm.core.text.SExprParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Parses {@code .wast} script text into {@link WastCommand}s. A command that cannot be parsed becomes a
 * {@link WastCommand.Unparsable} so the rest of the script still runs; only a lexical or bracketing error
 * in the script as a whole fails the parse.
 */
public final class WastParser {
    private static final Set<String> MODULE_FIELDS = Set.of(
            "type", "rec", "import", "func", "table", "memory", "global", "export", "start", "elem", "data", "tag");

    private WastParser() {
    }

    /**
     * Parses a whole script.
     *
     * @param name how results will refer to the script, usually its file path
     * @throws dev.jwasm.api.TextFormatException if the text is not a sequence of S-expressions
     */
    public static WastScript parse(String name, String source) {
        List<SExpr> forms = SExprParser.parseAll(source);
        if (isInlineModule(forms)) {
            return new WastScript(name, List.of(ModuleForms.command(wrapInModule(forms))));
        }
        List<WastCommand> commands = new ArrayList<>();
        for (SExpr form : forms) {
            commands.add(command(form));
        }
        return new WastScript(name, commands);
    }

    /** A script may be just the fields of one module, written without the {@code (module ...)} around them. */
    private static boolean isInlineModule(List<SExpr> forms) {
        return !forms.isEmpty() && forms.stream().allMatch(f -> isModuleField(Forms.head(f)));
    }

    private static boolean isModuleField(String head) {
        return head != null && MODULE_FIELDS.contains(head);
    }

    private static SExpr.Parens wrapInModule(List<SExpr> fields) {
        List<SExpr> items = new ArrayList<>();
        items.add(new SExpr.Atom(SExpr.Kind.KEYWORD, "module", 1, 1));
        items.addAll(fields);
        return new SExpr.Parens(List.copyOf(items), fields.get(0).line(), fields.get(0).column());
    }

    /** One top-level form; never throws. */
    static WastCommand command(SExpr form) {
        String keyword = Forms.head(form);
        if (keyword == null) {
            return new WastCommand.Unparsable(form.line(), "?", "expected a command, found " + abbreviate(form));
        }
        try {
            return command((SExpr.Parens) form, keyword);
        } catch (RuntimeException e) {
            return new WastCommand.Unparsable(form.line(), keyword, String.valueOf(e.getMessage()));
        } catch (StackOverflowError e) {
            // Only absurdly nested (either ...) patterns recurse deeply; report rather than crash.
            return new WastCommand.Unparsable(form.line(), keyword, "command nested too deeply");
        }
    }

    private static WastCommand command(SExpr.Parens p, String keyword) {
        int line = p.line();
        List<SExpr> items = p.items();
        return switch (keyword) {
            case "module" -> ModuleForms.command(p);
            case "register" -> new WastCommand.Register(line, Forms.string(item(p, 1)),
                    items.size() > 2 ? Forms.atom(items.get(2)).text() : null);
            case "invoke", "get" -> new WastCommand.Action(line, action(p));
            case "assert_return" -> new WastCommand.AssertReturn(line, action(item(p, 1)), results(items));
            case "assert_trap" -> assertTrap(p);
            case "assert_exhaustion" ->
                    new WastCommand.AssertExhaustion(line, action(item(p, 1)), Forms.string(item(p, 2)));
            case "assert_exception" -> new WastCommand.AssertException(line, action(item(p, 1)));
            case "assert_malformed" -> assertMalformed(p);
            case "assert_invalid" ->
                    new WastCommand.AssertInvalid(line, ModuleForms.source(item(p, 1)), Forms.string(item(p, 2)));
            case "assert_unlinkable" ->
                    new WastCommand.AssertUnlinkable(line, ModuleForms.source(item(p, 1)), Forms.string(item(p, 2)));
            case "assert_uninstantiable" -> new WastCommand.AssertUninstantiable(line, keyword,
                    ModuleForms.source(item(p, 1)), Forms.string(item(p, 2)));
            case "assert_malformed_custom", "assert_invalid_custom" ->
                    new WastCommand.Unsupported(line, keyword, "custom-annotations");
            case "thread", "wait" -> new WastCommand.Unsupported(line, keyword, "threads");
            case "script", "input", "output" -> new WastCommand.Unsupported(line, keyword, "meta-commands");
            default -> new WastCommand.Unparsable(line, keyword, "unknown command " + keyword);
        };
    }

    private static WastCommand assertTrap(SExpr.Parens p) {
        SExpr target = item(p, 1);
        String message = Forms.string(item(p, 2));
        if ("module".equals(Forms.head(target))) {
            return new WastCommand.AssertUninstantiable(p.line(), "assert_trap", ModuleForms.source(target), message);
        }
        return new WastCommand.AssertTrap(p.line(), action(target), message);
    }

    private static WastCommand assertMalformed(SExpr.Parens p) {
        ModuleSource module = ModuleForms.source(item(p, 1));
        if (module instanceof ModuleSource.Text) {
            // A plain text module that is malformed cannot be represented as an AST; the reference
            // interpreter only checks these when parsing the script itself, so they are not run.
            return new WastCommand.Unsupported(p.line(), "assert_malformed", "malformed-text-module");
        }
        return new WastCommand.AssertMalformed(p.line(), module, Forms.string(item(p, 2)));
    }

    /** {@code (invoke $id? "name" args...)} or {@code (get $id? "name")}. */
    static WastAction action(SExpr e) {
        SExpr.Parens p = Forms.parens(e);
        String head = Forms.head(p);
        List<SExpr> items = p.items();
        int i = 1;
        String id = null;
        if (items.size() > i && Forms.isId(items.get(i))) {
            id = Forms.atom(items.get(i++)).text();
        }
        String name = Forms.string(item(p, i++));
        if ("get".equals(head)) {
            return new WastAction.Get(id, name);
        }
        if (!"invoke".equals(head)) {
            throw Forms.error(p, "expected invoke or get");
        }
        List<WastArg> args = new ArrayList<>();
        for (; i < items.size(); i++) {
            args.add(WastValueParser.arg(items.get(i)));
        }
        return new WastAction.Invoke(id, name, args);
    }

    private static List<ResultPattern> results(List<SExpr> items) {
        List<ResultPattern> out = new ArrayList<>();
        for (int i = 2; i < items.size(); i++) {
            out.add(WastValueParser.result(items.get(i)));
        }
        return out;
    }

    private static SExpr item(SExpr.Parens p, int index) {
        if (index >= p.items().size()) {
            throw Forms.error(p, "missing operand " + index + " of " + Forms.head(p));
        }
        return p.items().get(index);
    }

    private static String abbreviate(SExpr form) {
        String text = form.toString();
        return text.length() > 40 ? text.substring(0, 40) + "..." : text;
    }
}
