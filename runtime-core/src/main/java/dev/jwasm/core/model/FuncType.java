package dev.jwasm.core.model;

import java.util.List;

/**
 * A function type {@code [params] -> [results]}. Immutable; equality is structural.
 */
public record FuncType(List<ValType> params, List<ValType> results) implements CompositeType, ExternType {
    public FuncType {
        params = List.copyOf(params);
        results = List.copyOf(results);
    }

    public static FuncType of(List<ValType> params, List<ValType> results) {
        return new FuncType(params, results);
    }

    @Override
    public String toString() {
        return "(func " + params + " -> " + results + ")";
    }
}
