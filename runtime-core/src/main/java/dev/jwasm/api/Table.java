package dev.jwasm.api;

import dev.jwasm.core.model.TableType;

/**
 * A table of references. Elements are Java objects: a {@link Function} for funcref tables, the host's
 * object for externref tables, {@code null} for the null reference. Not thread-safe.
 */
public interface Table extends Extern {
    TableType type();

    @Override
    default dev.jwasm.core.model.ExternType externType() {
        return type();
    }

    long size();

    /** @throws WasmTrap out of bounds table access */
    Object get(long index);

    /** @throws WasmTrap out of bounds table access */
    void set(long index, Object value);

    /** Grows by {@code delta} elements set to {@code init}; returns the old size, or -1 on failure. */
    long grow(long delta, Object init);

    /** A new host-owned table of type {@code type} with every element {@code init}. */
    static Table create(TableType type, Object init) {
        return dev.jwasm.core.runtime.TableInstance.create(type, init);
    }
}
