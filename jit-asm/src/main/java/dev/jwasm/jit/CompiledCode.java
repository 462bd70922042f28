package dev.jwasm.jit;

import dev.jwasm.core.runtime.ExecContext;
import dev.jwasm.core.runtime.FunctionCode;
import dev.jwasm.core.runtime.WasmFunction;
import java.lang.invoke.MethodHandle;

/**
 * The entry of a compiled function for callers outside its generated code (the host, the interpreter,
 * indirect calls): a handle to the generated adapter that reads the arguments from the context's slots,
 * calls the typed static method and writes the results back. Compiled callers call the method directly.
 */
public final class CompiledCode implements FunctionCode, dev.jwasm.jit.link.TailCallTarget {
    private final MethodHandle adapter;
    /** For functions with tail calls: the adapter that leaves them pending for the running trampoline. */
    private final MethodHandle raw;
    private final Class<?> owner;
    private final OsrCompiler osr;

    CompiledCode(MethodHandle adapter, MethodHandle raw, Class<?> owner, OsrCompiler osr) {
        this.adapter = adapter;
        this.raw = raw;
        this.owner = owner;
        this.osr = osr;
    }

    OsrCompiler osr() {
        return osr;
    }

    @Override
    public void invokeInTrampoline(ExecContext ctx, WasmFunction fn, int fp) {
        if (raw == null) {
            invoke(ctx, fn, fp);
            return;
        }
        try {
            raw.invokeExact(ctx, fp);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /** The generated class holding the function (for tests of class unloading). */
    Class<?> owner() {
        return owner;
    }

    @Override
    public void invoke(ExecContext ctx, WasmFunction fn, int fp) {
        try {
            adapter.invokeExact(ctx, fp);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }
}
