package dev.jwasm.core.runtime;

import dev.jwasm.api.Engine;
import dev.jwasm.api.Extern;
import dev.jwasm.api.Function;
import dev.jwasm.api.Global;
import dev.jwasm.api.Instance;
import dev.jwasm.api.Memory;
import dev.jwasm.api.Table;
import dev.jwasm.api.WasmModule;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A module instance. The index spaces are public arrays because the execution tiers read them on every
 * access; they are internal API and must not be modified after instantiation except as the instructions
 * specify (dropping segments).
 */
public final class InstanceImpl implements Instance {
    private final WasmModule module;
    private final Engine engine;
    public FunctionInstance[] functions;
    public TableInstance[] tables;
    public MemoryInstance[] memories;
    public GlobalInstance[] globals;
    /** Memory 0 or null, cached for the common single-memory case. */
    public MemoryInstance memory0;
    /** Canonical type id per type index (-1 for non-function types). */
    public int[] typeIds;
    /** Element segments' references; null once dropped. */
    public Object[][] elementSegments;
    /** Data segments' bytes; an empty array once dropped. */
    public byte[][] dataSegments;
    /** Remaining fuel, or -1 when unlimited. */
    public long fuel;
    final Map<String, Extern> exports = new LinkedHashMap<>();

    InstanceImpl(WasmModule module, Engine engine) {
        this.module = module;
        this.engine = engine;
        this.fuel = engine.fuel();
    }

    public Engine engine() {
        return engine;
    }

    @Override
    public WasmModule module() {
        return module;
    }

    @Override
    public Optional<Extern> export(String name) {
        return Optional.ofNullable(exports.get(name));
    }

    @Override
    public Map<String, Extern> exports() {
        return Collections.unmodifiableMap(exports);
    }

    private <T> T exportOf(String name, Class<T> kind) {
        Extern e = exports.get(name);
        if (!kind.isInstance(e)) {
            throw new IllegalArgumentException("no " + kind.getSimpleName().toLowerCase() + " export named " + name);
        }
        return kind.cast(e);
    }

    @Override
    public Function function(String name) {
        return exportOf(name, Function.class);
    }

    @Override
    public Memory memory(String name) {
        return exportOf(name, Memory.class);
    }

    @Override
    public Global global(String name) {
        return exportOf(name, Global.class);
    }

    @Override
    public Table table(String name) {
        return exportOf(name, Table.class);
    }

    @Override
    public Optional<Memory> memory(int index) {
        return index >= 0 && index < memories.length ? Optional.of(memories[index]) : Optional.empty();
    }

    /** The memory a host function called from this instance uses: export "memory", else memory 0. */
    Optional<Memory> callerMemory() {
        if (exports.get("memory") instanceof Memory m) {
            return Optional.of(m);
        }
        return memory(0);
    }

    @Override
    public long remainingFuel() {
        return fuel;
    }

    @Override
    public void setFuel(long fuel) {
        this.fuel = fuel < 0 ? -1 : fuel;
    }
}
