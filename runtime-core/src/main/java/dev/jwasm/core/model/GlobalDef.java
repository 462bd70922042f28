package dev.jwasm.core.model;

/** A global defined by the module with its initialiser. */
public record GlobalDef(GlobalType type, ConstExpr init) {
}
