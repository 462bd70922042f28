package dev.jwasm.core.model;

/** A global type: value type and mutability. */
public record GlobalType(ValType valType, boolean mutable) implements ExternType {
}
