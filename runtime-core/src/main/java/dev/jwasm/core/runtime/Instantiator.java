package dev.jwasm.core.runtime;

import dev.jwasm.api.Engine;
import dev.jwasm.api.Instance;
import dev.jwasm.api.WasmModule;

/** Links and instantiates modules (placeholder until the runtime lands). */
public final class Instantiator {
    private Instantiator() {
    }

    public static Instance instantiate(Engine engine, WasmModule module, ImportResolver imports) {
        throw new UnsupportedOperationException("instantiation is not implemented yet");
    }
}
