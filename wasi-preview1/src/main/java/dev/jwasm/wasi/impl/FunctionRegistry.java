package dev.jwasm.wasi.impl;

import dev.jwasm.api.Caller;
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

    /**
     * The bodies of a group of WASI functions, each returning an errno. One object serves its whole group and
     * {@code id} (as given to {@link #add}) picks the function: a lambda per function would make the JVM spin
     * one class per function through {@code LambdaMetafactory} when WASI is set up, ~10 ms of every start.
     */
    public interface Group {
        int call(int id, Call call) throws IOException;
    }

    private final List<WasiFunction> functions = new ArrayList<>();

    /**
     * Adds {@code name} with parameters described by {@code signature} (one letter each: {@code i} = i32,
     * {@code I} = i64) returning an i32 errno; calls go to {@code group} with {@code id}.
     */
    public void add(String name, String signature, Group group, int id) {
        FuncType type = FuncType.of(params(signature), List.of(ValType.I32));
        functions.add(new WasiFunction(name, type, new Entry(name, group, id, true)));
    }

    /** Adds a function with no results ({@code proc_exit}); its body must throw. */
    public void addNoResult(String name, String signature, Group group, int id) {
        FuncType type = FuncType.of(params(signature), List.of());
        functions.add(new WasiFunction(name, type, new Entry(name, group, id, false)));
    }

    public List<WasiFunction> functions() {
        return List.copyOf(functions);
    }

    private static List<ValType> params(String signature) {
        List<ValType> params = new ArrayList<>(signature.length());
        for (int i = 0; i < signature.length(); i++) {
            params.add(signature.charAt(i) == 'I' ? ValType.I64 : ValType.I32);
        }
        return params;
    }

    /** One registered function: the guest's arguments in, the errno (if the function has a result) out. */
    private static final class Entry implements HostFunction {
        private final String name;
        private final Group group;
        private final int id;
        private final boolean returnsErrno;

        Entry(String name, Group group, int id, boolean returnsErrno) {
            this.name = name;
            this.group = group;
            this.id = id;
            this.returnsErrno = returnsErrno;
        }

        @Override
        public Value[] call(Caller caller, Value[] args) {
            GuestMemory memory = new GuestMemory(caller == null ? null : caller.memory().orElse(null));
            int errno = invoke(name, group, id, new Call(memory, args));
            return returnsErrno ? new Value[] {Value.i32(errno)} : NO_VALUES;
        }
    }

    private static int invoke(String name, Group group, int id, Call call) {
        try {
            return group.call(id, call);
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
