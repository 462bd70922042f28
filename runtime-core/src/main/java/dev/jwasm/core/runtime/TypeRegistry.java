package dev.jwasm.core.runtime;

import dev.jwasm.core.model.FuncType;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Canonical ids for function types, shared by all modules, so signature checks across instances compare
 * ints. Types are compared structurally (concrete heap types inside a type compare by index, a known
 * simplification until rec-group canonicalisation lands).
 */
public final class TypeRegistry {
    private static final ConcurrentHashMap<FuncType, Integer> IDS = new ConcurrentHashMap<>();
    private static final AtomicInteger NEXT = new AtomicInteger();

    private TypeRegistry() {
    }

    public static int idOf(FuncType type) {
        Integer id = IDS.get(type);
        if (id != null) {
            return id;
        }
        return IDS.computeIfAbsent(type, t -> NEXT.getAndIncrement());
    }
}
