package dev.jwasm.wasi.impl;

import dev.jwasm.api.Caller;
import dev.jwasm.api.HostFunction;
import dev.jwasm.api.Value;
import dev.jwasm.wasi.WasiFunction;
import dev.jwasm.wasi.abi.Rights;
import dev.jwasm.wasi.abi.SubscriptionLayout;
import dev.jwasm.wasi.fs.Descriptor;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The older {@code wasi_unstable} (snapshot 0) module over the same state. It differs from preview1 only in
 * {@code whence} numbering (cur, end, set), the 56-byte {@code filestat} (u32 nlink) and the 56-byte
 * {@code subscription} (an extra clock identifier); it has no {@code sock_accept}. Everything else is shared.
 */
public final class UnstableFunctions implements FunctionRegistry.Group {
    private static final int FILESTAT_SIZE = 56;
    private static final int FD_FILESTAT_GET = 0;
    private static final int PATH_FILESTAT_GET = 1;

    private final WasiContext ctx;

    private UnstableFunctions(WasiContext ctx) {
        this.ctx = ctx;
    }

    public static List<WasiFunction> adapt(List<WasiFunction> preview1, WasiContext ctx) {
        FunctionRegistry r = new FunctionRegistry();
        PollFunction.register(r, ctx, SubscriptionLayout.UNSTABLE);
        UnstableFunctions functions = new UnstableFunctions(ctx);
        r.add("fd_filestat_get", "ii", functions, FD_FILESTAT_GET);
        r.add("path_filestat_get", "iiiii", functions, PATH_FILESTAT_GET);
        Map<String, WasiFunction> replaced = new HashMap<>();
        for (WasiFunction f : r.functions()) {
            replaced.put(f.name(), f);
        }
        List<WasiFunction> result = new ArrayList<>();
        for (WasiFunction f : preview1) {
            if (f.name().equals("sock_accept")) {
                continue;
            }
            if (f.name().equals("fd_seek")) {
                result.add(new WasiFunction(f.name(), f.type(), new WhenceRemap(f.impl())));
            } else {
                result.add(replaced.getOrDefault(f.name(), f));
            }
        }
        return List.copyOf(result);
    }

    @Override
    public int call(int id, Call c) throws IOException {
        return switch (id) {
            case FD_FILESTAT_GET -> fdFilestatGet(c);
            case PATH_FILESTAT_GET -> pathFilestatGet(c);
            default -> throw new IllegalArgumentException("no function " + id);
        };
    }

    private int fdFilestatGet(Call c) throws IOException {
        Descriptor d = ctx.fds().get(c.i32(0));
        d.require(Rights.FD_FILESTAT_GET);
        c.memory().check(c.u32(1), FILESTAT_SIZE);
        d.filestat().writeUnstableTo(c.memory(), c.u32(1));
        return 0;
    }

    private int pathFilestatGet(Call c) throws IOException {
        PathFunctions.pathFilestat(ctx, c, FILESTAT_SIZE).writeUnstableTo(c.memory(), c.u32(4));
        return 0;
    }

    /** Snapshot 0 numbers whence as cur = 0, end = 1, set = 2; preview1 as set = 0, cur = 1, end = 2. */
    private static final class WhenceRemap implements HostFunction {
        private final HostFunction seek;

        WhenceRemap(HostFunction seek) {
            this.seek = seek;
        }

        @Override
        public Value[] call(Caller caller, Value[] args) {
            Value[] mapped = args.clone();
            int whence = args[2].asInt();
            mapped[2] = Value.i32(whence >= 0 && whence <= 2 ? (whence + 1) % 3 : whence);
            return seek.call(caller, mapped);
        }
    }
}
