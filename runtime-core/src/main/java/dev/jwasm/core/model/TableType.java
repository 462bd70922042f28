package dev.jwasm.core.model;

/** A table type: element reference type and limits. */
public record TableType(ValType elementType, Limits limits) implements ExternType {
    public boolean is64() {
        return limits.is64();
    }

    /** The address (index) type: {@link ValType#I64} for a 64-bit table, else {@link ValType#I32}. */
    public ValType addressType() {
        return limits.is64() ? ValType.I64 : ValType.I32;
    }
}
