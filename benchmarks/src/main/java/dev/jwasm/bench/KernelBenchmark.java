package dev.jwasm.bench;

import dev.jwasm.api.Engine;
import dev.jwasm.api.Function;
import dev.jwasm.api.Linker;
import dev.jwasm.api.Tier;
import dev.jwasm.api.Value;
import dev.jwasm.api.WasmModule;
import java.util.Map;
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
import org.openjdk.jmh.annotations.Warmup;

/** Steady state of the hand-written kernels in {@code kernels.wat}, one warm instance per trial. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-XX:+UseSerialGC")
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class KernelBenchmark {
    /** Each kernel's repetition count: tens of milliseconds per call on the JIT. */
    static final Map<String, Integer> COUNTS = Map.of("i32_loop", 20_000_000, "f64_dot", 2_000,
            "mem_copy", 4_000, "bulk_copy", 20_000, "fib_rec", 32, "call_indirect", 10_000_000);

    @Param({"i32_loop", "f64_dot", "mem_copy", "bulk_copy", "fib_rec", "call_indirect"})
    public String kernel;

    @Param({"INTERP", "JIT"})
    public Tier tier;

    private Function function;
    private Value count;

    @Setup(Level.Trial)
    public void instantiate() {
        WasmModule module = Workloads.module("kernels.wat");
        function = new Linker(Engine.builder().tier(tier).build()).instantiate(module).function(kernel);
        count = Value.i32(COUNTS.get(kernel));
        // The tier under test must agree with the interpreter on a short run before its time counts.
        Value small = Value.i32(7);
        Value reference = new Linker(Engine.builder().tier(Tier.INTERP).build()).instantiate(module)
                .function(kernel).call(small)[0];
        Value result = function.call(small)[0];
        if (!reference.equals(result)) {
            throw new IllegalStateException(kernel + " on " + tier + " returned " + result + ", interpreter " + reference);
        }
    }

    @Benchmark
    public Value call(CpuTime cpu) {
        long start = cpu.start();
        Value result = function.call(count)[0];
        cpu.stop(start);
        return result;
    }
}
