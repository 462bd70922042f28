package dev.jwasm.jit.aot;

import dev.jwasm.api.WasmModule;

/** Small modules for the ahead-of-time tests, as binaries. */
final class AotModules {
    /**
     * Indirect calls (whose signature check reads canonical type ids), a global, memory and a loop: {@code run(n)}
     * returns sum over i < n of (i odd ? i*3 : i+7), computed through a table.
     */
    static final String INDIRECT = """
            (module
              (type $unary (func (param i32) (result i32)))
              (type $other (func (param i64 f32) (result f64)))
              (table 2 funcref)
              (elem (i32.const 0) $plus7 $times3)
              (memory 1)
              (global $calls (mut i32) (i32.const 0))
              (func $plus7 (type $unary) (i32.add (local.get 0) (i32.const 7)))
              (func $times3 (type $unary) (i32.mul (local.get 0) (i32.const 3)))
              (func (export "calls") (result i32) (global.get $calls))
              (func (export "run") (param $n i32) (result i32) (local $i i32) (local $sum i32)
                (block $done
                  (loop $next
                    (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
                    (global.set $calls (i32.add (global.get $calls) (i32.const 1)))
                    (i32.store (i32.const 16) (call_indirect (type $unary) (local.get $i)
                        (i32.and (local.get $i) (i32.const 1))))
                    (local.set $sum (i32.add (local.get $sum) (i32.load (i32.const 16))))
                    (local.set $i (i32.add (local.get $i) (i32.const 1)))
                    (br $next)))
                (local.get $sum))
              (func (export "wrongType") (result i32)
                (call_indirect (type $other) (i64.const 1) (f32.const 2) (i32.const 0)) (drop) (i32.const 0)))
            """;

    private AotModules() {
    }

    static byte[] binary(String wat) {
        return WasmModule.parseText(wat).decoded().bytes();
    }

    /** The value {@code run(n)} of {@link #INDIRECT} must return. */
    static int expectedRun(int n) {
        int sum = 0;
        for (int i = 0; i < n; i++) {
            sum += (i & 1) == 1 ? i * 3 : i + 7;
        }
        return sum;
    }
}
