package dev.jwasm.core.runtime;

import dev.jwasm.api.Global;
import dev.jwasm.api.Value;
import dev.jwasm.core.model.GlobalType;

/** A global (placeholder until the runtime lands). */
public final class GlobalInstance {
    private GlobalInstance() {
    }

    public static Global create(GlobalType type, Value value) {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
