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

    // equals and hashCode written out: a record's generated ones are bootstrapped through method handles on
    // first use, some 20 classes spun at run time, which host-function linking paid on every jwasm start.
    @Override
    public boolean equals(Object o) {
        return o instanceof FuncType f && params.equals(f.params) && results.equals(f.results);
    }

    @Override
    public int hashCode() {
        return 31 * params.hashCode() + results.hashCode();
    }

    @Override
    public String toString() {
        return "(func " + params + " -> " + results + ")";
    }
}
