package dev.jwasm.wasi.impl;

import dev.jwasm.wasi.WasiClock;
import dev.jwasm.wasi.abi.Errno;
import dev.jwasm.wasi.abi.Flags;
import dev.jwasm.wasi.abi.WasiErrnoException;
import java.io.IOException;

/** {@code clock_res_get} and {@code clock_time_get} over the configured {@link WasiClock}. */
public final class ClockFunctions implements FunctionRegistry.Group {
    private static final int CLOCK_RES_GET = 0;
    private static final int CLOCK_TIME_GET = 1;

    private final WasiContext ctx;

    private ClockFunctions(WasiContext ctx) {
        this.ctx = ctx;
    }

    public static void register(FunctionRegistry r, WasiContext ctx) {
        ClockFunctions functions = new ClockFunctions(ctx);
        r.add("clock_res_get", "ii", functions, CLOCK_RES_GET);
        r.add("clock_time_get", "iIi", functions, CLOCK_TIME_GET);
    }

    @Override
    public int call(int id, Call c) throws IOException {
        return switch (id) {
            case CLOCK_RES_GET -> clockResGet(c);
            case CLOCK_TIME_GET -> clockTimeGet(c);
            default -> throw new IllegalArgumentException("no function " + id);
        };
    }

    private int clockResGet(Call c) throws IOException {
        int id = c.i32(0);
        checkId(id);
        c.memory().writeI64(c.u32(1), ctx.clock().resolutionNanos(id));
        return 0;
    }

    private int clockTimeGet(Call c) throws IOException {
        int id = c.i32(0);
        long out = c.u32(2);
        c.memory().check(out, 8);
        c.memory().writeI64(out, now(ctx.clock(), id));
        return 0;
    }

    /** The current value of clock {@code id}; EINVAL for an unknown clock. */
    public static long now(WasiClock clock, int id) {
        return switch (id) {
            case Flags.CLOCK_REALTIME -> clock.realtimeNanos();
            case Flags.CLOCK_MONOTONIC -> clock.monotonicNanos();
            case Flags.CLOCK_PROCESS_CPUTIME -> clock.processCpuNanos();
            case Flags.CLOCK_THREAD_CPUTIME -> clock.threadCpuNanos();
            default -> throw new WasiErrnoException(Errno.INVAL);
        };
    }

    private static void checkId(int id) {
        if (id < 0 || id > Flags.CLOCK_THREAD_CPUTIME) {
            throw new WasiErrnoException(Errno.INVAL);
        }
    }
}
