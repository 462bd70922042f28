package dev.jwasm.wasi.impl;

import dev.jwasm.wasi.abi.GuestMemory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code args_get}, {@code args_sizes_get}, {@code environ_get}, {@code environ_sizes_get}. */
public final class ArgsEnvFunctions {
    private ArgsEnvFunctions() {
    }

    public static void register(FunctionRegistry r, WasiContext ctx) {
        List<byte[]> args = terminated(ctx.config().args());
        List<String> pairs = new ArrayList<>();
        for (Map.Entry<String, String> e : ctx.config().env().entrySet()) {
            pairs.add(e.getKey() + "=" + e.getValue());
        }
        List<byte[]> env = terminated(pairs);
        r.add("args_sizes_get", "ii", c -> sizes(c, args));
        r.add("args_get", "ii", c -> strings(c, args));
        r.add("environ_sizes_get", "ii", c -> sizes(c, env));
        r.add("environ_get", "ii", c -> strings(c, env));
    }

    private static List<byte[]> terminated(List<String> strings) {
        List<byte[]> out = new ArrayList<>();
        for (String s : strings) {
            byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
            byte[] z = new byte[utf8.length + 1];
            System.arraycopy(utf8, 0, z, 0, utf8.length);
            out.add(z);
        }
        return out;
    }

    private static int sizes(Call c, List<byte[]> strings) {
        long countPtr = c.u32(0);
        long sizePtr = c.u32(1);
        c.memory().check(countPtr, 4);
        c.memory().check(sizePtr, 4);
        int total = 0;
        for (byte[] s : strings) {
            total += s.length;
        }
        c.memory().writeI32(countPtr, strings.size());
        c.memory().writeI32(sizePtr, total);
        return 0;
    }

    private static int strings(Call c, List<byte[]> strings) {
        GuestMemory m = c.memory();
        long pointers = c.u32(0);
        long buf = c.u32(1);
        long total = 0;
        for (byte[] s : strings) {
            total += s.length;
        }
        m.check(pointers, 4L * strings.size());
        m.check(buf, total);
        for (int i = 0; i < strings.size(); i++) {
            m.writeI32(pointers + 4L * i, (int) buf);
            m.write(buf, strings.get(i));
            buf += strings.get(i).length;
        }
        return 0;
    }
}
