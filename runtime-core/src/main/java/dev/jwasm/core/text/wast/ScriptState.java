package dev.jwasm.core.text.wast;

import dev.jwasm.api.ImportType;
import dev.jwasm.api.Instance;
import dev.jwasm.api.Linker;
import dev.jwasm.api.WasmModule;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The mutable state of one script run: the linker with {@code spectest} and registered instances, the
 * named instances and module definitions, and the host objects behind {@code ref.extern N}. A module
 * that failed leaves an {@link Unavailable} in its place, so later commands naming it report why.
 */
final class ScriptState {
    private static final Unavailable NO_MODULE = new Unavailable(0, "no module has been instantiated yet", null);

    private final String file;
    private final Linker linker;
    private final Map<String, Instance> instances = new HashMap<>();
    private final Map<String, WasmModule> definitions = new HashMap<>();
    private final Map<String, Unavailable> unavailable = new HashMap<>();
    private final Map<String, Unavailable> failedRegistrations = new HashMap<>();
    private final Map<Long, HostObject> hostObjects = new HashMap<>();
    private final Map<Instance, Unavailable> skippedActions = new IdentityHashMap<>();
    private Instance current;
    private Unavailable currentUnavailable = NO_MODULE;
    private WasmModule lastDefinition;
    private Unavailable lastDefinitionUnavailable = NO_MODULE;

    ScriptState(String file, Linker linker) {
        this.file = file;
        this.linker = linker;
    }

    String file() {
        return file;
    }

    Linker linker() {
        return linker;
    }

    /** The instance named {@code id}, or the most recent one when {@code id} is null. */
    Instance instance(String id) {
        if (id == null) {
            if (current == null) {
                throw new ModuleUnavailableException("the current module", currentUnavailable);
            }
            return current;
        }
        Instance instance = instances.get(id);
        if (instance == null) {
            throw new ModuleUnavailableException("module " + id, unavailable.getOrDefault(id,
                    new Unavailable(0, "no module is named " + id, null)));
        }
        return instance;
    }

    /** The definition named {@code id}, or the most recent one when {@code id} is null. */
    WasmModule definition(String id) {
        if (id == null) {
            if (lastDefinition == null) {
                throw new ModuleUnavailableException("the last module definition", lastDefinitionUnavailable);
            }
            return lastDefinition;
        }
        WasmModule module = definitions.get(id);
        if (module == null) {
            throw new ModuleUnavailableException("module definition " + id, unavailable.getOrDefault(id,
                    new Unavailable(0, "no module is named " + id, null)));
        }
        return module;
    }

    void defined(String id, WasmModule module) {
        lastDefinition = module;
        if (id != null) {
            definitions.put(id, module);
            unavailable.remove(id);
        }
    }

    void definitionFailed(String id, Unavailable why) {
        lastDefinition = null;
        lastDefinitionUnavailable = why;
        if (id != null) {
            definitions.remove(id);
            unavailable.put(id, why);
        }
    }

    void instantiated(String id, Instance instance) {
        current = instance;
        if (id != null) {
            instances.put(id, instance);
            unavailable.remove(id);
        }
    }

    void instantiationFailed(String id, Unavailable why) {
        current = null;
        currentUnavailable = why;
        if (id != null) {
            instances.remove(id);
            unavailable.put(id, why);
        }
    }

    void register(String name, Instance instance) {
        linker.defineInstance(name, instance);
        failedRegistrations.remove(name);
    }

    void registrationFailed(String name, Unavailable why) {
        failedRegistrations.put(name, why);
    }

    /**
     * Why linking {@code module} may have failed because of an earlier failure: the first of its imports
     * from a module name whose registration failed, or null.
     */
    Unavailable failedImportSource(WasmModule module) {
        for (ImportType imp : module.imports()) {
            Unavailable why = failedRegistrations.get(imp.module());
            if (why != null) {
                return why;
            }
        }
        return null;
    }

    /**
     * Notes that an action on {@code instance} was skipped for a missing feature: its state is no longer
     * what the script assumes, so later failures on it are not meaningful.
     */
    void actionSkipped(Instance instance, Unavailable why) {
        skippedActions.putIfAbsent(instance, why);
    }

    /** The first skipped action on {@code instance}, or null. */
    Unavailable skippedActionOn(Instance instance) {
        return skippedActions.get(instance);
    }

    /** The instance an action addresses, or null when there is none. */
    Instance instanceOrNull(String id) {
        return id == null ? current : instances.get(id);
    }

    /** The one host object of this run numbered {@code id}. */
    HostObject hostObject(long id) {
        return hostObjects.computeIfAbsent(id, HostObject::new);
    }
}
