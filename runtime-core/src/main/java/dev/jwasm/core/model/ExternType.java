package dev.jwasm.core.model;

/** The type of an importable or exportable entity. */
public sealed interface ExternType permits FuncType, TableType, MemoryType, GlobalType, TagType {
}
