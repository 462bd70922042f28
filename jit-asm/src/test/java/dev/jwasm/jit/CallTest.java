package dev.jwasm.jit;

import static dev.jwasm.jit.Differential.i32;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jwasm.api.Engine;
import dev.jwasm.api.Instance;
import dev.jwasm.api.Linker;
import dev.jwasm.api.Tier;
import dev.jwasm.api.Value;
import dev.jwasm.api.WasmModule;
import dev.jwasm.api.WasmTrap;
import dev.jwasm.core.model.FuncType;
import dev.jwasm.core.model.ValType;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Direct, imported, indirect and reference calls; traps with messages and wasm backtraces. */
class CallTest {
    private static final Differential D = new Differential("""
            (module
              (type $ii (func (param i32) (result i32)))
              (type $v (func))
              (table 4 funcref)
              (elem (i32.const 0) $double $triple $noop)
              (func $double (type $ii) (i32.mul (local.get 0) (i32.const 2)))
              (func $triple (type $ii) (i32.mul (local.get 0) (i32.const 3)))
              (func $noop (type $v))
              (func (export "indirect") (param i32 i32) (result i32)
                (call_indirect (type $ii) (local.get 1) (local.get 0)))
              (func (export "call-ref") (param i32) (result i32)
                (call_ref $ii (local.get 0) (ref.func $triple)))
              (func (export "call-null-ref") (result i32)
                (call_ref $ii (i32.const 1) (ref.null $ii)))
              (func $inner (param i32) (result i32) (i32.div_s (i32.const 1) (local.get 0)))
              (func $middle (param i32) (result i32) (call $inner (local.get 0)))
              (func (export "outer") (param i32) (result i32) (call $middle (local.get 0)))
              (func $runaway (export "runaway") (call $runaway))
              (func $deep (export "deep") (param i32) (result i32)
                (if (result i32) (i32.eqz (local.get 0)) (then (i32.const 0))
                  (else (i32.add (i32.const 1) (call $deep (i32.sub (local.get 0) (i32.const 1)))))))
            )
            """);

    @ParameterizedTest(name = "call_indirect with table index {0}")
    @ValueSource(ints = {0, 1, 2, 3, 4, -1})
    void callIndirectChecksBoundsNullsAndSignatures(int index) {
        D.assertCompiled("indirect");
        D.call("indirect", i32(index), i32(7));
    }

    @Test
    void callIndirectReportsTheSameTrapsAsTheInterpreter() {
        assertEquals("INDIRECT_CALL_TYPE_MISMATCH: indirect call type mismatch",
                D.call("indirect", i32(2), i32(1)).trap());
        assertEquals("UNINITIALIZED_ELEMENT: uninitialized element 3", D.call("indirect", i32(3), i32(1)).trap());
        assertEquals("UNDEFINED_ELEMENT: undefined element 4", D.call("indirect", i32(4), i32(1)).trap());
    }

    @Test
    void callRefCallsTheReferencedFunctionAndTrapsOnNull() {
        assertEquals(15, D.call("call-ref", i32(5)).results().get(0).asInt());
        assertEquals("NULL_FUNCTION_REFERENCE: null function reference", D.call("call-null-ref").trap());
    }

    @Test
    void trapsCarryTheSameBacktraceAsTheInterpreter() {
        Differential.Outcome o = D.call("outer", i32(0));
        assertEquals("INTEGER_DIVIDE_BY_ZERO: integer divide by zero", o.trap());
        assertEquals(3, o.backtrace().size(), o.backtrace().toString());
        assertEquals(true, o.backtrace().get(0).contains("inner"), o.backtrace().toString());
        assertEquals(true, o.backtrace().get(1).contains("middle"), o.backtrace().toString());
    }

    /**
     * Compiled functions record their frame only as a trap unwinds through them: a frame left behind by an
     * earlier, deeper call that returned must not show up, and a function with too many locals for that
     * (recording on entry instead) must appear in the same place.
     */
    @Test
    void backtracesAfterDeeperCallsReturnedAndThroughEagerFramesMatchTheInterpreter() {
        String manyLocals = " i64".repeat(600);
        Differential d = new Differential("""
                (module
                  (func $deep (param i32) (result i32)
                    (if (result i32) (i32.eqz (local.get 0)) (then (i32.const 0))
                      (else (call $deep (i32.sub (local.get 0) (i32.const 1))))))
                  (func $inner (param i32) (result i32) (i32.div_u (i32.const 1) (local.get 0)))
                  (func $wide (param i32) (result i32) (local%s)
                    (drop (call $deep (i32.const 20)))
                    (call $inner (local.get 0)))
                  (func (export "outer") (param i32) (result i32)
                    (drop (call $deep (i32.const 50)))
                    (call $wide (local.get 0)))
                )
                """.formatted(manyLocals));
        d.assertCompiled("outer");
        Differential.Outcome o = d.call("outer", i32(0));
        assertEquals("INTEGER_DIVIDE_BY_ZERO: integer divide by zero", o.trap());
        assertEquals(3, o.backtrace().size(), o.backtrace().toString());
        assertEquals(true, o.backtrace().get(0).contains("inner"), o.backtrace().toString());
        assertEquals(true, o.backtrace().get(1).contains("wide"), o.backtrace().toString());
        assertEquals(1, d.call("outer", i32(1)).results().get(0).asInt());
    }

    @Test
    void theCallDepthLimitTrapsAtTheSameDepthAsTheInterpreter() {
        Differential d = new Differential("""
                (module
                  (func $down (export "down") (param i32) (result i32)
                    (if (result i32) (i32.eqz (local.get 0)) (then (i32.const 7))
                      (else (call $down (i32.sub (local.get 0) (i32.const 1)))))))
                """, Engine.builder().maxCallDepth(100));
        assertEquals(7, d.call("down", i32(99)).results().get(0).asInt());
        assertEquals("CALL_STACK_EXHAUSTED: call stack exhausted", d.call("down", i32(100)).trap());
    }

    @Test
    void runawayRecursionIsCallStackExhausted() {
        assertEquals("CALL_STACK_EXHAUSTED: call stack exhausted", D.call("runaway").trap());
    }

    @Test
    void deepButBoundedRecursionSucceeds() {
        assertEquals(5000, D.jit.function("deep").call(i32(5000))[0].asInt());
    }

    @Test
    void javaStackOverflowInCompiledCodeBecomesCallStackExhausted() throws Exception {
        WasmModule m = WasmModule.parseText("(module (func $r (export \"r\") (call $r)))");
        Instance inst = new Linker(Engine.builder().tier(Tier.JIT).maxCallDepth(Integer.MAX_VALUE).build())
                .instantiate(m);
        Thread t = new Thread(null, () -> {
            try {
                inst.function("r").call();
            } catch (WasmTrap trap) {
                thrown[0] = trap;
            }
        }, "small-stack", 256 * 1024);
        t.start();
        t.join();
        assertEquals("call stack exhausted", thrown[0].getMessage());
    }

    private final WasmTrap[] thrown = new WasmTrap[1];

    @Test
    void importedHostFunctionsAreCalledWithArgumentsAndResults() {
        WasmModule m = WasmModule.parseText("""
                (module (import "env" "add" (func $add (param i32 i64) (result i64)))
                  (func (export "f") (param i32) (result i64) (call $add (local.get 0) (i64.const 40))))
                """);
        FuncType t = FuncType.of(List.of(ValType.I32, ValType.I64), List.of(ValType.I64));
        Instance inst = new Linker(Engine.builder().tier(Tier.JIT).build())
                .defineFunction("env", "add", t, (caller, args) -> new Value[] {
                    Value.i64(args[0].asInt() + args[1].asLong())})
                .instantiate(m);
        assertEquals(42, inst.function("f").call(Value.i32(2))[0].asLong());
    }
}
