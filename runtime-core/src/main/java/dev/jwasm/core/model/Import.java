package dev.jwasm.core.model;

/** An import: module name, field name and what is expected. */
public record Import(String module, String name, ImportDesc desc) {
}
