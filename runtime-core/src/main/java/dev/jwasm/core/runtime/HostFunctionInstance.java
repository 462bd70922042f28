package dev.jwasm.core.runtime;

import dev.jwasm.api.Function;
import dev.jwasm.api.HostFunction;
import dev.jwasm.core.model.FuncType;

/** A function implemented by the host (placeholder until the runtime lands). */
public final class HostFunctionInstance {
    private HostFunctionInstance() {
    }

    public static Function create(FuncType type, HostFunction impl) {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
