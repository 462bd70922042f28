package dev.jwasm.core.text.wast;

import dev.jwasm.core.text.SExpr;

/** Where a script module comes from: an inline text module, a binary given as strings, or quoted text. */
public sealed interface ModuleSource {
    /** An inline {@code (module ...)} form, already stripped of {@code definition} and the binary/quote markers. */
    record Text(SExpr.Parens form) implements ModuleSource {
    }

    /** {@code (module binary "..."...)}: the concatenated bytes of the strings. */
    record Binary(byte[] bytes) implements ModuleSource {
    }

    /** {@code (module quote "..."...)}: the concatenated source text, parsed only when the command runs. */
    record Quote(byte[] utf8) implements ModuleSource {
    }
}
