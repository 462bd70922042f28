package dev.jwasm.core.model;

/**
 * A table defined by the module.
 *
 * @param init initialiser for every element (WebAssembly 3.0 {@code table} with init expression), or null
 *     for the default null reference
 */
public record TableDef(TableType type, ConstExpr init) {
}
