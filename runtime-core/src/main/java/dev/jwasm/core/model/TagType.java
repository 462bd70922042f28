package dev.jwasm.core.model;

/** An exception tag's type: index of its function type (results must be empty). */
public record TagType(int typeIndex) implements ExternType {
}
