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
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Runs yardstick programs of {@code shared/bench} at their default size and prints each one's output
 * framed for {@link YardstickDeterminismTest}, which starts this class in fresh JVMs:
 * {@code YardstickRunner BENCH_DIR TIER RUNS PROGRAM...} prints, per run, a line
 * {@code ### PROGRAM LENGTH} followed by exactly LENGTH bytes of output.
 */
public final class YardstickRunner {
    private YardstickRunner() {
    }

    public static void main(String[] args) throws IOException {
        Path bench = Path.of(args[0]);
        Tier tier = Tier.valueOf(args[1]);
        int runs = Integer.parseInt(args[2]);
        PrintStream out = System.out;
        for (int i = 3; i < args.length; i++) {
            WasmModule module = WasmModule.parse(bench.resolve("wasm/" + args[i] + ".wasm"));
            for (int r = 0; r < runs; r++) {
                byte[] printed = run(module, tier, args[i]).getBytes(StandardCharsets.UTF_8);
                out.print("### " + args[i] + " " + printed.length + "\n");
                out.write(printed);
                out.flush();
            }
        }
    }

    /** Runs the WASI command {@code module} with argv {@code [program]} on a fresh instance; returns its stdout. */
    static String run(WasmModule module, Tier tier, String program) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Wasi wasi = Wasi.create(WasiConfig.builder().args(program).stdout(out).build())) {
            Linker linker = new Linker(Engine.builder().tier(tier).build());
            wasi.addTo(linker);
            Instance instance = linker.instantiate(module);
            try {
                instance.function("_start").call();
            } catch (WasiExitException e) {
                out.write(("[exit " + e.exitCode() + "]\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
