package dev.jwasm.wasi.impl;

import dev.jwasm.wasi.WasiClock;
import dev.jwasm.wasi.abi.Errno;
import dev.jwasm.wasi.abi.Flags;
import dev.jwasm.wasi.abi.WasiErrnoException;

/** {@code clock_res_get} and {@code clock_time_get} over the configured {@link WasiClock}. */
public final class ClockFunctions {
    private ClockFunctions() {
    }

    public static void register(FunctionRegistry r, WasiContext ctx) {
        r.add("clock_res_get", "ii", c -> {
            int id = c.i32(0);
            checkId(id);
            c.memory().writeI64(c.u32(1), ctx.clock().resolutionNanos(id));
            return 0;
        });
        r.add("clock_time_get", "iIi", c -> {
            int id = c.i32(0);
            long out = c.u32(2);
            c.memory().check(out, 8);
            c.memory().writeI64(out, now(ctx.clock(), id));
            return 0;
        });
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
