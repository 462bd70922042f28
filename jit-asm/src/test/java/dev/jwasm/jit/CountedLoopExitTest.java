package dev.jwasm.jit;

import static dev.jwasm.jit.Differential.i32;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Loops whose exit test the JIT emits as a signed comparison (see {@code CountedLoops}), and loops of the same
 * shape whose constants rule it out, compared with the interpreter: each counts its iterations and sums its
 * variable's values, up to a cap that ends a loop a signed test would get wrong.
 */
class CountedLoopExitTest {
    private static final String WAT = """
            (module
              %s)
            """;

    /** A loop from constant {@code from} by {@code step} with exit test {@code compare} against {@code limit}. */
    private static String loop(String name, int from, int step, String compare, int limit) {
        return """
                (func (export "%s") (param $cap i32) (result i32)
                  (local $i i32) (local $n i32) (local $sum i32)
                  (local.set $i (i32.const %d))
                  (loop $l
                    (local.set $n (i32.add (local.get $n) (i32.const 1)))
                    (local.set $sum (i32.add (local.get $sum) (local.get $i)))
                    (if (i32.ge_u (local.get $n) (local.get $cap)) (then (return (i32.sub (i32.const 0) (local.get $n)))))
                    (br_if $l (%s (local.tee $i (i32.add (local.get $i) (i32.const %d))) (i32.const %d))))
                  (i32.add (i32.mul (local.get $n) (i32.const 1000003)) (local.get $sum)))
                """.formatted(name, from, compare, step, limit);
    }

    /**
     * The same loop with its start and bound as parameters, so the JIT emits it twice and chooses on entry;
     * {@code boundFirst} compares as clang does for {@code !=}, the bound first.
     */
    private static String guardedLoop(String name, int step, String compare, boolean boundFirst) {
        String next = "(local.tee $i (i32.add (local.get $i) (i32.const " + step + ")))";
        String test = boundFirst ? "(" + compare + " (local.get $limit) " + next + ")"
                : "(" + compare + " " + next + " (local.get $limit))";
        return """
                (func (export "%s") (param $cap i32) (param $from i32) (param $limit i32) (result i32)
                  (local $i i32) (local $n i32) (local $sum i32)
                  (local.set $i (local.get $from))
                  (loop $l
                    (local.set $n (i32.add (local.get $n) (i32.const 1)))
                    (local.set $sum (i32.add (local.get $sum) (local.get $i)))
                    (if (i32.ge_u (local.get $n) (local.get $cap)) (then (return (i32.sub (i32.const 0) (local.get $n)))))
                    (br_if $l %s))
                  (i32.add (i32.mul (local.get $n) (i32.const 1000003)) (local.get $sum)))
                """.formatted(name, test);
    }

    @Test
    void loopsChosenOnEntryGiveTheSameIterationsAsTheInterpreter() {
        Differential d = new Differential(WAT.formatted(String.join("\n",
                guardedLoop("ne", 4, "i32.ne", false),
                guardedLoop("neBoundFirst", 2, "i32.ne", true),
                guardedLoop("neDown", -8, "i32.ne", false),
                guardedLoop("ltU", 16, "i32.lt_u", false),
                guardedLoop("leU", 5, "i32.le_u", false),
                guardedLoop("gtU", -4, "i32.gt_u", false),
                guardedLoop("geU", -3, "i32.ge_u", false))));
        // Start and bound pairs on both sides of each rule: multiples and not, ahead and behind, values whose
        // sequence crosses 2^31 or wraps.
        int[][] cases = {{0, 256}, {0, 250}, {300, 256}, {256, 256}, {-8, 1000}, {-16, 1000}, {0, 0}, {0, 1},
            {0x7FFF_FF00, 0x7FFF_FFF0}, {100, 3}, {100, 4}, {10, 1}, {Integer.MIN_VALUE, Integer.MIN_VALUE + 64},
            {-100, -20}, {5, -100}};
        for (String f : new String[] {"ne", "neBoundFirst", "neDown", "ltU", "leU", "gtU", "geU"}) {
            d.assertCompiled(f);
            for (int[] c : cases) {
                d.call(f, i32(100_000), i32(c[0]), i32(c[1]));
            }
        }
        // The expected counts themselves: the signed copy's (64 iterations), the written one's (to the cap).
        assertEquals(64 * 1000003 + 4 * (63 * 64 / 2), d.call("ne", i32(100_000), i32(0), i32(256)).results().get(0)
                .asInt());
        assertEquals(-100_000, d.call("ne", i32(100_000), i32(0), i32(250)).results().get(0).asInt());
        assertEquals(125 * 1000003 + 2 * (124 * 125 / 2), d.call("neBoundFirst", i32(100_000), i32(0), i32(250))
                .results().get(0).asInt());
    }

    @Test
    void exitTestsGiveTheSameIterationsAsTheInterpreter() {
        String funcs = String.join("\n",
                loop("ne", 0, 4, "i32.ne", 256), // counted: 64 iterations
                loop("neDown", 256, -8, "i32.ne", 0), // counted: 32 iterations
                loop("neSkips", 0, 3, "i32.ne", 256), // never meets 256 before wrapping: runs to the cap
                loop("ltU", -8, 16, "i32.lt_u", 1000), // counted: values 8, 24, ...
                loop("ltUWraps", -16, 8, "i32.lt_u", 1000), // first value -8 is 2^32 - 8 unsigned: one iteration
                loop("leU", 0, 5, "i32.le_u", 100),
                loop("gtU", 100, -4, "i32.gt_u", 3),
                loop("gtUWraps", 10, -4, "i32.gt_u", 1), // 6, 2, then -2: huge unsigned, runs to the cap
                loop("geU", 100, -3, "i32.ge_u", 4),
                loop("ltUNearMax", 0x7FFF_FF00, 0x40, "i32.lt_u", 0x7FFF_FFF0)); // steps past 2^31
        Differential d = new Differential(WAT.formatted(funcs));
        for (String f : new String[] {"ne", "neDown", "neSkips", "ltU", "ltUWraps", "leU", "gtU", "gtUWraps", "geU",
                "ltUNearMax"}) {
            d.assertCompiled(f);
            d.call(f, i32(100_000));
        }
        // The expected counts themselves, so that a change to both tiers cannot pass unnoticed.
        assertEquals(64 * 1000003 + 4 * (63 * 64 / 2), d.call("ne", i32(100_000)).results().get(0).asInt());
        assertEquals(-100_000, d.call("neSkips", i32(100_000)).results().get(0).asInt());
        assertEquals(1000003 - 16, d.call("ltUWraps", i32(100_000)).results().get(0).asInt());
        assertEquals(-100_000, d.call("gtUWraps", i32(100_000)).results().get(0).asInt());
    }
}
