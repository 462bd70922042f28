package dev.jwasm.core.model;

import java.util.Map;

/**
 * The decoded {@code name} custom section (subsections 0, 1 and 2). Maps are immutable. Absent names
 * simply do not appear; a malformed name section is ignored by the decoder as the spec allows.
 */
public record NameSection(String moduleName, Map<Integer, String> functionNames,
        Map<Integer, Map<Integer, String>> localNames) {
    public static final NameSection EMPTY = new NameSection(null, Map.of(), Map.of());

    public NameSection {
        functionNames = Map.copyOf(functionNames);
        localNames = Map.copyOf(localNames);
    }

    public String functionName(int funcIndex) {
        return functionNames.get(funcIndex);
    }
}
