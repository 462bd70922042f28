package dev.jwasm.jit;

import static dev.jwasm.jit.Differential.i32;
import static dev.jwasm.jit.Differential.i64;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Blocks, loops, branches with values, br_table, select and multi-value blocks agree with the interpreter. */
class ControlFlowTest {
    private static final Differential D = new Differential("""
            (module
              (func (export "sum") (param i32) (result i32) (local i32)
                (block (loop
                  (local.set 1 (i32.add (local.get 1) (local.get 0)))
                  (local.set 0 (i32.sub (local.get 0) (i32.const 1)))
                  (br_if 1 (i32.eqz (local.get 0)))
                  (br 0)))
                (local.get 1))
              (func (export "br-drops-values") (result i32)
                (block (result i32) (i32.const 1) (i64.const 2) (i32.const 42) (br 0)))
              (func (export "br-if-keeps-values") (param i32) (result i64)
                (block (result i64) (i32.const 7) (drop) (f64.const 1) (drop)
                  (i64.const 5) (i64.const 9) (br_if 0 (local.get 0)) (i64.add)))
              (func (export "br-table") (param i32) (result i32)
                (block (block (block (block (br_table 0 1 2 3 (local.get 0)))
                  (return (i32.const 10))) (return (i32.const 20))) (return (i32.const 30)))
                (i32.const 40))
              (func (export "br-table-values") (param i32) (result i64)
                (block (result i64) (i32.const 3) (drop)
                  (block (result i64) (i64.const 100) (i64.const 200) (drop)
                    (br_table 0 1 (local.get 0)))
                  (i64.const 1) (i64.add)))
              (func (export "select-i64") (param i32) (result i64)
                (select (i64.const 11) (i64.const 22) (local.get 0)))
              (func (export "select-i32") (param i32) (result i32)
                (select (i32.const 11) (i32.const 22) (local.get 0)))
              (func (export "multi") (param i32) (result i32 i64 i32)
                (if (result i32 i64 i32) (local.get 0)
                  (then (i32.const 1) (i64.const 2) (i32.const 3))
                  (else (i32.const 4) (i64.const 5) (i32.const 6))))
              (func $swap (param i32 i64) (result i64 i32) (local.get 1) (local.get 0))
              (func (export "call-multi") (result i64)
                (call $swap (i32.const 3) (i64.const 4)) (i64.extend_i32_u) (i64.add))
              (func (export "block-params") (param i32) (result i32)
                (local.get 0) (block (param i32) (result i32) (i32.const 2) (i32.mul)))
              (func (export "loop-params") (param i32) (result i32)
                (i32.const 0) (loop (param i32) (result i32)
                  (local.get 0) (i32.add)
                  (local.set 0 (i32.sub (local.get 0) (i32.const 1)))
                  (br_if 0 (local.get 0))))
              (func (export "if-no-else") (param i32) (result i32) (local i32)
                (if (local.get 0) (then (local.set 1 (i32.const 9)))) (local.get 1))
              (func (export "dead-code") (result i32)
                (block (result i32) (i32.const 1) (br 0) (i32.add) (unreachable) (block (loop)) (i32.const 0)))
              (func (export "unreachable") (unreachable))
              (func (export "return-from-loop") (param i32) (result i32)
                (loop (result i32) (i32.const 5) (local.get 0) (br_if 1) (drop) (i32.const 6) (return)))
              (func (export "nested-if") (param i32 i32) (result i32)
                (if (result i32) (local.get 0)
                  (then (if (result i32) (local.get 1) (then (i32.const 1)) (else (i32.const 2))))
                  (else (i32.const 3))))
            )
            """);

    @ParameterizedTest(name = "loop with br_if summing 1..{0}")
    @ValueSource(ints = {1, 10, 1000})
    void loopsAndConditionalBranchesCompute(int n) {
        D.assertCompiled("sum");
        assertEquals(n * (n + 1) / 2, D.call("sum", i32(n)).results().get(0).asInt());
    }

    @Test
    void branchesDropValuesUnderTheirResults() {
        assertEquals(42, D.call("br-drops-values").results().get(0).asInt());
        assertEquals(9, D.call("br-if-keeps-values", i32(1)).results().get(0).asLong());
        assertEquals(14, D.call("br-if-keeps-values", i32(0)).results().get(0).asLong());
    }

    @ParameterizedTest(name = "br_table index {0}")
    @ValueSource(ints = {0, 1, 2, 3, 4, 100, -1})
    void brTableSelectsTargetsAndClampsToTheDefault(int index) {
        D.call("br-table", i32(index));
        D.call("br-table-values", i32(index));
    }

    @ParameterizedTest(name = "select and if on condition {0}")
    @ValueSource(ints = {0, 1, -5})
    void selectAndMultiValueIfAgree(int cond) {
        D.call("select-i64", i32(cond));
        D.call("select-i32", i32(cond));
        D.call("multi", i32(cond));
        D.call("if-no-else", i32(cond));
        D.call("return-from-loop", i32(cond));
        D.call("nested-if", i32(cond), i32(0));
        D.call("nested-if", i32(cond), i32(1));
    }

    @Test
    void multiValueResultsTravelThroughCallsAndBlocks() {
        assertEquals(List.of(i32(1), i64(2), i32(3)), D.call("multi", i32(1)).results());
        assertEquals(7, D.call("call-multi").results().get(0).asLong());
        assertEquals(42, D.call("block-params", i32(21)).results().get(0).asInt());
        assertEquals(15, D.call("loop-params", i32(5)).results().get(0).asInt());
    }

    @Test
    void unreachableCodeIsSkippedAndUnreachableTraps() {
        assertEquals(1, D.call("dead-code").results().get(0).asInt());
        assertEquals("UNREACHABLE: unreachable", D.call("unreachable").trap());
    }
}
