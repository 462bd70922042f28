package dev.jwasm.core.model;

/** A struct field or array element type with its mutability. */
public record FieldType(StorageType storage, boolean mutable) {
}
