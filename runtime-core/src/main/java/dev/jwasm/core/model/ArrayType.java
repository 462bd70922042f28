package dev.jwasm.core.model;

/** A GC array type. */
public record ArrayType(FieldType element) implements CompositeType {
}
