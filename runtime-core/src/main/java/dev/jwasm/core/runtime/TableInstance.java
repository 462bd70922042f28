package dev.jwasm.core.runtime;

import dev.jwasm.api.Table;
import dev.jwasm.core.model.TableType;

/** A table (placeholder until the runtime lands). */
public final class TableInstance {
    private TableInstance() {
    }

    public static Table create(TableType type, Object init) {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
