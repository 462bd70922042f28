package dev.jwasm.api;

import dev.jwasm.core.model.ExternType;

/** An import of a module with its resolved type (a function import's type is the {@code FuncType}). */
public record ImportType(String module, String name, ExternType type) {
}
