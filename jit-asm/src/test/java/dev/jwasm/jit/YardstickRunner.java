package dev.jwasm.jit;

import dev.jwasm.api.Tier;
import dev.jwasm.api.WasmModule;
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

    /** What a run of {@code program} printed, followed by {@code [exit N]} if it called {@code proc_exit}. */
    static String run(WasmModule module, Tier tier, String program) throws IOException {
        Yardsticks.Run run = Yardsticks.run(module, tier, program);
        return run.stdout() + (run.exit().isPresent() ? "[exit " + run.exit().getAsInt() + "]\n" : "");
    }
}
