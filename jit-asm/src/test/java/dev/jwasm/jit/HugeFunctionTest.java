package dev.jwasm.jit;

import static dev.jwasm.jit.Differential.i32;
import static dev.jwasm.jit.Differential.i64;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwasm.jit.emit.BytecodeSize;
import dev.jwasm.api.Engine;
import dev.jwasm.api.Instance;
import dev.jwasm.api.Linker;
import dev.jwasm.api.Tier;
import dev.jwasm.api.Value;
import dev.jwasm.api.WasmModule;
import dev.jwasm.core.runtime.WasmFunction;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Functions far too large for one JVM method (each over 100,000 instructions) are split into methods
 * HotSpot compiles, and behave exactly as on the interpreter: results, values carried into and out of the
 * outlined regions, branches to outer labels, returns, tail calls, traps with their backtraces, and fuel.
 */
class HugeFunctionTest {
    private static void round(StringBuilder b, int i) {
        b.append("local.get 2 local.get 0 i32.const ").append(i).append(" i32.xor i32.add local.set 2\n");
        b.append("local.get 3 local.get 2 i64.extend_i32_u i64.add local.get 1 i64.xor local.set 3\n");
        b.append("local.get 4 local.get 2 f64.convert_i32_s f64.add local.set 4\n");
        b.append("local.get 6 local.get 2 f32.convert_i32_u f32.const 0.5 f32.mul f32.add local.set 6\n");
    }

    /**
     * Straight-line arithmetic on i32, i64, f64 and funcref locals, with a long expression in between, ifs
     * with long branches, and memory accesses around growing the memory.
     */
    private static String straightLine(int rounds) {
        StringBuilder b = new StringBuilder("""
                (memory 1)
                (func $straight (export "straight") (param i32 i64) (result i32 i64)
                  (local i32 i64 f64 funcref f32)
                """);
        for (int i = 0; i < rounds; i++) {
            round(b, i);
            b.append("i32.const ").append(i % 1000 * 8).append(" local.get 3 i64.store offset=16\n");
            if (i % 100 == 50) {
                b.append("local.get 0 i32.const ").append(i).append(" i32.gt_s if (result i32)\n");
                for (int j = 0; j < 25; j++) {
                    round(b, j);
                }
                b.append("local.get 2 else\n");
                for (int j = 0; j < 25; j++) {
                    round(b, -j);
                }
                b.append("local.get 3 i32.wrap_i64 end local.get 2 i32.add local.set 2\n");
            }
            if (i == rounds / 2) {
                // Later accesses beyond the first page need the buffer reloaded after growth.
                b.append("i32.const 1 memory.grow drop\n");
            }
            if (i > rounds / 2) {
                b.append("i32.const ").append(65536 + i % 1000 * 8).append(" local.get 3 i64.store\n");
                b.append("local.get 3 i32.const ").append(65536 + (i + 7) % 1000 * 8)
                        .append(" i64.load i64.add local.set 3\n");
            }
            if (i % 1000 == 500) {
                // NaN from then on in the f32 local: both tiers must give the interpreter's NaN bits.
                b.append("local.get 6 f32.const inf f32.mul f32.const 0 f32.mul local.set 6\n");
            }
            if (i % 500 == 100) {
                // A float expression long enough to be cut while a value is on the stack.
                b.append("local.get 4\n");
                for (int j = 0; j < 300; j++) {
                    b.append("f64.const ").append(j).append(".25 f64.add\n");
                }
                b.append("local.set 4\n");
            }
            if (i % 500 == 250) {
                // A value stays on the stack across many instructions.
                b.append("local.get 2\n");
                for (int j = 0; j < 300; j++) {
                    b.append("i32.const ").append(j).append(" i32.add\n");
                }
                b.append("local.set 2 ref.func $straight local.set 5\n");
            }
        }
        return b.append("""
                local.get 2 local.get 5 ref.is_null i32.add local.get 6 i32.reinterpret_f32 i32.add
                local.get 3 local.get 4 i64.reinterpret_f64 i64.add)
                """).toString();
    }

    /**
     * {@code depth} nested blocks with results; at each level a conditional branch with a value to a block
     * halfway out, taken when the parameter names that level.
     */
    private static String nested(int depth) {
        StringBuilder b = new StringBuilder("(func $nested (export \"nested\") (param i32) (result i32) (local i32)\n");
        for (int k = 0; k < depth; k++) {
            b.append("block (result i32)\n");
            b.append("local.get 1 i32.const ").append(k).append(" i32.add i32.const 7 i32.mul local.set 1\n");
            b.append("local.get 1 i32.const 3 i32.mul local.get 0 i32.const ").append(k)
                    .append(" i32.eq br_if ").append(k - k / 2).append(" drop\n");
        }
        b.append("local.get 1\n");
        for (int k = depth - 1; k >= 0; k--) {
            b.append("end local.get 1 i32.xor i32.const ").append(k).append(" i32.add\n");
        }
        return b.append(")\n").toString();
    }

    /** A loop whose body dispatches with br_table to one of {@code cases} long cases; case 7 may return. */
    private static String dispatch(int cases, int perCase) {
        StringBuilder b = new StringBuilder("(func $dispatch (export \"dispatch\") (param i32) (result i64)"
                + " (local i64 i32)\n");
        b.append("loop $top\n");
        b.append("block $done\n");
        for (int c = cases - 1; c >= 0; c--) {
            b.append("block\n");
        }
        b.append("local.get 0 i32.const ").append(cases).append(" i32.rem_u br_table");
        for (int c = 0; c < cases; c++) {
            b.append(' ').append(c);
        }
        b.append(' ').append(cases).append('\n');
        for (int c = 0; c < cases; c++) {
            b.append("end\n");
            for (int i = 0; i < perCase; i++) {
                b.append("local.get 1 i64.const ").append(c * 31 + i).append(" i64.mul local.get 0 i64.extend_i32_u"
                        + " i64.add local.set 1\n");
            }
            if (c == 7) {
                b.append("local.get 0 i32.const 47 i32.eq if local.get 1 return end\n");
            }
            b.append("br ").append(cases - 1 - c).append('\n');
        }
        b.append("end\n");
        b.append("local.get 0 i32.const 1 i32.sub local.tee 0 br_if $top\n");
        b.append("end\n");
        return b.append("local.get 1)\n").toString();
    }

    /**
     * Straight-line code interrupted by checks of the mode parameter that return two values, trap, or
     * tail-call, from deep inside; the whole wrapped in blocks that take and give values.
     */
    private static String exits(int chunks, int perChunk) {
        StringBuilder b = new StringBuilder("""
                (type $chunk (func (param i32) (result i32)))
                (func $helper (param i32 i32) (result i32 i64) (i32.mul (local.get 0) (local.get 1)) (i64.const 5))
                (func $exits (param i32 i32) (result i32 i64) (local i32 i64)
                  local.get 1
                """);
        for (int c = 0; c < chunks; c++) {
            b.append("block (type $chunk) (param i32) (result i32)\n");
            for (int i = 0; i < perChunk; i++) {
                b.append("i32.const ").append(i).append(" i32.add local.get 2 i32.xor local.tee 2\n");
                b.append("local.get 3 i64.const 3 i64.add local.set 3\n");
            }
            b.append("end\n");
            if (c == chunks / 2) {
                b.append("""
                        local.get 0 i32.const 1 i32.eq if local.get 2 local.get 3 return end
                        local.get 0 i32.const 2 i32.eq if unreachable end
                        local.get 0 i32.const 3 i32.eq if i32.const 1 local.get 0 i32.const 3 i32.sub i32.div_s drop end
                        local.get 0 i32.const 4 i32.eq if local.get 2 i32.const 3 return_call $helper end
                        """);
            }
        }
        return b.append("local.get 3)\n(func (export \"exits\") (param i32 i32) (result i32 i64)"
                + " (call $exits (local.get 0) (local.get 1)))\n").toString();
    }

    private static String module(String... functions) {
        return "(module\n" + String.join("\n", functions) + ")";
    }

    private static final java.util.regex.Pattern INSTRUCTION = java.util.regex.Pattern.compile(
            "[a-z][a-z0-9_]*\\.[a-z0-9_.]+|block|loop|if|end|br|br_if|br_table|drop|return|unreachable|return_call");

    private static int instructions(String function) {
        int n = 0;
        for (String token : function.split("\\s+")) {
            n += INSTRUCTION.matcher(token).matches() ? 1 : 0;
        }
        return n;
    }

    @Test
    void generatedFunctionsAreOverAHundredThousandInstructions() {
        assertTrue(instructions(straightLine(6000)) > 100_000);
        assertTrue(instructions(nested(5000)) > 100_000);
        assertTrue(instructions(dispatch(40, 400)) > 100_000);
        assertTrue(instructions(exits(220, 60)) > 100_000);
    }

    @Test
    void straightLineCodeAcrossManyMethodsComputesWhatTheInterpreterComputes() {
        long splitBefore = JitStats.splitCount();
        Differential d = new Differential(module(straightLine(6000)));
        d.assertCompiled("straight");
        assertTrue(JitStats.splitCount() > splitBefore);
        assertMethodsUnderHugeLimit(d.jit, "straight");
        d.call("straight", i32(5), i64(-3));
        d.call("straight", i32(-123456), i64(Long.MAX_VALUE));
        d.call("straight", i32(3000), i64(77));
    }

    /**
     * A function HotSpot would compile as one method, but whose method would leave C2 little inlining
     * budget, is split into methods under the preferred size.
     */
    @Test
    void aMidSizeFunctionIsSplitUnderThePreferredMethodSize() {
        Differential d = new Differential(module(straightLine(60)));
        d.assertCompiled("straight");
        Class<?> owner = ((CompiledCode) ((WasmFunction) d.jit.function("straight")).entry).owner();
        Map<String, Integer> sizes = codeLengths(owner);
        int total = sizes.entrySet().stream().filter(e -> e.getKey().startsWith("f")).mapToInt(Map.Entry::getValue).sum();
        // Split, its methods add up to less than the limit: one method would be smaller still, and compiled.
        assertTrue(total < BytecodeSize.HUGE_METHOD_LIMIT, "the function should fit one compiled method: " + sizes);
        assertTrue(sizes.keySet().stream().filter(m -> m.startsWith("f")).count() > 1, "not split: " + sizes);
        sizes.forEach((method, size) -> assertTrue(size < BytecodeSize.PREFERRED_METHOD_LIMIT,
                method + " has " + size + " bytes"));
        d.call("straight", i32(5), i64(-3));
        d.call("straight", i32(3000), i64(77));
    }

    @Test
    void branchesWithValuesLeaveOutlinedRegionsToOuterLabels() {
        Differential d = new Differential(module(nested(5000)));
        d.assertCompiled("nested");
        assertMethodsUnderHugeLimit(d.jit, "nested");
        for (int level : new int[] {-1, 0, 1, 17, 1000, 2047, 2500, 3001, 4999}) {
            d.call("nested", i32(level));
        }
    }

    @Test
    void aLoopDispatchingWithBrTableRunsAndReturnsFromInsideAndChargesTheSameFuel() {
        Differential d = new Differential(module(dispatch(40, 400)), Engine.builder().fuel(1L << 40));
        d.assertCompiled("dispatch");
        assertMethodsUnderHugeLimit(d.jit, "dispatch");
        d.call("dispatch", i32(50));
        d.call("dispatch", i32(47));
        d.call("dispatch", i32(1));
        assertEquals(d.interp.remainingFuel(), d.jit.remainingFuel());
    }

    @Test
    void returnsTrapsAndTailCallsFromDeepInsideBehaveAsOnTheInterpreter() {
        Differential d = new Differential(module(exits(220, 60)));
        d.assertCompiled("exits");
        assertMethodsUnderHugeLimit(d.jit, "exits");
        d.call("exits", i32(0), i32(11));
        d.call("exits", i32(1), i32(11));
        assertEquals(2, d.call("exits", i32(2), i32(11)).backtrace().size());
        assertNotNull(d.call("exits", i32(3), i32(11)).trap());
        d.call("exits", i32(4), i32(11));
    }

    @Test
    void aLongLoopInAHugeFunctionIsEnteredByOnStackReplacement() {
        long before = JitStats.osrEntries();
        String wat = module(dispatch(40, 400));
        Instance inst;
        System.setProperty("jwasm.jit.eagerBytes", "0");
        try {
            inst = new Linker(Engine.builder().tier(Tier.AUTO).build()).instantiate(WasmModule.parseText(wat));
        } finally {
            System.clearProperty("jwasm.jit.eagerBytes");
        }
        // The same result as the JIT tier proper (which the other tests compare with the interpreter).
        Instance jit = new Linker(Engine.builder().tier(Tier.JIT).build()).instantiate(WasmModule.parseText(wat));
        int n = 400_000; // long enough for the background compilation to finish even on a loaded machine
        Value[] expected = jit.function("dispatch").call(i32(n));
        assertEquals(expected[0].asLong(), inst.function("dispatch").call(i32(n))[0].asLong());
        assertTrue(JitStats.osrEntries() > before, "no OSR entry happened");
    }

    /** Asserts every method of the generated class holding {@code name} has under 8000 bytes of bytecode. */
    private static void assertMethodsUnderHugeLimit(Instance inst, String name) {
        Class<?> owner = ((CompiledCode) ((WasmFunction) inst.function(name)).entry).owner();
        Map<String, Integer> sizes = codeLengths(owner);
        assertTrue(sizes.size() > 3, "the function should be split: " + sizes.keySet());
        sizes.forEach((method, size) -> assertTrue(size < 8000, method + " has " + size + " bytes"));
    }

    private static Map<String, Integer> codeLengths(Class<?> c) {
        byte[] bytes;
        try (InputStream in = c.getClassLoader().getResourceAsStream(c.getName().replace('.', '/') + ".class")) {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        ClassNode cls = new ClassNode();
        new ClassReader(bytes).accept(cls, 0);
        Map<String, Integer> sizes = new TreeMap<>();
        for (MethodNode m : cls.methods) {
            LabelNode end = new LabelNode();
            m.instructions.add(end);
            ClassWriter cw = new ClassWriter(0);
            cw.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, "Measured", null, "java/lang/Object", null);
            m.accept(cw);
            sizes.put(m.name, end.getLabel().getOffset());
        }
        return sizes;
    }
}
