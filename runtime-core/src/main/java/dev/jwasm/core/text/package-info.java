/**
 * WebAssembly text format (WAT/WAST) front end: turns text into the binary format.
 *
 * <p>Pipeline: {@link dev.jwasm.core.text.SExprParser} (with the package-private {@code Lexer}) builds an
 * {@link dev.jwasm.core.text.SExpr} tree; {@link dev.jwasm.core.text.Wat} hands a module's fields to
 * {@code ModuleEncoder}, which declares identifiers ({@code Declarations}), encodes type definitions
 * ({@code Types}), then every other field in source order ({@code FieldEncoder}, {@code Segments}).
 * Function bodies and constant expressions go through {@code FuncEncoder}, which looks mnemonics up in
 * the data-driven {@code OpTable} and parses immediates in {@code Immediates}/{@code Immediates2}.
 * {@code NameSection} emits the "name" custom section from the identifiers.
 *
 * <p>Syntax errors are {@link dev.jwasm.api.TextFormatException}s worded like the reference interpreter
 * (the spec testsuite's {@code assert_malformed} texts). Out-of-range indices are not syntax errors: they
 * are encoded and left to validation.
 */
package dev.jwasm.core.text;
