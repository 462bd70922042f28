package dev.jwasm.wasi.impl;

import dev.jwasm.api.HostFunction;
import dev.jwasm.api.Value;
import dev.jwasm.core.model.FuncType;
import dev.jwasm.core.model.ValType;
import dev.jwasm.wasi.WasiExitException;
import dev.jwasm.wasi.WasiFunction;
import dev.jwasm.wasi.abi.Errno;
import dev.jwasm.wasi.abi.GuestMemory;
import dev.jwasm.wasi.abi.WasiErrnoException;
import dev.jwasm.wasi.fs.HostErrors;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Collects the WASI functions as host functions. Each body returns an errno; this wrapper turns
 * {@link WasiErrnoException} and host I/O exceptions into errno results so no host exception ever reaches
 * the guest. Only {@link WasiExitException} passes through.
 */
public final class FunctionRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(FunctionRegistry.class);
    private static final Value[] NO_VALUES = new Value[0];

    /** The body of a WASI function returning an errno. */
    @FunctionalInterface
    public interface Body {
        int call(Call call) throws IOException;
    }

    private final List<WasiFunction> functions = new ArrayList<>();

    /**
     * Adds {@code name} with parameters described by {@code signature} (one letter each: {@code i} = i32,
     * {@code I} = i64) returning an i32 errno.
     */
    public void add(String name, String signature, Body body) {
        FuncType type = FuncType.of(params(signature), List.of(ValType.I32));
        functions.add(new WasiFunction(name, type, wrap(name, body)));
    }

    /** Adds a function with no results ({@code proc_exit}); its body must throw. */
    public void addNoResult(String name, String signature, Body body) {
        FuncType type = FuncType.of(params(signature), List.of());
        HostFunction wrapped = wrap(name, body);
        functions.add(new WasiFunction(name, type, (caller, args) -> {
            wrapped.call(caller, args);
            return NO_VALUES;
        }));
    }

    public List<WasiFunction> functions() {
        return List.copyOf(functions);
    }

    private static List<ValType> params(String signature) {
        List<ValType> params = new ArrayList<>();
        for (char c : signature.toCharArray()) {
            params.add(c == 'I' ? ValType.I64 : ValType.I32);
        }
        return params;
    }

    private static HostFunction wrap(String name, Body body) {
        return (caller, args) -> {
            GuestMemory memory = new GuestMemory(caller == null ? null : caller.memory().orElse(null));
            int errno = invoke(name, body, new Call(memory, args));
            return new Value[] {Value.i32(errno)};
        };
    }

    private static int invoke(String name, Body body, Call call) {
        try {
            return body.call(call);
        } catch (WasiErrnoException e) {
            return e.errno();
        } catch (IOException e) {
            int errno = HostErrors.errno(e);
            LOG.debug("{}: host I/O error mapped to {}", name, Errno.name(errno), e);
            return errno;
        } catch (WasiExitException e) {
            throw e;
        } catch (RuntimeException e) {
            int errno = HostErrors.errno(e);
            if (errno == Errno.IO) {
                LOG.warn("{}: unexpected host exception mapped to EIO", name, e);
            }
            return errno;
        }
    }
}
