package dev.jwasm.api;

import dev.jwasm.core.model.FuncType;

/**
 * A WebAssembly function: exported by an instance or created from a {@link HostFunction}. Also the Java
 * representation of a non-null {@code funcref}.
 */
public interface Function extends Extern {
    FuncType type();

    @Override
    default dev.jwasm.core.model.ExternType externType() {
        return type();
    }

    /**
     * Calls the function.
     *
     * @throws IllegalArgumentException if the arguments do not match the parameter types
     * @throws WasmTrap if execution traps
     */
    Value[] call(Value... args);

    /** A function implemented by {@code impl} with type {@code type}, for linking as an import. */
    static Function host(FuncType type, HostFunction impl) {
        return dev.jwasm.core.runtime.HostFunctionInstance.create(type, impl);
    }
}
