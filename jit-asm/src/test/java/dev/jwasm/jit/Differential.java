package dev.jwasm.jit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.jwasm.api.Engine;
import dev.jwasm.api.Function;
import dev.jwasm.api.Instance;
import dev.jwasm.api.Linker;
import dev.jwasm.api.Tier;
import dev.jwasm.api.TrapKind;
import dev.jwasm.api.Value;
import dev.jwasm.api.WasmModule;
import dev.jwasm.api.WasmTrap;
import dev.jwasm.core.runtime.WasmFunction;
import java.util.Arrays;
import java.util.List;

/**
 * Runs the same module on the interpreter and on the JIT and compares what calls return or how they trap
 * (kind, message and wasm backtrace).
 */
final class Differential {
    final Instance interp;
    final Instance jit;

    Differential(String wat) {
        this(wat, Engine.builder());
    }

    Differential(String wat, Engine.Builder engine) {
        WasmModule m = WasmModule.parseText(wat);
        interp = new Linker(engine.tier(Tier.INTERP).build()).instantiate(m);
        jit = new Linker(engine.tier(Tier.JIT).build()).instantiate(m);
    }

    /** What a call did: its results, or its trap. */
    record Outcome(List<Value> results, String trap, List<String> backtrace) {
        static Outcome of(Function f, Value... args) {
            try {
                return new Outcome(Arrays.asList(f.call(args)), null, null);
            } catch (WasmTrap t) {
                // How deep the stack got before exhaustion depends on the tier's Java frame sizes.
                List<String> trace = t.kind() == TrapKind.CALL_STACK_EXHAUSTED ? List.of() : t.wasmBacktrace();
                return new Outcome(null, t.kind() + ": " + t.getMessage(), trace);
            }
        }
    }

    /** Calls {@code name} on both tiers, asserts the same outcome, and returns the JIT's. */
    Outcome call(String name, Value... args) {
        Outcome expected = Outcome.of(interp.function(name), args);
        Outcome actual = Outcome.of(jit.function(name), args);
        assertEquals(expected, actual, "call " + name + Arrays.toString(args));
        return actual;
    }

    /** Asserts that export {@code name} runs compiled code on the JIT instance. */
    void assertCompiled(String name) {
        WasmFunction f = (WasmFunction) jit.function(name);
        assertInstanceOf(CompiledCode.class, f.entry, name + " should be compiled");
    }

    static Value i32(int v) {
        return Value.i32(v);
    }

    static Value i64(long v) {
        return Value.i64(v);
    }
}
