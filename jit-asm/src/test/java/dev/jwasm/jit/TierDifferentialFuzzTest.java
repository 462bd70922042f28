package dev.jwasm.jit;

import static org.junit.jupiter.api.Assertions.fail;

import dev.jwasm.api.Engine;
import dev.jwasm.api.Instance;
import dev.jwasm.api.Linker;
import dev.jwasm.api.Memory;
import dev.jwasm.api.Tier;
import dev.jwasm.api.Value;
import dev.jwasm.api.WasmModule;
import dev.jwasm.core.runtime.WasmFunction;
import dev.jwasm.jit.Differential.Outcome;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Differential fuzzing of the tiers: random valid modules ({@link RandomModuleGenerator}) run on the
 * interpreter and on the JIT must return bit-identical results or trap with the same kind, message and
 * backtrace, call after call, and end with the same memory and globals.
 *
 * <p>Seeded and reproducible: module {@code i} uses seed {@code jwasm.fuzz.seed + i} (default base
 * 20261125) and {@code jwasm.fuzz.count} modules run (default 300). A failure names the seed and prints
 * the module; {@code -Djwasm.fuzz.seed=SEED -Djwasm.fuzz.count=1} replays it alone.
 */
class TierDifferentialFuzzTest {
    private static final int CALLS_PER_MODULE = 12;

    private final Map<String, Integer> outcomes = new TreeMap<>();

    @Test
    void randomModulesBehaveTheSameOnBothTiers() {
        long base = Long.getLong("jwasm.fuzz.seed", 20261125L);
        int count = Integer.getInteger("jwasm.fuzz.count", 300);
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < count && failures.size() < 3; i++) {
            String failure = check(base + i);
            if (failure != null) {
                failures.add(failure);
            }
        }
        System.out.println("tier fuzzing: " + count + " modules from seed " + base + ", call outcomes " + outcomes);
        if (!failures.isEmpty()) {
            fail(String.join("\n\n", failures));
        }
    }

    /** Runs the module of {@code seed} on both tiers; returns a description of the first difference, or null. */
    private String check(long seed) {
        RandomModuleGenerator generator = new RandomModuleGenerator(seed);
        String wat = generator.generate();
        WasmModule module;
        try {
            module = WasmModule.parseText(wat);
        } catch (RuntimeException e) {
            return report(seed, wat, "the generator made an invalid module: " + e.getMessage());
        }
        List<RandomModuleGenerator.Signature> signatures = generator.functionSignatures();
        List<Call> calls = new ArrayList<>();
        for (int c = 0; c < CALLS_PER_MODULE; c++) {
            int f = generator.randomIndex(signatures.size());
            Value[] args = signatures.get(f).params().stream().map(generator::randomValue).toArray(Value[]::new);
            // A fuel budget for the metered run: small ones run out part way through.
            calls.add(new Call("f" + f, args, 20 + generator.randomIndex(3000)));
        }
        String difference = run(module, signatures.size(), generator.globals().size(), calls, false);
        if (difference == null && seed % 4 == 0) {
            difference = run(module, signatures.size(), generator.globals().size(), calls, true);
        }
        return difference == null ? null : report(seed, wat, difference);
    }

    /** One call of the sequence: export, arguments, and the fuel it gets when the run is metered. */
    private record Call(String export, Value[] args, long fuel) {
        @Override
        public String toString() {
            return export + Arrays.toString(args);
        }
    }

    /** Runs {@code calls} on both tiers (with fuel if {@code metered}); describes the first difference, or null. */
    private String run(WasmModule module, int functions, int globals, List<Call> calls, boolean metered) {
        Engine.Builder engine = Engine.builder();
        if (metered) {
            engine.fuel(Long.MAX_VALUE);
        }
        Instance interp = new Linker(engine.tier(Tier.INTERP).build()).instantiate(module);
        Instance jit = new Linker(engine.tier(Tier.JIT).build()).instantiate(module);
        for (int f = 0; f < functions; f++) {
            if (!(((WasmFunction) jit.function("f" + f)).entry instanceof CompiledCode)) {
                return "f" + f + " was not compiled by the JIT";
            }
        }
        String mode = metered ? " (metered)" : "";
        for (int c = 0; c < calls.size(); c++) {
            Call call = calls.get(c);
            if (metered) {
                interp.setFuel(call.fuel);
                jit.setFuel(call.fuel);
            }
            Outcome expected = Outcome.of(interp.function(call.export), call.args);
            Outcome actual = Outcome.of(jit.function(call.export), call.args);
            outcomes.merge(expected.trap() == null ? "returned" : expected.trap().replaceAll(":.*", ""), 1, Integer::sum);
            if (!expected.equals(actual)) {
                return "call " + c + mode + ", " + call + (metered ? " with fuel " + call.fuel : "")
                        + ":\n  interpreter: " + expected + "\n  JIT:         " + actual;
            }
            if (metered && interp.remainingFuel() != jit.remainingFuel()) {
                return "call " + c + mode + ", " + call + " with fuel " + call.fuel + ": fuel left on the interpreter "
                        + interp.remainingFuel() + ", JIT " + jit.remainingFuel();
            }
        }
        String state = compareState(interp, jit, globals);
        return state == null ? null : state + mode;
    }

    private static String compareState(Instance interp, Instance jit, int globals) {
        Memory a = interp.memory("mem");
        Memory b = jit.memory("mem");
        if (a.byteSize() != b.byteSize()) {
            return "memory size: interpreter " + a.byteSize() + ", JIT " + b.byteSize();
        }
        byte[] x = a.read(0, (int) a.byteSize());
        byte[] y = b.read(0, (int) b.byteSize());
        int at = Arrays.mismatch(x, y);
        if (at >= 0) {
            return "memory differs first at " + at + ": interpreter " + x[at] + ", JIT " + y[at];
        }
        for (int g = 0; g < globals; g++) {
            Value u = interp.global("g" + g).get();
            Value v = jit.global("g" + g).get();
            if (!u.equals(v)) {
                return "global g" + g + ": interpreter " + u + ", JIT " + v;
            }
        }
        return null;
    }

    private static String report(long seed, String wat, String what) {
        return "seed " + seed + " (replay: -Djwasm.fuzz.seed=" + seed + " -Djwasm.fuzz.count=1): " + what
                + "\n" + wat;
    }
}
