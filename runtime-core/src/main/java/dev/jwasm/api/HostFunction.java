package dev.jwasm.api;

/**
 * A function implemented in Java and imported by a module.
 *
 * <pre>{@code
 * HostFunction add = (caller, args) -> new Value[] {Value.i32(args[0].asInt() + args[1].asInt())};
 * }</pre>
 *
 * <p>Arguments match the declared parameter types; results must match the declared result types. A
 * {@link WasmTrap} thrown here traps the guest; any other {@link WasmException} or RuntimeException
 * propagates to the embedder unchanged (WASI's {@code proc_exit} uses this).
 */
@FunctionalInterface
public interface HostFunction {
    Value[] call(Caller caller, Value[] args);
}
