package dev.jwasm.core.runtime;

/**
 * Service interface of an optional compiling tier (e.g. the {@code jit-asm} module), discovered with
 * {@link java.util.ServiceLoader} so runtime-core does not depend on it. An implementation compiles the
 * defined functions of an instance and installs the results by assigning {@link WasmFunction#entry};
 * functions it cannot compile keep their interpreter entry.
 */
public interface CompilerTier {
    /**
     * Compiles every defined function of {@code instance} that this tier supports and installs the code.
     * Must not throw for unsupported or oversized functions: those simply stay interpreted.
     */
    void compileAll(InstanceImpl instance);

    /**
     * On-stack replacement: continues the interpreted activation of {@code fn} (frame at {@code fp}, locals in
     * the context's slots, operand stack empty) in compiled code from the start of the loop at wasm byte
     * offset {@code loopOffset}, up to the function's return, leaving the results at {@code fp}. Returns
     * false, having done nothing, when that is not possible.
     */
    default boolean enterLoop(ExecContext ctx, WasmFunction fn, int loopOffset, int fp) {
        return false;
    }
}
