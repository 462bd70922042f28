package dev.jwasm.jit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwasm.api.Engine;
import dev.jwasm.api.Instance;
import dev.jwasm.api.Linker;
import dev.jwasm.api.Tier;
import dev.jwasm.api.TrapKind;
import dev.jwasm.api.Value;
import dev.jwasm.api.WasmModule;
import dev.jwasm.api.WasmTrap;
import dev.jwasm.core.model.FuncType;
import dev.jwasm.core.model.ValType;
import dev.jwasm.core.runtime.WasmFunction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The call budget compiled functions pass to their callees instead of counting the depth in the context:
 * the depth limit, backtraces and fuel must come out as on the interpreter when calls go back and forth
 * between compiled code, interpreted functions and host functions.
 */
class CallBudgetTest {
    /** Parameters beyond what a compiled method may take keep a function interpreted on the JIT tier. */
    private static final String MANY_PARAMS = "(param" + " i32".repeat(251) + ")";
    private static final String MANY_ARGS = " (i32.const 0)".repeat(251);
    private static final FuncType I32_TO_I32 = FuncType.of(List.of(ValType.I32), List.of(ValType.I32));

    /** The same module on both tiers, with host functions {@code env.echo}, {@code env.fail}, {@code env.fuel}. */
    private record Pair(Instance interp, Instance jit) {
        static Pair of(String wat, Engine.Builder engine) {
            WasmModule m = WasmModule.parseText(wat);
            return new Pair(link(m, engine.tier(Tier.INTERP).build()), link(m, engine.tier(Tier.JIT).build()));
        }

        private static Instance link(WasmModule m, Engine engine) {
            return new Linker(engine)
                    .defineFunction("env", "echo", I32_TO_I32, (caller, args) -> new Value[] {args[0]})
                    .defineFunction("env", "fail", I32_TO_I32, (caller, args) -> {
                        throw new WasmTrap(TrapKind.UNREACHABLE);
                    })
                    .defineFunction("env", "fuel", I32_TO_I32, (caller, args) -> {
                        caller.instance().setFuel(args[0].asInt());
                        return new Value[] {args[0]};
                    })
                    .instantiate(m);
        }

        /** Calls {@code name} on both tiers; asserts the same results or trap, backtrace and fuel left. */
        String call(String name, Value... args) {
            String expected = outcome(interp, name, args);
            String actual = outcome(jit, name, args);
            assertEquals(expected, actual, "call " + name + Arrays.toString(args));
            assertEquals(interp.remainingFuel(), jit.remainingFuel(), "fuel left after " + name);
            return actual;
        }

        private static String outcome(Instance inst, String name, Value... args) {
            try {
                List<String> results = new ArrayList<>();
                for (Value v : inst.function(name).call(args)) {
                    results.add(String.valueOf(v.asInt()));
                }
                return "returned " + results;
            } catch (WasmTrap t) {
                return t.kind() + " at " + t.wasmBacktrace();
            }
        }

        boolean compiled(String name) {
            return ((WasmFunction) jit.function(name)).entry instanceof CompiledCode;
        }
    }

    private static final String IMPORTS = """
              (import "env" "echo" (func $echo (param i32) (result i32)))
              (import "env" "fail" (func $fail (param i32) (result i32)))
              (import "env" "fuel" (func $fuel (param i32) (result i32)))
            """;

    @Test
    void theDepthLimitCountsCompiledAndInterpretedFramesAlike() {
        Pair p = Pair.of("(module " + IMPORTS + """
                  (func $down (export "down") (param i32) (result i32)
                    (if (result i32) (i32.eqz (local.get 0)) (then (i32.const 7))
                      (else (call $slow (i32.sub (local.get 0) (i32.const 1))%s))))
                  (func $slow (export "slow") (param i32) %s (result i32)
                    (if (result i32) (i32.eqz (local.get 0)) (then (i32.const 7))
                      (else (call $down (i32.sub (local.get 0) (i32.const 1)))))))
                """.formatted(MANY_ARGS, MANY_PARAMS), Engine.builder().maxCallDepth(100));
        assertTrue(p.compiled("down"));
        assertFalse(p.compiled("slow"));
        assertEquals("returned [7]", p.call("down", Value.i32(99)));
        assertTrue(p.call("down", Value.i32(100)).startsWith("CALL_STACK_EXHAUSTED at ["));
        List<String> trace = trap(p.jit, "down", 150).wasmBacktrace();
        assertEquals(100, trace.size());
        assertTrue(trace.get(0).contains("slow") && trace.get(1).contains("down"), trace.subList(0, 2).toString());
    }

    @Test
    void compiledRecursionStopsAtTheLimitWithAFullBacktrace() {
        Pair p = Pair.of("(module " + IMPORTS + """
                  (func $down (export "down") (param i32) (result i32)
                    (if (result i32) (i32.eqz (local.get 0)) (then (call $echo (i32.const 3)))
                      (else (call $down (i32.sub (local.get 0) (i32.const 1)))))))
                """, Engine.builder().maxCallDepth(200));
        // A limit the interpreter reaches without a Java stack overflow (whose depth varies with its frames).
        assertTrue(p.compiled("down"));
        assertEquals("returned [3]", p.call("down", Value.i32(199)));
        p.call("down", Value.i32(200));
        List<String> trace = trap(p.jit, "down", 5000).wasmBacktrace();
        assertEquals(trap(p.interp, "down", 5000).wasmBacktrace(), trace);
        assertEquals(200, trace.size());
    }

    /**
     * Compiled frames are recorded as a trap unwinds through them; the interpreted and host calls in between
     * (which count the depth in the context) and the deeper calls that returned before must not disturb that.
     */
    @Test
    void backtracesThroughInterpretedAndHostCallsMatchTheInterpreter() {
        Pair p = Pair.of("(module " + IMPORTS + """
                  (func $deep (param i32) (result i32)
                    (if (result i32) (i32.eqz (local.get 0)) (then (call $echo (i32.const 0)))
                      (else (call $deep (i32.sub (local.get 0) (i32.const 1))))))
                  (func $inner (param i32) (result i32) (i32.div_u (i32.const 1) (local.get 0)))
                  (func $compiled (param i32) (result i32)
                    (drop (call $echo (i32.const 1)))
                    (drop (call $deep (i32.const 10)))
                    (call $inner (call $echo (local.get 0))))
                  (func $interpreted (param i32) %s (result i32)
                    (drop (call $deep (i32.const 30)))
                    (call $compiled (local.get 0)))
                  (func $outer (export "outer") (param i32) (result i32)
                    (drop (call $echo (i32.const 5)))
                    (drop (call $deep (i32.const 40)))
                    (call $interpreted (local.get 0)%s))
                  (func $hostTrap (export "hostTrap") (param i32) (result i32)
                    (drop (call $deep (i32.const 20)))
                    (call $fail (call $deep (local.get 0)))))
                """.formatted(MANY_PARAMS, MANY_ARGS), Engine.builder());
        assertTrue(p.compiled("outer"));
        assertEquals("returned [1]", p.call("outer", Value.i32(1)));
        assertEquals("INTEGER_DIVIDE_BY_ZERO at [inner, compiled, interpreted, outer]", p.call("outer", Value.i32(0)));
        assertEquals("UNREACHABLE at [hostTrap]", p.call("hostTrap", Value.i32(3)));
    }

    private static final String CALLS = """
              (type $ii (func (param i32) (result i32)))
              (table funcref (elem $leaf))
              (func $leaf (type $ii) (i32.add (local.get 0) (i32.const 1)))
              (func $work (export "work") (param i32) (result i32) (local i32)
                (block (loop
                  (br_if 1 (i32.eqz (local.get 0)))
                  (local.set 1 (call $leaf (local.get 1)))
                  (local.set 1 (call_indirect (type $ii) (local.get 1) (i32.const 0)))
                  (local.set 0 (i32.sub (local.get 0) (i32.const 1)))
                  (br 0)))
                (local.get 1))
            """;

    @Test
    void fuelIsChargedOnEntryToFunctionsCompiledCodeCalls() {
        Pair p = Pair.of("(module " + IMPORTS + CALLS + ")", Engine.builder().fuel(100_000));
        assertTrue(p.compiled("work"));
        assertEquals("returned [200]", p.call("work", Value.i32(100)));
        long perIteration = (100_000 - p.jit.remainingFuel()) / 100;
        // Each iteration enters $leaf twice; its body is two instructions.
        assertTrue(perIteration > 4, "fuel per iteration " + perIteration);
        String out = p.call("work", Value.i32(100_000));
        assertTrue(out.startsWith("FUEL_EXHAUSTED at [leaf, work]") || out.startsWith("FUEL_EXHAUSTED at [work]"),
                out);
        assertEquals(0, p.jit.remainingFuel());
    }

    /** {@code Instance.setFuel} called by a host function while the guest runs. */
    @Test
    void fuelSetByTheHostWhileTheGuestRunsAppliesToWhatTheGuestCallsNext() {
        Pair p = Pair.of("(module " + IMPORTS + CALLS + """
                  (func (export "limitThenWork") (param i32 i32) (result i32)
                    (drop (call $fuel (local.get 0)))
                    (call $work (local.get 1))))
                """, Engine.builder());
        assertTrue(p.compiled("limitThenWork"));
        assertEquals(-1, p.jit.remainingFuel());
        // Unlimited, then limited by the host: the calls after it are metered and run out.
        assertTrue(p.call("limitThenWork", Value.i32(50), Value.i32(1000)).startsWith("FUEL_EXHAUSTED"));
        assertEquals(0, p.jit.remainingFuel());
        // Limited, then given more by the host.
        p.interp.setFuel(100);
        p.jit.setFuel(100);
        assertEquals("returned [2000]", p.call("limitThenWork", Value.i32(1_000_000), Value.i32(1000)));
        assertTrue(p.jit.remainingFuel() < 1_000_000);
        // Limited, then made unlimited by the host.
        p.interp.setFuel(100);
        p.jit.setFuel(100);
        assertEquals("returned [2000]", p.call("limitThenWork", Value.i32(-1), Value.i32(1000)));
        assertEquals(-1, p.jit.remainingFuel());
    }

    private static WasmTrap trap(Instance inst, String name, int arg) {
        try {
            inst.function(name).call(Value.i32(arg));
        } catch (WasmTrap t) {
            return t;
        }
        throw new AssertionError(name + " did not trap");
    }

    @Test
    void adaptersStartTheBudgetFromTheCallersDepth() {
        Pair p = Pair.of("(module " + IMPORTS + """
                  (func $c (export "c") (param i32) (result i32)
                    (if (result i32) (i32.eqz (local.get 0)) (then (i32.const 1))
                      (else (call $i (i32.sub (local.get 0) (i32.const 1))%s))))
                  (func $i (param i32) %s (result i32)
                    (call $c (local.get 0))))
                """.formatted(MANY_ARGS, MANY_PARAMS), Engine.builder().maxCallDepth(11));
        // c i c i c i c i c i c: 11 frames, the 11th compiled one entered through its adapter.
        assertEquals("returned [1]", p.call("c", Value.i32(5)));
        assertTrue(p.call("c", Value.i32(6)).startsWith("CALL_STACK_EXHAUSTED"));
    }
}
