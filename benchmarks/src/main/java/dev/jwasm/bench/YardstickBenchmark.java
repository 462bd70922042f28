package dev.jwasm.bench;

import dev.jwasm.api.Engine;
import dev.jwasm.api.Function;
import dev.jwasm.api.Instance;
import dev.jwasm.api.Linker;
import dev.jwasm.api.Tier;
import dev.jwasm.api.Value;
import dev.jwasm.wasi.Wasi;
import dev.jwasm.wasi.WasiConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Steady state of the nine yardstick programs of {@code shared/bench}: each built as a WASI reactor whose
 * {@code run(size)} calls the program's {@code main}, invoked repeatedly on one instance per trial. The
 * sizes ({@code sizes.properties}) are about an eighth of the programs' defaults; {@code steady-state.sh}
 * times the same sources natively for comparison. The forked JVM uses the {@code jwasm} launcher's
 * collector.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-XX:+UseSerialGC")
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class YardstickBenchmark {
    @Param({"fib", "matmul", "sha256", "nbody", "sieve", "qsort", "mandelbrot", "lz", "strings"})
    public String program;

    @Param({"INTERP", "JIT"})
    public Tier tier;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private Wasi wasi;
    private Function run;
    private Value size;

    @Setup(Level.Trial)
    public void instantiate() throws IOException {
        wasi = Wasi.create(WasiConfig.builder().args(program).stdout(out).build());
        Linker linker = new Linker(Engine.builder().tier(tier).build());
        wasi.addTo(linker);
        Instance instance = linker.instantiate(Workloads.module(program + ".wasm"));
        instance.function("_initialize").call();
        run = instance.function("run");
        size = Value.i32(Workloads.size(program));
        // The first run must print what the program prints at this size (checked against Node's output),
        // so a tier that computes something else cannot post a time.
        call();
        String printed = out.toString(StandardCharsets.UTF_8);
        String expected = Workloads.text(program + ".out");
        if (!printed.equals(expected)) {
            throw new IllegalStateException(program + " on " + tier + " printed " + printed + " expected " + expected);
        }
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        wasi.close();
    }

    @Benchmark
    public int runOnce(CpuTime cpu) {
        long start = cpu.start();
        int result = call();
        cpu.stop(start);
        return result;
    }

    private int call() {
        out.reset();
        return run.call(size)[0].asInt();
    }
}
