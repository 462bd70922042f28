package dev.jwasm.cli;

import dev.jwasm.api.Extern;
import dev.jwasm.api.Function;
import dev.jwasm.api.Instance;
import dev.jwasm.api.Value;
import dev.jwasm.core.model.FuncType;
import dev.jwasm.core.model.ValType;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/** {@code jwasm run --invoke NAME VALUES...}: calls one export with arguments parsed by its parameter types. */
final class Invoker {
    private Invoker() {
    }

    /** Calls {@code name} with {@code args} and prints each result on its own line. */
    static void invoke(Instance instance, String name, List<String> args, PrintStream out) {
        Function f = function(instance, name);
        FuncType type = f.type();
        List<ValType> params = type.params();
        if (params.size() != args.size()) {
            throw new CliException("export '" + name + "' takes " + params.size() + " argument"
                    + (params.size() == 1 ? "" : "s") + " " + typeList(params) + ", got " + args.size());
        }
        Value[] values = new Value[params.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = argument(name, i, args.get(i), params.get(i));
        }
        for (Value result : f.call(values)) {
            out.println(ValueText.format(result));
        }
    }

    private static Function function(Instance instance, String name) {
        Extern ext = instance.export(name).orElseThrow(() -> new CliException(
                "unknown export '" + name + "'; exported functions: " + functionNames(instance.exports())));
        if (!(ext instanceof Function f)) {
            throw new CliException("export '" + name + "' is not a function");
        }
        return f;
    }

    private static Value argument(String function, int index, String text, ValType type) {
        try {
            return ValueText.parse(text, type);
        } catch (IllegalArgumentException e) {
            throw new CliException("argument " + (index + 1) + " of '" + function + "' (" + type + "): "
                    + e.getMessage());
        }
    }

    private static String functionNames(Map<String, Extern> exports) {
        StringJoiner names = new StringJoiner(", ");
        exports.forEach((n, e) -> {
            if (e instanceof Function) {
                names.add(n);
            }
        });
        return names.length() == 0 ? "(none)" : names.toString();
    }

    private static String typeList(List<ValType> types) {
        StringJoiner j = new StringJoiner(" ", "(", ")");
        types.forEach(t -> j.add(t.toString()));
        return j.toString();
    }
}
