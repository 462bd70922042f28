/**
 * The JVM bytecode tier: hot functions recompiled with ASM, and ahead-of-time compilation of whole modules.
 * Not implemented yet; the interpreter's per-function entry is the hook this tier will replace.
 */
package dev.jwasm.jit;
