package dev.jwasm.core.interp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jwasm.api.Engine;
import dev.jwasm.api.Instance;
import dev.jwasm.api.Linker;
import dev.jwasm.api.TrapKind;
import dev.jwasm.api.Value;
import dev.jwasm.api.WasmModule;
import dev.jwasm.api.WasmTrap;
import org.junit.jupiter.api.Test;

/** Interpreter behaviour on modules written in the text format (decoder, validator and text front end). */
class InterpreterTextTest {
    static Instance instantiate(String wat) {
        return new Linker(Engine.create()).instantiate(WasmModule.parseText(wat));
    }

    static int i32(Instance inst, String name, Value... args) {
        return inst.function(name).call(args)[0].asInt();
    }

    @Test
    void brOnNullAndBrOnNonNullBranchOnTheReference() {
        Instance inst = instantiate("""
                (module
                  (type $t (func (result i32)))
                  (func $seven (type $t) (i32.const 7))
                  (elem declare func $seven)
                  (func (export "onNull") (param i32) (result i32)
                    (block $isNull
                      (br_on_null $isNull (select (result (ref null $t)) (ref.func $seven) (ref.null $t) (local.get 0)))
                      (call_ref $t)
                      (return))
                    (i32.const -1))
                  (func (export "onNonNull") (param i32) (result i32)
                    (block $b (result (ref $t))
                      (br_on_non_null $b (select (result (ref null $t)) (ref.func $seven) (ref.null $t) (local.get 0)))
                      (return (i32.const -2)))
                    (call_ref $t))
                  (func (export "asNonNull") (result i32)
                    (call_ref $t (ref.as_non_null (ref.null $t)))))
                """);
        assertEquals(7, i32(inst, "onNull", Value.i32(1)));
        assertEquals(-1, i32(inst, "onNull", Value.i32(0)));
        assertEquals(7, i32(inst, "onNonNull", Value.i32(1)));
        assertEquals(-2, i32(inst, "onNonNull", Value.i32(0)));
        assertEquals(TrapKind.NULL_REFERENCE, assertThrows(WasmTrap.class, () -> i32(inst, "asNonNull")).kind());
    }

    @Test
    void tailCallsThroughReferencesAndTablesRunInConstantStack() {
        Instance inst = instantiate("""
                (module
                  (type $t (func (param i64) (result i64)))
                  (table 1 funcref)
                  (elem (i32.const 0) $viaTable)
                  (func $viaRef (type $t)
                    (if (result i64) (i64.eqz (local.get 0)) (then (i64.const 42))
                      (else (return_call_indirect (type $t) (i64.sub (local.get 0) (i64.const 1)) (i32.const 0)))))
                  (func $viaTable (type $t)
                    (return_call_ref $t (local.get 0) (ref.func $viaRef)))
                  (elem declare func $viaRef)
                  (func (export "run") (param i64) (result i64) (call $viaRef (local.get 0))))
                """);
        assertEquals(42, inst.function("run").call(Value.i64(500_000))[0].asLong());
    }

    @Test
    void tableInstructionsGrowFillCopyAndReadReferences() {
        Instance inst = instantiate("""
                (module
                  (table $t (export "t") 2 10 externref)
                  (func (export "grow") (param externref i32) (result i32) (table.grow $t (local.get 0) (local.get 1)))
                  (func (export "size") (result i32) (table.size $t))
                  (func (export "fill") (param i32 externref i32) (table.fill $t (local.get 0) (local.get 1) (local.get 2)))
                  (func (export "copy") (param i32 i32 i32) (table.copy $t $t (local.get 0) (local.get 1) (local.get 2)))
                  (func (export "get") (param i32) (result externref) (table.get $t (local.get 0))))
                """);
        Object token = new Object();
        assertEquals(2, i32(inst, "grow", Value.externref(token), Value.i32(3)));
        assertEquals(-1, i32(inst, "grow", Value.externref(null), Value.i32(6)));
        assertEquals(5, i32(inst, "size"));
        inst.function("fill").call(Value.i32(0), Value.externref("x"), Value.i32(1));
        inst.function("copy").call(Value.i32(1), Value.i32(0), Value.i32(1));
        assertEquals("x", inst.function("get").call(Value.i32(1))[0].ref());
        assertSame(token, inst.function("get").call(Value.i32(4))[0].ref());
        assertEquals("x", inst.table("t").get(1));
        assertEquals(TrapKind.OUT_OF_BOUNDS_TABLE_ACCESS,
                assertThrows(WasmTrap.class, () -> inst.function("get").call(Value.i32(5))).kind());
    }

    @Test
    void multipleMemoriesAreAddressedIndependently() {
        Instance inst = instantiate("""
                (module
                  (memory $a 1)
                  (memory $b 1)
                  (data (memory $b) (i32.const 0) "\\2a")
                  (func (export "copyBtoA") (memory.copy $a $b (i32.const 100) (i32.const 0) (i32.const 1)))
                  (func (export "loadA") (param i32) (result i32) (i32.load8_u $a (local.get 0)))
                  (func (export "sizeB") (result i32) (memory.grow $b (i32.const 1))))
                """);
        assertEquals(0, i32(inst, "loadA", Value.i32(100)));
        inst.function("copyBtoA").call();
        assertEquals(42, i32(inst, "loadA", Value.i32(100)));
        assertEquals(1, i32(inst, "sizeB"));
        assertEquals(2, inst.memory(1).orElseThrow().pages());
        assertEquals(1, inst.memory(0).orElseThrow().pages());
    }

    @Test
    void floatOperationsPreserveNaNPayloadBitsWhereTheSpecSaysSo() {
        Instance inst = instantiate("""
                (module
                  (func (export "neg") (param f32) (result f32) (f32.neg (local.get 0)))
                  (func (export "roundTrip") (param f64) (result f64)
                    (f64.reinterpret_i64 (i64.reinterpret_f64 (local.get 0)))))
                """);
        assertEquals(0xFFA0_0001, inst.function("neg").call(Value.f32Bits(0x7FA0_0001))[0].asInt());
        assertEquals(0x7FF0_0000_0000_0001L, inst.function("roundTrip").call(Value.f64Bits(0x7FF0_0000_0000_0001L))[0].bits());
    }

    @Test
    void unsupportedProposalsFailWithAClearError() {
        Instance inst = instantiate("""
                (module (func (export "simd") (result i32) (i32x4.extract_lane 0 (v128.const i32x4 1 2 3 4))))
                """);
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                () -> inst.function("simd").call());
        assertEquals(true, e.getMessage().startsWith("SIMD"), e.getMessage());
    }
}
