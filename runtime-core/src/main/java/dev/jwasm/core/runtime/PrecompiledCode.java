package dev.jwasm.core.runtime;

/**
 * Code compiled ahead of time for one module (for example read from a jar written by {@code jwasm compile}),
 * attached to its {@link dev.jwasm.api.WasmModule}. At each instantiation under {@link dev.jwasm.api.Tier#JIT}
 * or {@link dev.jwasm.api.Tier#AUTO}, {@link TierUp} asks it to install the code into the new instance instead
 * of compiling; under {@link dev.jwasm.api.Tier#INTERP} it is ignored.
 */
public interface PrecompiledCode {
    /**
     * Installs the compiled functions of {@code instance} by assigning {@link WasmFunction#entry}; functions
     * that were not compiled keep their interpreter entry. Called after segments are initialised, before the
     * start function.
     */
    void install(InstanceImpl instance);
}
