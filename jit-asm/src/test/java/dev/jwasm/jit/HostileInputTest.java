package dev.jwasm.jit;

import static dev.jwasm.jit.Differential.i32;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jwasm.api.Value;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Shapes that stress the compiler rather than the program: deep nesting, many locals, wide branches. */
class HostileInputTest {
    @Test
    void deeplyNestedBlocksCompileAndBranchOutward() {
        int depth = 500;
        StringBuilder wat = new StringBuilder("(module (func (export \"f\") (param i32) (result i32)\n");
        wat.append("(block (result i32) ".repeat(depth));
        wat.append("(br_table 0 ").append(depth / 2).append(" ").append(depth - 1).append(" (i32.const 7) (local.get 0))");
        wat.append(")".repeat(depth)).append("))");
        Differential d = new Differential(wat.toString());
        d.assertCompiled("f");
        for (int i = -1; i < 4; i++) {
            assertEquals(7, d.call("f", i32(i)).results().get(0).asInt());
        }
    }

    @Test
    void tensOfThousandsOfLocalsFallBackOrCompileButAgree() {
        Differential d = new Differential("(module (func (export \"f\") (param i32) (result i64) (local i64 i32 f64)"
                + " (local" + " i64".repeat(30_000) + ")"
                + " (local.set 30003 (i64.extend_i32_u (local.get 0))) (local.get 30003)))");
        d.call("f", i32(-1));
    }

    /** Each local set from the previous one: demoting lazy float locals one per pass would be quadratic. */
    @Test
    @Timeout(30)
    void aLongChainOfFloatLocalsCompilesInBoundedPassesAndKeepsNanPayloads() {
        int n = 5000;
        StringBuilder wat = new StringBuilder("(module (func (export \"f\") (param f64) (result i64) (local");
        wat.append(" f64".repeat(n)).append(")\n(local.set 1 (local.get 0))\n");
        for (int i = 2; i <= n; i++) {
            wat.append("(local.set ").append(i).append(" (local.get ").append(i - 1).append("))\n");
        }
        wat.append("(i64.reinterpret_f64 (local.get ").append(n).append("))))");
        Differential d = new Differential(wat.toString());
        d.assertCompiled("f");
        long snan = 0x7FF0_0000_0000_0001L;
        assertEquals(snan, d.call("f", Value.f64Bits(snan)).results().get(0).asLong());
    }

    @Test
    void aBranchTableWithManyTargetsCompiles() {
        StringBuilder targets = new StringBuilder();
        for (int i = 0; i < 5000; i++) {
            targets.append(i % 3).append(' ');
        }
        Differential d = new Differential("(module (func (export \"f\") (param i32) (result i32)"
                + "(block (block (block (br_table " + targets + "2 (local.get 0))) (return (i32.const 10)))"
                + "(return (i32.const 11))) (i32.const 12)))");
        d.assertCompiled("f");
        for (int i : new int[] {0, 1, 2, 4999, 5000, -1}) {
            d.call("f", i32(i));
        }
    }
}
