package dev.jwasm.api;

import java.util.Map;
import java.util.Optional;

/**
 * An instantiated module: its functions, memories, tables and globals. Created by
 * {@link Linker#instantiate}.
 *
 * <p>Not thread-safe: call into one instance from one thread at a time. Different instances may run on
 * different threads.
 */
public interface Instance {
    WasmModule module();

    /** The export called {@code name}, if any. */
    Optional<Extern> export(String name);

    /** All exports by name, in declaration order. */
    Map<String, Extern> exports();

    /** The exported function {@code name}. @throws IllegalArgumentException if there is no such function export */
    Function function(String name);

    /** The exported memory {@code name}. @throws IllegalArgumentException if there is no such memory export */
    Memory memory(String name);

    /** The exported global {@code name}. @throws IllegalArgumentException if there is no such global export */
    Global global(String name);

    /** The exported table {@code name}. @throws IllegalArgumentException if there is no such table export */
    Table table(String name);

    /** Memory {@code index} of the instance's memory index space (exported or not), or empty. */
    Optional<Memory> memory(int index);

    /** Fuel left, or -1 when unlimited. */
    long remainingFuel();

    /**
     * Sets the instruction budget (-1 for unlimited). A host function may call it while the guest runs: a
     * guest that was limited is charged against the new budget from then on; a guest that ran unlimited is
     * limited in the functions it enters afterwards, except that compiled code (the JIT tier) further up the
     * call stack than the caller of that host function keeps calling functions unlimited until it calls out
     * of compiled code again or returns to the host.
     */
    void setFuel(long fuel);
}
