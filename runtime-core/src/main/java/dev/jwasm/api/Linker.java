package dev.jwasm.api;

import dev.jwasm.core.model.FuncType;
import dev.jwasm.core.runtime.ImportResolver;
import dev.jwasm.core.runtime.Instantiator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Resolves imports by {@code (module, name)} and instantiates modules. Definitions are host functions,
 * host-created memories, tables and globals, or the exports of other instances.
 *
 * <pre>{@code
 * Linker linker = new Linker(Engine.create());
 * linker.defineFunction("env", "log", FuncType.of(List.of(ValType.I32), List.of()),
 *         (caller, args) -> { System.out.println(args[0].asInt()); return new Value[0]; });
 * Instance instance = linker.instantiate(module);
 * }</pre>
 *
 * <p>Not thread-safe while being configured; {@link #instantiate} may be called from several threads once
 * definitions are complete.
 */
public final class Linker {
    private final Engine engine;
    private final Map<String, Extern> definitions = new LinkedHashMap<>();
    /** {@link #get} as the instantiator sees it; a class, not {@code this::get}, to spare start-up a call site. */
    private final ImportResolver resolver = new ImportResolver() {
        @Override
        public Optional<Extern> resolve(String module, String name) {
            return get(module, name);
        }
    };

    public Linker(Engine engine) {
        this.engine = java.util.Objects.requireNonNull(engine);
    }

    public Engine engine() {
        return engine;
    }

    /** Defines {@code module.name}; replaces an earlier definition of the same name. */
    public Linker define(String module, String name, Extern extern) {
        definitions.put(key(module, name), java.util.Objects.requireNonNull(extern));
        return this;
    }

    /** Defines a host function {@code module.name}. */
    public Linker defineFunction(String module, String name, FuncType type, HostFunction impl) {
        return define(module, name, Function.host(type, impl));
    }

    /** Makes every export of {@code instance} importable under module name {@code module}. */
    public Linker defineInstance(String module, Instance instance) {
        instance.exports().forEach((name, ext) -> define(module, name, ext));
        return this;
    }

    /** The definition of {@code module.name}, if any. */
    public Optional<Extern> get(String module, String name) {
        return Optional.ofNullable(definitions.get(key(module, name)));
    }

    /**
     * Instantiates {@code module}: resolves its imports, allocates its memories, tables and globals,
     * initialises segments and runs its start function.
     *
     * @throws LinkException if an import is missing or has an incompatible type
     * @throws WasmTrap if initialisation or the start function traps
     */
    public Instance instantiate(WasmModule module) {
        return Instantiator.instantiate(engine, module, resolver);
    }

    private static String key(String module, String name) {
        return module + '\0' + name;
    }
}
