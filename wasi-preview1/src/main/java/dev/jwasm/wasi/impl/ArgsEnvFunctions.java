package dev.jwasm.wasi.impl;

import dev.jwasm.wasi.abi.GuestMemory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code args_get}, {@code args_sizes_get}, {@code environ_get}, {@code environ_sizes_get}. */
public final class ArgsEnvFunctions implements FunctionRegistry.Group {
    private static final int ARGS_SIZES_GET = 0;
    private static final int ARGS_GET = 1;
    private static final int ENVIRON_SIZES_GET = 2;
    private static final int ENVIRON_GET = 3;

    /** The arguments and the {@code KEY=value} pairs, each UTF-8 and NUL-terminated as the guest sees them. */
    private final List<byte[]> args;
    private final List<byte[]> env;

    private ArgsEnvFunctions(List<byte[]> args, List<byte[]> env) {
        this.args = args;
        this.env = env;
    }

    public static void register(FunctionRegistry r, WasiContext ctx) {
        List<String> pairs = new ArrayList<>();
        for (Map.Entry<String, String> e : ctx.config().env().entrySet()) {
            pairs.add(e.getKey() + "=" + e.getValue());
        }
        ArgsEnvFunctions functions = new ArgsEnvFunctions(terminated(ctx.config().args()), terminated(pairs));
        r.add("args_sizes_get", "ii", functions, ARGS_SIZES_GET);
        r.add("args_get", "ii", functions, ARGS_GET);
        r.add("environ_sizes_get", "ii", functions, ENVIRON_SIZES_GET);
        r.add("environ_get", "ii", functions, ENVIRON_GET);
    }

    @Override
    public int call(int id, Call c) {
        return switch (id) {
            case ARGS_SIZES_GET -> sizes(c, args);
            case ARGS_GET -> strings(c, args);
            case ENVIRON_SIZES_GET -> sizes(c, env);
            case ENVIRON_GET -> strings(c, env);
            default -> throw new IllegalArgumentException("no function " + id);
        };
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
