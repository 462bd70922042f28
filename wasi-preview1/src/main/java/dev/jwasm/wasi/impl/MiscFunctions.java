package dev.jwasm.wasi.impl;

import dev.jwasm.wasi.WasiExitException;
import dev.jwasm.wasi.abi.Errno;

/** {@code proc_exit}, {@code proc_raise}, {@code sched_yield} and {@code random_get}. */
public final class MiscFunctions {
    private static final int RANDOM_CHUNK = 64 * 1024;

    private MiscFunctions() {
    }

    public static void register(FunctionRegistry r, WasiContext ctx) {
        r.addNoResult("proc_exit", "i", c -> {
            throw new WasiExitException(c.i32(0));
        });
        // Signals have no meaning inside the sandbox.
        r.add("proc_raise", "i", c -> Errno.NOTSUP);
        r.add("sched_yield", "", c -> {
            Thread.yield();
            return 0;
        });
        r.add("random_get", "ii", c -> {
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
        });
    }
}
