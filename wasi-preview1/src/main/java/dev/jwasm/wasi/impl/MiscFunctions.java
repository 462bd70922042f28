package dev.jwasm.wasi.impl;

import dev.jwasm.wasi.WasiExitException;
import dev.jwasm.wasi.abi.Errno;
import java.io.IOException;

/** {@code proc_exit}, {@code proc_raise}, {@code sched_yield} and {@code random_get}. */
public final class MiscFunctions implements FunctionRegistry.Group {
    private static final int PROC_EXIT = 0;
    private static final int PROC_RAISE = 1;
    private static final int SCHED_YIELD = 2;
    private static final int RANDOM_GET = 3;

    private static final int RANDOM_CHUNK = 64 * 1024;

    private final WasiContext ctx;

    private MiscFunctions(WasiContext ctx) {
        this.ctx = ctx;
    }

    public static void register(FunctionRegistry r, WasiContext ctx) {
        MiscFunctions functions = new MiscFunctions(ctx);
        r.addNoResult("proc_exit", "i", functions, PROC_EXIT);
        r.add("proc_raise", "i", functions, PROC_RAISE);
        r.add("sched_yield", "", functions, SCHED_YIELD);
        r.add("random_get", "ii", functions, RANDOM_GET);
    }

    @Override
    public int call(int id, Call c) throws IOException {
        return switch (id) {
            case PROC_EXIT -> procExit(c);
            // Signals have no meaning inside the sandbox.
            case PROC_RAISE -> Errno.NOTSUP;
            case SCHED_YIELD -> schedYield(c);
            case RANDOM_GET -> randomGet(c);
            default -> throw new IllegalArgumentException("no function " + id);
        };
    }

    private int procExit(Call c) throws IOException {
        throw new WasiExitException(c.i32(0));
    }

    private int schedYield(Call c) throws IOException {
        Thread.yield();
        return 0;
    }

    private int randomGet(Call c) throws IOException {
        long buf = c.u32(0);
        long len = c.u32(1);
        c.memory().check(buf, len);
        byte[] chunk = new byte[(int) Math.min(len, RANDOM_CHUNK)];
        for (long done = 0; done < len; done += chunk.length) {
            int n = (int) Math.min(chunk.length, len - done);
            if (n < chunk.length) {
                chunk = new byte[n];
            }
            ctx.random().nextBytes(chunk);
            c.memory().write(buf + done, chunk, 0, n);
        }
        return 0;
    }
}
