package dev.jwasm.jit;

import dev.jwasm.api.Engine;
import dev.jwasm.api.Instance;
import dev.jwasm.api.Linker;
import dev.jwasm.api.Tier;
import dev.jwasm.api.WasmModule;
import dev.jwasm.wasi.Wasi;
import dev.jwasm.wasi.WasiConfig;
import dev.jwasm.wasi.WasiExitException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Not a unit test: times the yardstick programs of {@code shared/bench} in process, e.g.
 * {@code java -cp ... dev.jwasm.jit.YardstickBench JIT fib sieve}. Each program runs {@code runs} times
 * (system property, default 3) with a fresh instance; prints wall seconds per run and whether the output
 * matched the expected one.
 */
public final class YardstickBench {
    private YardstickBench() {
    }

    public static void main(String[] args) throws Exception {
        Path bench = Path.of(System.getProperty("bench", "/work/shared/bench"));
        Tier tier = Tier.valueOf(args[0]);
        int runs = Integer.getInteger("runs", 3);
        for (int i = 1; i < args.length; i++) {
            String name = args[i];
            WasmModule module = WasmModule.parse(bench.resolve("wasm/" + name + ".wasm"));
            String expected = Files.readString(bench.resolve("expected/" + name + ".out"));
            StringBuilder times = new StringBuilder();
            boolean ok = true;
            for (int r = 0; r < runs; r++) {
                long start = System.nanoTime();
                String out = run(module, tier, name);
                times.append(String.format(" %.2f", (System.nanoTime() - start) / 1e9));
                ok &= out.equals(expected);
            }
            System.out.println(name + " " + tier + (ok ? "" : " WRONG OUTPUT") + times);
        }
    }

    private static String run(WasmModule module, Tier tier, String name) throws java.io.IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        WasiConfig config = WasiConfig.builder().args(name).stdout(out).build();
        try (Wasi wasi = Wasi.create(config)) {
            Linker linker = new Linker(Engine.builder().tier(tier).build());
            wasi.addTo(linker);
            Instance instance = linker.instantiate(module);
            try {
                instance.function("_start").call();
            } catch (WasiExitException e) {
                // exit code ignored: the output tells
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
