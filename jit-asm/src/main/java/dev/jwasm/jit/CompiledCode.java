package dev.jwasm.jit;

import dev.jwasm.core.runtime.ExecContext;
import dev.jwasm.core.runtime.FunctionCode;
import dev.jwasm.core.runtime.WasmFunction;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * The entry of a compiled function for callers outside its generated code (the host, the interpreter,
 * indirect calls): a handle to the generated adapter that reads the arguments from the context's slots,
 * calls the typed static method and writes the results back. Compiled callers call the method directly.
 *
 * <p>The handles are looked up on first use: most functions are only ever called by compiled code, and a
 * lookup per function at installation cost about a tenth of a millisecond each at start-up.
 */
public final class CompiledCode implements FunctionCode, dev.jwasm.jit.link.TailCallTarget {
    private static final MethodType ADAPTER = MethodType.methodType(void.class, ExecContext.class, int.class);

    private final Class<?> owner;
    private final int definedIndex;
    /** Whether the function has tail calls, and so an adapter that leaves them pending for a running trampoline. */
    private final boolean tailCalling;
    private final OsrCompiler osr;
    /** The instance's code, if this is the lean variant (without metering), else null. */
    private final InstalledCode home;
    /** Looked up on first use; racy initialisation is fine, a MethodHandle is immutable. */
    private MethodHandle adapter;
    private MethodHandle raw;

    CompiledCode(Class<?> owner, int definedIndex, boolean tailCalling, OsrCompiler osr, InstalledCode home) {
        this.owner = owner;
        this.definedIndex = definedIndex;
        this.tailCalling = tailCalling;
        this.osr = osr;
        this.home = home;
    }

    /**
     * The code to run this function for a call in {@code ctx}: this one, unless this is the lean variant and
     * the call must be metered, then the instance's metering variant (defined on first need).
     */
    CompiledCode forCall(ExecContext ctx, WasmFunction fn) {
        return home == null || !ctx.metered(fn.instance) ? this : home.metering(definedIndex);
    }

    OsrCompiler osr() {
        return osr;
    }

    private MethodHandle find(String prefix) {
        try {
            return MethodHandles.publicLookup().findStatic(owner, prefix + definedIndex, ADAPTER);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("generated code could not be linked", e);
        }
    }

    @Override
    public void invokeInTrampoline(ExecContext ctx, WasmFunction fn, int fp) {
        CompiledCode variant = forCall(ctx, fn);
        if (variant != this) {
            variant.invokeInTrampoline(ctx, fn, fp);
            return;
        }
        if (!tailCalling) {
            invoke(ctx, fn, fp);
            return;
        }
        MethodHandle mh = raw;
        if (mh == null) {
            mh = raw = find("r");
        }
        try {
            mh.invokeExact(ctx, fp);
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
        CompiledCode variant = forCall(ctx, fn);
        if (variant != this) {
            variant.invoke(ctx, fn, fp);
            return;
        }
        MethodHandle mh = adapter;
        if (mh == null) {
            mh = adapter = find("a");
        }
        try {
            mh.invokeExact(ctx, fp);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }
}
