package dev.jwasm.jit.aot;

import dev.jwasm.api.WasmException;

/**
 * A file given as a compiled module cannot be used: it is not a jar written by {@code jwasm compile}
 * ({@link CompiledModule#write}), it was written by another jwasm build or format version (stale: compile
 * the module again), or its contents do not match what its manifest records.
 */
public final class CompiledModuleException extends WasmException {
    private static final long serialVersionUID = 1L;

    CompiledModuleException(String message) {
        super(message);
    }

    CompiledModuleException(String message, Throwable cause) {
        super(message, cause);
    }
}
