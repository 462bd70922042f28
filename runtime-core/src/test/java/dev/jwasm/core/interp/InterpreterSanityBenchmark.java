package dev.jwasm.core.interp;

import dev.jwasm.api.Engine;
import dev.jwasm.api.Function;
import dev.jwasm.api.Instance;
import dev.jwasm.api.Linker;
import dev.jwasm.api.Value;
import dev.jwasm.api.WasmModule;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * Not a test: a quick speed sanity check of the interpreter (recursive fib(30), a counting loop and a
 * memory-heavy loop), reporting thread CPU time per round. Run its {@code main} from the test classpath,
 * optionally with {@code -XX:+PrintCompilation} to watch the dispatch loop reach C2.
 */
public final class InterpreterSanityBenchmark {
    private static final String WAT = """
            (module
              (memory 1)
              (func $fib (export "fib") (param i32) (result i32)
                (if (result i32) (i32.lt_s (local.get 0) (i32.const 2))
                  (then (local.get 0))
                  (else (i32.add (call $fib (i32.sub (local.get 0) (i32.const 1)))
                                 (call $fib (i32.sub (local.get 0) (i32.const 2)))))))
              (func (export "count") (param i32) (result i32) (local i32)
                (loop $l
                  (local.set 1 (i32.add (local.get 1) (i32.const 1)))
                  (br_if $l (i32.lt_u (local.get 1) (local.get 0))))
                (local.get 1))
              (func (export "memloop") (param i32) (result i32) (local i32 i32)
                (loop $l
                  (i32.store (i32.and (local.get 1) (i32.const 4092))
                    (i32.add (i32.load (i32.and (local.get 1) (i32.const 4092))) (local.get 1)))
                  (local.set 2 (i32.add (local.get 2) (i32.mul (local.get 1) (local.get 1))))
                  (local.set 1 (i32.add (local.get 1) (i32.const 1)))
                  (br_if $l (i32.lt_u (local.get 1) (local.get 0))))
                (local.get 2)))
            """;

    private InterpreterSanityBenchmark() {
    }

    public static void main(String[] args) {
        Instance inst = new Linker(Engine.create()).instantiate(WasmModule.parseText(WAT));
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        for (int round = 0; round < 6; round++) {
            System.out.printf("round %d: fib(30) %d ms, count(1e8) %d ms, memloop(2e7) %d ms%n", round,
                    cpuMillis(mx, inst.function("fib"), 30), cpuMillis(mx, inst.function("count"), 100_000_000),
                    cpuMillis(mx, inst.function("memloop"), 20_000_000));
        }
    }

    private static long cpuMillis(ThreadMXBean mx, Function f, int arg) {
        long t0 = mx.getCurrentThreadCpuTime();
        f.call(Value.i32(arg));
        return (mx.getCurrentThreadCpuTime() - t0) / 1_000_000;
    }
}
