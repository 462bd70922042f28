package dev.jwasm.jit;

import static dev.jwasm.jit.Differential.i32;
import static dev.jwasm.jit.Differential.i64;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwasm.api.Engine;
import dev.jwasm.api.Instance;
import dev.jwasm.api.Linker;
import dev.jwasm.api.Tier;
import dev.jwasm.api.WasmModule;
import dev.jwasm.core.runtime.WasmFunction;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Functions the JIT leaves to the interpreter, fuel metering, timeouts and tier-up. */
class FallbackAndMeteringTest {
    private static boolean compiled(Instance inst, String name) {
        return ((WasmFunction) inst.function(name)).entry instanceof CompiledCode;
    }

    @Test
    void tailCallsRunInConstantStackWhileSimdStaysInterpreted() {
        Differential d = new Differential("""
                (module
                  (func $simd (export "simd") (result i32) (i32x4.extract_lane 1 (v128.const i32x4 1 2 3 4)))
                  (func $count (export "count") (param i64) (result i64)
                    (if (result i64) (i64.eqz (local.get 0)) (then (i64.const 0))
                      (else (return_call $count (i64.sub (local.get 0) (i64.const 1))))))
                  (func $even (export "even") (param i64) (result i32)
                    (if (result i32) (i64.eqz (local.get 0)) (then (i32.const 1))
                      (else (return_call $odd (i64.sub (local.get 0) (i64.const 1))))))
                  (func $odd (param i64) (result i32)
                    (if (result i32) (i64.eqz (local.get 0)) (then (i32.const 0))
                      (else (return_call $even (i64.sub (local.get 0) (i64.const 1))))))
                  (func (export "caller") (result i64)
                    (i64.add (i64.const 2) (call $count (i64.const 100000)))))
                """);
        assertFalse(compiled(d.jit, "simd"));
        d.assertCompiled("even");
        d.assertCompiled("count");
        d.assertCompiled("caller");
        assertEquals(2, d.call("caller").results().get(0).asLong());
        assertEquals(0, d.call("count", i64(1_000_000)).results().get(0).asLong());
        assertEquals(1, d.call("even", i64(1_000_000)).results().get(0).asInt());
    }

    private static String callingBody(int statements) {
        StringBuilder body = new StringBuilder("(param i32) (result i32)\n");
        for (int i = 0; i < statements; i++) {
            body.append("(drop (call $g (local.get 0)))\n");
        }
        return body.append("(local.get 0))\n").toString();
    }

    @Test
    void functionsTooLargeForOneJvmMethodAreSplitAndCompiled() {
        // 12,000 calls: under 64 KiB of wasm but over 64 KiB of bytecode as one method;
        // 14,000 calls: over 64 KiB of wasm.
        String wat = "(module (func $g (param i32) (result i32) (local.get 0))"
                + "(func $h1 (export \"huge\") " + callingBody(12_000)
                + "(func $h2 (export \"huge2\") " + callingBody(14_000)
                + "(func (export \"small\") (param i32) (result i32) (call $h2 (call $h1 (local.get 0)))))";
        Differential d = new Differential(wat);
        Instance plain = new Linker(Engine.builder().tier(Tier.INTERP).build()).instantiate(WasmModule.parseText(wat));
        assertEquals(java.util.Map.of(), ModuleCompiler.compile((dev.jwasm.core.runtime.InstanceImpl) plain).fallbacks());
        d.assertCompiled("huge");
        d.assertCompiled("huge2");
        d.assertCompiled("small");
        d.call("huge", i32(5));
        d.call("small", i32(5));
    }

    private static final String LOOPS = """
            (module
              (func $work (param i32) (result i32) (local i32)
                (block (loop
                  (br_if 1 (i32.eqz (local.get 0)))
                  (local.set 1 (i32.add (local.get 1) (local.get 0)))
                  (local.set 0 (i32.sub (local.get 0) (i32.const 1)))
                  (br 0)))
                (local.get 1))
              (func (export "run") (param i32) (result i32) (call $work (local.get 0)))
              (func (export "forever") (loop (br 0))))
            """;

    @Test
    void fuelIsChargedExactlyAsTheInterpreterCharges() {
        Differential d = new Differential(LOOPS, Engine.builder().fuel(1_000_000));
        d.assertCompiled("run");
        d.call("run", i32(1000));
        assertEquals(d.interp.remainingFuel(), d.jit.remainingFuel());
        assertTrue(d.jit.remainingFuel() < 1_000_000);
    }

    @Test
    void tailCallsThroughTablesAndReferencesAgreeWithTheInterpreter() {
        Differential d = new Differential("""
                (module
                  (type $t (func (param i64 i64) (result i64)))
                  (table funcref (elem $down $add))
                  (func $down (type $t)
                    (if (result i64) (i64.eqz (local.get 0)) (then (local.get 1))
                      (else (return_call_indirect (type $t)
                        (i64.sub (local.get 0) (i64.const 1)) (i64.add (local.get 1) (i64.const 2))
                        (i32.wrap_i64 (i64.and (local.get 0) (i64.const 1)))))))
                  (func $add (type $t)
                    (return_call_ref $t (local.get 0) (i64.add (local.get 1) (i64.const 1)) (ref.func $down)))
                  (elem declare func $down)
                  (func (export "run") (param i64) (result i64) (call $down (local.get 0) (i64.const 0)))
                  (func (export "bad") (result i64)
                    (return_call_indirect (type $t) (i64.const 1) (i64.const 1) (i32.const 7))))
                """, Engine.builder().fuel(100_000_000));
        d.assertCompiled("run");
        d.call("run", i64(10));
        d.call("run", i64(300_000));
        assertEquals(d.interp.remainingFuel(), d.jit.remainingFuel());
        assertEquals("UNDEFINED_ELEMENT: undefined element 7", d.call("bad").trap());
    }

    @Test
    void selfTailCallsChargeFuelLikeTheInterpreter() {
        Differential d = new Differential("""
                (module (func $count (export "count") (param i64) (result i64) (local i32)
                  (local.set 1 (i32.add (local.get 1) (i32.const 1)))
                  (if (result i64) (i64.eqz (local.get 0)) (then (i64.extend_i32_u (local.get 1)))
                    (else (return_call $count (i64.sub (local.get 0) (i64.const 1)))))))
                """, Engine.builder().fuel(1_000_000));
        d.assertCompiled("count");
        assertEquals(1, d.call("count", i64(1000)).results().get(0).asLong());
        assertEquals(d.interp.remainingFuel(), d.jit.remainingFuel());
    }

    @Test
    void runningOutOfFuelTrapsWithTheSameBacktrace() {
        Differential d = new Differential(LOOPS, Engine.builder().fuel(500));
        Differential.Outcome o = d.call("run", i32(1000));
        assertEquals("FUEL_EXHAUSTED: all fuel consumed", o.trap());
        assertEquals(2, o.backtrace().size());
        assertEquals(0, d.jit.remainingFuel());
    }

    @Test
    void anEndlessLoopStopsAtTheDeadline() {
        WasmModule m = WasmModule.parseText(LOOPS);
        Instance inst = new Linker(Engine.builder().tier(Tier.JIT).timeout(Duration.ofMillis(200)).build())
                .instantiate(m);
        assertTrue(compiled(inst, "forever"));
        dev.jwasm.api.WasmTrap t = org.junit.jupiter.api.Assertions.assertThrows(dev.jwasm.api.WasmTrap.class,
                () -> inst.function("forever").call());
        assertEquals(dev.jwasm.api.TrapKind.TIMEOUT, t.kind());
    }

    @Test
    void autoTierCompilesSmallModulesAtInstantiation() {
        Instance inst = new Linker(Engine.builder().tier(Tier.AUTO).build()).instantiate(WasmModule.parseText(LOOPS));
        assertTrue(compiled(inst, "run"));
    }

    @Test
    void autoTierCompilesAHotInstanceInTheBackground() throws InterruptedException {
        WasmModule m = WasmModule.parseText(LOOPS);
        Instance inst;
        System.setProperty("jwasm.jit.eagerBytes", "0");
        try {
            inst = new Linker(Engine.builder().tier(Tier.AUTO).build()).instantiate(m);
        } finally {
            System.clearProperty("jwasm.jit.eagerBytes");
        }
        assertFalse(compiled(inst, "run"));
        for (int i = 0; i < 2000; i++) {
            assertEquals(55, inst.function("run").call(i32(10))[0].asInt());
        }
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!compiled(inst, "run") && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertInstanceOf(CompiledCode.class, ((WasmFunction) inst.function("run")).entry);
        assertEquals(55, inst.function("run").call(i32(10))[0].asInt());
    }

    @Test
    void interpreterOnlyEnginesNeverCompile() {
        Instance inst = new Linker(Engine.builder().tier(Tier.INTERP).build()).instantiate(WasmModule.parseText(LOOPS));
        for (int i = 0; i < 2000; i++) {
            inst.function("run").call(i32(3));
        }
        assertFalse(compiled(inst, "run"));
        assertEquals(i64(1).type(), i64(2).type());
    }
}
