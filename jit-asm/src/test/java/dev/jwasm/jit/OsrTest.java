package dev.jwasm.jit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwasm.api.Engine;
import dev.jwasm.api.Instance;
import dev.jwasm.api.Linker;
import dev.jwasm.api.Tier;
import dev.jwasm.api.Value;
import dev.jwasm.api.WasmModule;
import org.junit.jupiter.api.Test;

/** A long loop in an interpreted activation continues in compiled code once its instance is compiled. */
class OsrTest {
    private static final String LOOP = """
            (module (memory 1)
              (func (export "run") (param i32) (result i64 i32) (local i64)
                (i32.store (i32.const 8) (i32.const 3))
                (block (loop
                  (br_if 1 (i32.eqz (local.get 0)))
                  (local.set 1 (i64.add (local.get 1) (i64.extend_i32_u (local.get 0))))
                  (i32.store (i32.const 8) (i32.add (i32.load (i32.const 8)) (i32.const 1)))
                  (local.set 0 (i32.sub (local.get 0) (i32.const 1)))
                  (br 0)))
                (local.get 1) (i32.load (i32.const 8))))
            """;

    /** Float locals across the hand-over: a lazy one with an arithmetic NaN, an exact one with a payload. */
    private static final String FLOAT_LOOP = """
            (module
              (func (export "run") (param f64 i32) (result i64 i64 f64)
                (local $acc f64) (local $nan f64) (local $keep f64)
                (local.set $keep (local.get 0))
                (local.set $nan (f64.sub (f64.const inf) (f64.const inf)))
                (block (loop
                  (br_if 1 (i32.eqz (local.get 1)))
                  (local.set $acc (f64.add (local.get $acc) (f64.const 1)))
                  (local.set $nan (f64.mul (local.get $nan) (local.get $acc)))
                  (local.set 1 (i32.sub (local.get 1) (i32.const 1)))
                  (br 0)))
                (i64.reinterpret_f64 (local.get $keep)) (i64.reinterpret_f64 (local.get $nan)) (local.get $acc)))
            """;

    private static Instance interpretedAtFirst(Engine.Builder engine) {
        return interpretedAtFirst(engine, LOOP);
    }

    private static Instance interpretedAtFirst(Engine.Builder engine, String wat) {
        System.setProperty("jwasm.jit.eagerBytes", "0");
        try {
            return new Linker(engine.tier(Tier.AUTO).build()).instantiate(WasmModule.parseText(wat));
        } finally {
            System.clearProperty("jwasm.jit.eagerBytes");
        }
    }

    @Test
    void aLongLoopEntersCompiledCodeAndFinishesWithTheRightResults() {
        long before = JitStats.osrEntries();
        Instance inst = interpretedAtFirst(Engine.builder());
        int n = 60_000_000; // long enough for the background compilation to finish even on a loaded machine
        Value[] r = inst.function("run").call(Value.i32(n));
        assertEquals((long) n * (n + 1) / 2, r[0].asLong());
        assertEquals(n + 3, r[1].asInt());
        assertTrue(JitStats.osrEntries() > before, "no OSR entry happened");
    }

    @Test
    void floatLocalsKeepTheirBitsAcrossTheHandOver() {
        long before = JitStats.osrEntries();
        Instance inst = interpretedAtFirst(Engine.builder(), FLOAT_LOOP);
        int n = 30_000_000;
        long snan = 0xFFF0_0000_0000_0001L;
        Value[] r = inst.function("run").call(Value.f64Bits(snan), Value.i32(n));
        assertEquals(snan, r[0].asLong());
        assertEquals(0x7FF8_0000_0000_0000L, r[1].asLong());
        assertEquals((double) n, r[2].asDouble());
        assertTrue(JitStats.osrEntries() > before, "no OSR entry happened");
    }

    @Test
    void fuelIsChargedTheSameWithOrWithoutOsr() {
        Instance auto = interpretedAtFirst(Engine.builder().fuel(Long.MAX_VALUE / 2));
        Instance interp = new Linker(Engine.builder().tier(Tier.INTERP).fuel(Long.MAX_VALUE / 2).build())
                .instantiate(WasmModule.parseText(LOOP));
        auto.function("run").call(Value.i32(3_000_000));
        interp.function("run").call(Value.i32(3_000_000));
        assertEquals(interp.remainingFuel(), auto.remainingFuel());
    }
}
