package dev.jwasm.jit.link;

import dev.jwasm.core.runtime.ExecContext;
import dev.jwasm.core.runtime.WasmFunction;

/** Compiled code that a tail-call trampoline can run without starting a nested trampoline. */
public interface TailCallTarget {
    /** Runs the function with its arguments at {@code fp}; a tail call it makes is left pending. */
    void invokeInTrampoline(ExecContext ctx, WasmFunction fn, int fp);
}
