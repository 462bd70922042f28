package dev.jwasm.core.runtime;

import dev.jwasm.api.Memory;
import dev.jwasm.core.model.MemoryType;

/** A linear memory (placeholder until the runtime lands). */
public final class MemoryInstance {
    private MemoryInstance() {
    }

    public static Memory create(MemoryType type) {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
