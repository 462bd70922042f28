package dev.jwasm.jit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwasm.api.Engine;
import dev.jwasm.api.Instance;
import dev.jwasm.api.Linker;
import dev.jwasm.api.Tier;
import dev.jwasm.api.Value;
import dev.jwasm.api.WasmModule;
import dev.jwasm.core.model.FuncType;
import dev.jwasm.core.model.ValType;
import dev.jwasm.jit.emit.BytecodeSize;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/** call_indirect dispatches directly to compiled functions and generically to everything else. */
class IndirectDispatchTest {
    @Test
    void indirectCallsReachOwnHostAndOtherInstancesFunctions() {
        Engine engine = Engine.builder().tier(Tier.JIT).build();
        Instance lib = new Linker(engine).instantiate(WasmModule.parseText(
                "(module (func (export \"sq\") (param i64) (result i64) (i64.mul (local.get 0) (local.get 0))))"));
        FuncType t = FuncType.of(List.of(ValType.I64), List.of(ValType.I64));
        Instance inst = new Linker(engine)
                .defineFunction("env", "neg", t, (caller, args) -> new Value[] {Value.i64(-args[0].asLong())})
                .define("lib", "sq", lib.function("sq"))
                .instantiate(WasmModule.parseText("""
                        (module
                          (type $t (func (param i64) (result i64)))
                          (type $m (func (param i32) (result i32 i64)))
                          (import "env" "neg" (func $neg (type $t)))
                          (import "lib" "sq" (func $sq (type $t)))
                          (table funcref (elem $neg $sq $inc $pair))
                          (func $inc (type $t) (i64.add (local.get 0) (i64.const 1)))
                          (func $pair (type $m) (local.get 0) (i64.const 9))
                          (func (export "apply") (param i32 i64) (result i64)
                            (call_indirect (type $t) (local.get 1) (local.get 0)))
                          (func (export "pair") (param i32) (result i64) (local i64)
                            (call_indirect (type $m) (i32.const 5) (local.get 0))
                            (local.set 1) (i64.extend_i32_s) (local.get 1) (i64.add)))
                        """));
        assertEquals(-5, inst.function("apply").call(Value.i32(0), Value.i64(5))[0].asLong());
        assertEquals(25, inst.function("apply").call(Value.i32(1), Value.i64(5))[0].asLong());
        assertEquals(6, inst.function("apply").call(Value.i32(2), Value.i64(5))[0].asLong());
        assertEquals(14, inst.function("pair").call(Value.i32(3))[0].asLong());
    }

    /**
     * Every case of a dispatcher loads all parameters, the context, slot index and call budget: with many
     * functions of a type with many parameters the cases are limited so that HotSpot still compiles it.
     */
    @Test
    void dispatchersOfManyFunctionsWithManyParametersStayUnderTheHugeMethodLimit() {
        for (int params : new int[] {1, 12, 40, 120}) {
            StringBuilder wat = new StringBuilder("(module (type $t (func (param" + " i64".repeat(params)
                    + ") (result i64))) (table 300 funcref)");
            for (int f = 0; f < 250; f++) {
                wat.append("(func (type $t) (i64.add (local.get 0) (i64.const ").append(f).append(")))");
            }
            wat.append("(func (export \"call\") (param i32) (result i64) (call_indirect (type $t)")
                    .append(" (i64.const 1)".repeat(params)).append(" (local.get 0))))");
            GeneratedCode code = ModuleCompiler.generate(WasmModule.parseText(wat.toString()).decoded(), "test/D");
            int dispatchers = 0;
            for (byte[] bytes : code.classes().values()) {
                ClassNode c = new ClassNode();
                new ClassReader(bytes).accept(c, 0);
                for (MethodNode m : c.methods) {
                    if (m.name.startsWith("d")) {
                        dispatchers++;
                        assertTrue(BytecodeSize.of(m) < BytecodeSize.HUGE_METHOD_LIMIT,
                                params + " parameters: " + m.name + " has " + BytecodeSize.of(m) + " bytes");
                    }
                }
            }
            assertEquals(1, dispatchers, params + " parameters");
        }
    }
}
