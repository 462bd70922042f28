package dev.jwasm.api;

import dev.jwasm.core.model.ExternType;

/** An export of a module with its resolved type. */
public record ExportType(String name, ExternType type) {
}
