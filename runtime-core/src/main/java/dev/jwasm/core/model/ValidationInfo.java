package dev.jwasm.core.model;

import java.util.List;

/**
 * What validation learned about a module, kept with it for the tiers.
 *
 * @param functions one entry per defined function, parallel to {@link DecodedModule#codes()}
 * @param declaredFunctionRefs function indices that may be referenced by {@code ref.func} in code
 */
public record ValidationInfo(List<FunctionInfo> functions, java.util.BitSet declaredFunctionRefs) {
    public ValidationInfo {
        functions = List.copyOf(functions);
        declaredFunctionRefs = (java.util.BitSet) declaredFunctionRefs.clone();
    }
}
