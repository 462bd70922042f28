package dev.jwasm.jit;

import static dev.jwasm.jit.Differential.i32;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Tables, references and globals agree with the interpreter. */
class TableAndReferenceTest {
    private static final Differential D = new Differential("""
            (module
              (type $v (func (result i32)))
              (table $t 2 10 funcref)
              (table $e 2 externref)
              (global $g (mut i32) (i32.const 5))
              (global $h (mut i64) (i64.const -5))
              (global $r (mut funcref) (ref.null func))
              (func $one (type $v) (i32.const 1))
              (func $two (type $v) (i32.const 2))
              (elem $seg func $one $two)
              (elem declare func $one)
              (func (export "init-and-call") (param i32) (result i32)
                (table.init $t $seg (i32.const 0) (i32.const 0) (i32.const 2))
                (call_indirect $t (type $v) (local.get 0)))
              (func (export "get-is-null") (param i32) (result i32) (ref.is_null (table.get $t (local.get 0))))
              (func (export "set") (param i32) (table.set $t (local.get 0) (ref.func $one)))
              (func (export "grow") (param i32) (result i32) (table.grow $t (ref.null func) (local.get 0)))
              (func (export "size") (result i32) (table.size $t))
              (func (export "fill") (param i32 i32) (table.fill $t (local.get 0) (ref.func $two) (local.get 1)))
              (func (export "copy") (param i32 i32 i32) (table.copy $t $t (local.get 0) (local.get 1) (local.get 2)))
              (func (export "drop") (elem.drop $seg))
              (func (export "globals") (result i32 i64)
                (global.set $g (i32.add (global.get $g) (i32.const 1)))
                (global.set $h (i64.mul (global.get $h) (i64.const 2)))
                (global.get $g) (global.get $h))
              (func (export "ref-global") (result i32)
                (global.set $r (ref.func $one))
                (ref.is_null (global.get $r)))
              (func (export "ref-eq") (result i32) (ref.eq (ref.null eq) (ref.null eq)))
              (func (export "as-non-null") (param i32) (result i32)
                (call_indirect $t (type $v) (i32.const 0))
                (drop (ref.as_non_null (table.get $t (local.get 0)))))
              (func (export "br-on-null") (param i32) (result i32)
                (block $null (result i32)
                  (br_on_null $null (i32.const 7) (table.get $t (local.get 0)))
                  (drop) (drop) (i32.const 9)))
              (func (export "br-on-non-null") (param i32) (result i32)
                (block $nn (result funcref)
                  (br_on_non_null $nn (table.get $t (local.get 0)))
                  (return (i32.const -1)))
                (ref.is_null))
              (func (export "extern") (param externref) (result i32)
                (table.set $e (i32.const 1) (local.get 0))
                (ref.is_null (table.get $e (i32.const 1))))
            )
            """);

    @ParameterizedTest(name = "table index {0}")
    @ValueSource(ints = {0, 1, 2, 9, 10, -1})
    void tableInstructionsAgreeIncludingOutOfBounds(int index) {
        D.assertCompiled("init-and-call");
        D.call("init-and-call", i32(index));
        D.call("get-is-null", i32(index));
        D.call("set", i32(index));
        D.call("get-is-null", i32(index));
        D.call("br-on-null", i32(index));
        D.call("br-on-non-null", i32(index));
        D.call("as-non-null", i32(index));
    }

    @Test
    void tablesGrowFillCopyAndDropSegments() {
        D.call("grow", i32(3));
        D.call("size");
        D.call("fill", i32(1), i32(3));
        D.call("fill", i32(4), i32(10));
        D.call("copy", i32(0), i32(1), i32(4));
        D.call("copy", i32(0), i32(1), i32(40));
        D.call("grow", i32(100));
        D.call("drop");
        assertEquals("OUT_OF_BOUNDS_TABLE_ACCESS: out of bounds table access", D.call("init-and-call", i32(0)).trap());
    }

    @Test
    void globalsAndReferencesAgree() {
        D.call("globals");
        D.call("globals");
        assertEquals(0, D.call("ref-global").results().get(0).asInt());
        assertEquals(1, D.call("ref-eq").results().get(0).asInt());
        D.call("extern", dev.jwasm.api.Value.externref("x"));
        D.call("extern", dev.jwasm.api.Value.externref(null));
    }
}
