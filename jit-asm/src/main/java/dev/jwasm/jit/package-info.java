/**
 * The JVM bytecode tier: wasm functions compiled with ASM to static methods of generated classes. Entry
 * point is the {@link dev.jwasm.core.runtime.CompilerTier} service {@link dev.jwasm.jit.JitCompilerTier};
 * {@code emit} translates instructions, {@code link} holds what generated code calls at run time.
 */
package dev.jwasm.jit;
