/**
 * Validation of decoded modules (WebAssembly 3.0 core, plus SIMD, relaxed SIMD, threads atomics, legacy
 * exception handling and wide arithmetic).
 *
 * <p>{@link dev.jwasm.core.validate.ModuleValidator} is the entry point. {@link
 * dev.jwasm.core.validate.TypeContext} holds a module's types with the subtyping rules and is also the API
 * for import matching at link time. Function bodies are checked by {@code CodeValidator} with the operand
 * and control stacks of the spec's validation algorithm; the per-instruction rules live in the
 * {@code *Rules} classes, grouped by opcode range. Error reasons use the testsuite's wording.
 */
package dev.jwasm.core.validate;
