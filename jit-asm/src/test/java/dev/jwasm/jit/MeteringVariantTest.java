package dev.jwasm.jit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
import java.lang.reflect.Field;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The two variants of an instance's compiled code ({@link InstalledCode}): code without metering until a call
 * must be metered, then the metering variant for every entry, with fuel charged where one variant would.
 */
class MeteringVariantTest {
    private static final String WAT = """
            (module
              (import "env" "fuel" (func $fuel (param i32) (result i32)))
              (func $spin (export "spin") (param i32) (result i32)
                (loop $l
                  (local.set 0 (i32.sub (local.get 0) (i32.const 1)))
                  (br_if $l (local.get 0)))
                (local.get 0))
              (func (export "forever") (loop $l (br $l)))
              (func $limitThenSpin (export "limitThenSpin") (param i32 i32) (result i32)
                (drop (call $fuel (local.get 0)))
                (call $spin (local.get 1))))
            """;
    private static final FuncType I32_TO_I32 = FuncType.of(List.of(ValType.I32), List.of(ValType.I32));

    private static Instance instance(Engine.Builder engine) {
        return new Linker(engine.build())
                .defineFunction("env", "fuel", I32_TO_I32, (caller, args) -> {
                    caller.instance().setFuel(args[0].asInt());
                    return new Value[] {args[0]};
                })
                .instantiate(WasmModule.parseText(WAT));
    }

    private static CompiledCode entry(Instance inst, String name) {
        return (CompiledCode) ((WasmFunction) inst.function(name)).entry;
    }

    /** The constant the generated class's code reads to decide whether to meter. */
    private static boolean metering(CompiledCode code) throws ReflectiveOperationException {
        Field f = code.owner().getDeclaredField("METERING");
        f.setAccessible(true);
        return f.getBoolean(null);
    }

    private static TrapKind trap(Instance inst, String name, Value... args) {
        return assertThrows(WasmTrap.class, () -> inst.function(name).call(args)).kind();
    }

    @Test
    void anUnlimitedInstanceRunsCodeWithoutMetering() throws Exception {
        Instance inst = instance(Engine.builder().tier(Tier.JIT));
        CompiledCode lean = entry(inst, "spin");
        assertEquals(false, metering(lean));
        assertEquals(0, inst.function("spin").call(Value.i32(5_000_000))[0].asInt());
        assertSame(lean, entry(inst, "spin"));
    }

    @Test
    void fuelSwitchesEveryEntryToTheMeteringVariantForGood() throws Exception {
        Instance inst = instance(Engine.builder().tier(Tier.JIT));
        CompiledCode lean = entry(inst, "spin");
        inst.setFuel(1000);
        assertEquals(TrapKind.FUEL_EXHAUSTED, trap(inst, "spin", Value.i32(1_000_000)));
        CompiledCode metered = entry(inst, "spin");
        assertNotSame(lean.owner(), metered.owner());
        assertEquals(true, metering(metered));
        assertEquals(true, metering(entry(inst, "limitThenSpin")));
        inst.setFuel(-1);
        assertEquals(0, inst.function("spin").call(Value.i32(1_000_000))[0].asInt());
        assertSame(metered, entry(inst, "spin"));
    }

    @Test
    void anEngineWithFuelOrATimeoutDefinesOnlyTheMeteringVariant() throws Exception {
        Instance fuelled = instance(Engine.builder().tier(Tier.JIT).fuel(10_000));
        assertEquals(true, metering(entry(fuelled, "spin")));
        assertEquals(TrapKind.FUEL_EXHAUSTED, trap(fuelled, "spin", Value.i32(1_000_000)));
        Instance timed = instance(Engine.builder().tier(Tier.JIT).timeout(Duration.ofMillis(100)));
        assertEquals(true, metering(entry(timed, "forever")));
        assertEquals(TrapKind.TIMEOUT, trap(timed, "forever"));
    }

    /** A deadline set on the caller's engine reaches a callee instance compiled without metering. */
    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a failure would spin for ever
    void aCallWithADeadlineStopsALoopInAnotherInstanceCompiledLean() throws Exception {
        Instance callee = instance(Engine.builder().tier(Tier.JIT));
        assertEquals(false, metering(entry(callee, "forever")));
        Instance caller = new Linker(Engine.builder().tier(Tier.JIT).timeout(Duration.ofMillis(100)).build())
                .defineInstance("callee", callee)
                .instantiate(WasmModule.parseText("""
                        (module
                          (import "callee" "forever" (func $forever))
                          (func (export "run") (call $forever)))
                        """));
        assertEquals(TrapKind.TIMEOUT, trap(caller, "run"));
        assertEquals(true, metering(entry(callee, "forever")));
    }

    /** A lean activation that the host limits mid-run hands its next call to the metering variant. */
    @Test
    void fuelSetWhileLeanCodeRunsMetersTheLoopsOfWhatItCallsNext() throws Exception {
        Instance interp = instance(Engine.builder().tier(Tier.INTERP));
        Instance jit = instance(Engine.builder().tier(Tier.JIT));
        assertEquals(false, metering(entry(jit, "limitThenSpin")));
        for (Instance inst : List.of(interp, jit)) {
            WasmTrap t = assertThrows(WasmTrap.class,
                    () -> inst.function("limitThenSpin").call(Value.i32(500), Value.i32(1_000_000)));
            assertEquals(TrapKind.FUEL_EXHAUSTED, t.kind());
            // The redirected call is one frame, as in the interpreter.
            assertEquals(List.of("spin", "limitThenSpin"), t.wasmBacktrace());
            assertEquals(0, inst.remainingFuel());
        }
        assertEquals(true, metering(entry(jit, "spin")));
        // Plenty of fuel: the same result and the same charge on both tiers.
        interp.setFuel(-1);
        jit.setFuel(-1);
        assertEquals(0, interp.function("limitThenSpin").call(Value.i32(100_000), Value.i32(1000))[0].asInt());
        assertEquals(0, jit.function("limitThenSpin").call(Value.i32(100_000), Value.i32(1000))[0].asInt());
        assertEquals(interp.remainingFuel(), jit.remainingFuel());
    }
}
