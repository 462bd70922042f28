package dev.jwasm.wasi.impl;

import dev.jwasm.api.HostFunction;
import dev.jwasm.api.Value;
import dev.jwasm.wasi.WasiFunction;
import dev.jwasm.wasi.abi.Rights;
import dev.jwasm.wasi.abi.SubscriptionLayout;
import dev.jwasm.wasi.fs.Descriptor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The older {@code wasi_unstable} (snapshot 0) module over the same state. It differs from preview1 only in
 * {@code whence} numbering (cur, end, set), the 56-byte {@code filestat} (u32 nlink) and the 56-byte
 * {@code subscription} (an extra clock identifier); it has no {@code sock_accept}. Everything else is shared.
 */
public final class UnstableFunctions {
    private static final int FILESTAT_SIZE = 56;

    private UnstableFunctions() {
    }

    public static List<WasiFunction> adapt(List<WasiFunction> preview1, WasiContext ctx) {
        FunctionRegistry r = new FunctionRegistry();
        PollFunction.register(r, ctx, SubscriptionLayout.UNSTABLE);
        r.add("fd_filestat_get", "ii", c -> {
            Descriptor d = ctx.fds().get(c.i32(0));
            d.require(Rights.FD_FILESTAT_GET);
            c.memory().check(c.u32(1), FILESTAT_SIZE);
            d.filestat().writeUnstableTo(c.memory(), c.u32(1));
            return 0;
        });
        r.add("path_filestat_get", "iiiii", c -> {
            PathFunctions.pathFilestat(ctx, c, FILESTAT_SIZE).writeUnstableTo(c.memory(), c.u32(4));
            return 0;
        });
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
                result.add(new WasiFunction(f.name(), f.type(), remapWhence(f.impl())));
            } else {
                result.add(replaced.getOrDefault(f.name(), f));
            }
        }
        return List.copyOf(result);
    }

    /** Snapshot 0 numbers whence as cur = 0, end = 1, set = 2; preview1 as set = 0, cur = 1, end = 2. */
    private static HostFunction remapWhence(HostFunction seek) {
        return (caller, args) -> {
            Value[] mapped = args.clone();
            int whence = args[2].asInt();
            mapped[2] = Value.i32(whence >= 0 && whence <= 2 ? (whence + 1) % 3 : whence);
            return seek.call(caller, mapped);
        };
    }
}
