package dev.jwasm.core.interp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jwasm.api.Engine;
import dev.jwasm.api.Instance;
import dev.jwasm.api.Linker;
import dev.jwasm.api.TrapKind;
import dev.jwasm.api.Value;
import dev.jwasm.api.WasmTrap;
import dev.jwasm.core.model.FuncType;
import dev.jwasm.core.model.ValType;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InterpreterTest {
    static final ValType I32 = ValType.I32;
    static final ValType I64 = ValType.I64;
    static final FuncType I_I = FuncType.of(List.of(I32), List.of(I32));
    static final FuncType V_I = FuncType.of(List.of(), List.of(I32));
    static final FuncType V_V = FuncType.of(List.of(), List.of());

    static Instance instantiate(TestModule m) {
        return instantiate(Engine.create(), m);
    }

    static Instance instantiate(Engine e, TestModule m) {
        return new Linker(e).instantiate(m.build());
    }

    static int callInt(Instance inst, String name, int... args) {
        Value[] vs = new Value[args.length];
        for (int i = 0; i < args.length; i++) {
            vs[i] = Value.i32(args[i]);
        }
        return inst.function(name).call(vs)[0].asInt();
    }

    static TestModule fib() {
        TestModule m = new TestModule();
        // if (n < 2) n else fib(n-1) + fib(n-2)
        m.func("fib", I_I, List.of(), new Code().get(0).i32(2).op(0x48).op(0x04, 0x7F).get(0)
                .op(0x05).get(0).i32(1).op(0x6B).call(0).get(0).i32(2).op(0x6B).call(0).op(0x6A).end().end());
        return m;
    }

    @Test
    void recursiveFibonacciComputesTheRightValue() {
        assertEquals(6765, callInt(instantiate(fib()), "fib", 20));
    }

    @Test
    void loopWithBrIfSumsANumberRange() {
        TestModule m = new TestModule();
        // loop: acc += n; n -= 1; br_if n != 0
        m.func("sum", I_I, List.of(I32), new Code().op(0x03, 0x40).get(1).get(0).op(0x6A).set(1)
                .get(0).i32(1).op(0x6B).op(0x22, 0).op(0x0D, 0).end().get(1).end());
        assertEquals(5050, callInt(instantiate(m), "sum", 100));
    }

    @ParameterizedTest(name = "br_table index {0} selects {1}")
    @CsvSource({"0,10", "1,20", "2,30", "99,30", "-1,30"})
    void brTableSelectsTheTargetAndClampsToTheDefault(int index, int expected) {
        TestModule m = new TestModule();
        m.func("f", I_I, List.of(), new Code().op(0x02, 0x40).op(0x02, 0x40).op(0x02, 0x40).get(0)
                .op(0x0E, 2, 0, 1, 2).end().i32(10).op(0x0F).end().i32(20).op(0x0F).end().i32(30).end());
        assertEquals(expected, callInt(instantiate(m), "f", index));
    }

    @Test
    void branchKeepsTheResultAndDropsValuesBelowIt() {
        TestModule m = new TestModule();
        m.func("f", V_I, List.of(), new Code().op(0x02, 0x7F).i32(1).i32(2).i32(42).op(0x0C, 0).end().end());
        assertEquals(42, callInt(instantiate(m), "f"));
    }

    @Test
    void multiValueFunctionsAndBlocksWithParametersWork() {
        TestModule m = new TestModule();
        FuncType pair = FuncType.of(List.of(), List.of(I32, I32));
        int two = m.func("two", pair, List.of(), new Code().i32(7).i32(3).end());
        int blockType = m.type(FuncType.of(List.of(I32, I32), List.of(I32)));
        m.func("sub", V_I, List.of(), new Code().call(two).op(0x02).s(blockType).op(0x6B).end().end());
        Instance inst = instantiate(m);
        assertArrayEquals(new Value[] {Value.i32(7), Value.i32(3)}, inst.function("two").call());
        assertEquals(4, callInt(inst, "sub"));
    }

    @Test
    void loadsAndStoresAreLittleEndianAndTrapOutOfBounds() {
        TestModule m = new TestModule().memory(1, 2);
        m.func("store", FuncType.of(List.of(I32, I32), List.of()), List.of(),
                new Code().get(0).get(1).mem(0x36, 4).end());
        m.func("load8", I_I, List.of(), new Code().get(0).mem(0x2D, 4).end());
        m.func("grow", I_I, List.of(), new Code().get(0).op(0x40, 0).end());
        Instance inst = instantiate(m.export("mem", dev.jwasm.core.model.ExternKind.MEMORY, 0));
        inst.function("store").call(Value.i32(100), Value.i32(0x11223344));
        assertEquals(0x44, callInt(inst, "load8", 100));
        assertEquals(0x11223344, inst.memory("mem").readInt(104));
        WasmTrap trap = assertThrows(WasmTrap.class, () -> callInt(inst, "load8", 65532));
        assertEquals(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS, trap.kind());
        assertThrows(WasmTrap.class, () -> callInt(inst, "load8", -1), "address + offset must not wrap");
        assertEquals(1, callInt(inst, "grow", 1));
        assertEquals(-1, callInt(inst, "grow", 1));
        assertEquals(0, callInt(inst, "load8", 65532));
    }

    @Test
    void trapsCarryTheKindAndABacktraceWithFunctionNames() {
        TestModule m = new TestModule();
        int inner = m.func("inner", V_V, List.of(), new Code().op(0x00).end());
        m.func("outer", V_V, List.of(), new Code().call(inner).end());
        Instance inst = instantiate(m);
        WasmTrap trap = assertThrows(WasmTrap.class, () -> inst.function("outer").call());
        assertEquals(TrapKind.UNREACHABLE, trap.kind());
        assertEquals(List.of("inner", "outer"), trap.wasmBacktrace());
    }

    @Test
    void integerDivisionByZeroTraps() {
        TestModule m = new TestModule();
        m.func("div", FuncType.of(List.of(I32, I32), List.of(I32)), List.of(), new Code().get(0).get(1).op(0x6D).end());
        Instance inst = instantiate(m);
        assertEquals(-3, inst.function("div").call(Value.i32(-7), Value.i32(2))[0].asInt());
        WasmTrap t = assertThrows(WasmTrap.class, () -> inst.function("div").call(Value.i32(1), Value.i32(0)));
        assertEquals("integer divide by zero", t.getMessage());
        WasmTrap o = assertThrows(WasmTrap.class,
                () -> inst.function("div").call(Value.i32(Integer.MIN_VALUE), Value.i32(-1)));
        assertEquals(TrapKind.INTEGER_OVERFLOW, o.kind());
    }

    @Test
    void callIndirectChecksBoundsNullsAndSignatures() {
        TestModule m = new TestModule().table(3, 3);
        int answer = m.func(V_I, List.of(), new Code().i32(42).end());
        int other = m.func(I_I, List.of(), new Code().get(0).end());
        m.elements(0, answer, other);
        m.func("dispatch", I_I, List.of(), new Code().get(0).op(0x11).u(m.type(V_I)).u(0).end());
        Instance inst = instantiate(m);
        assertEquals(42, callInt(inst, "dispatch", 0));
        assertEquals(TrapKind.INDIRECT_CALL_TYPE_MISMATCH,
                assertThrows(WasmTrap.class, () -> callInt(inst, "dispatch", 1)).kind());
        assertEquals(TrapKind.UNINITIALIZED_ELEMENT,
                assertThrows(WasmTrap.class, () -> callInt(inst, "dispatch", 2)).kind());
        assertEquals(TrapKind.UNDEFINED_ELEMENT,
                assertThrows(WasmTrap.class, () -> callInt(inst, "dispatch", 3)).kind());
    }

    @Test
    void tailCallsRunInConstantJavaStack() {
        TestModule m = new TestModule();
        FuncType t = FuncType.of(List.of(I32, I32), List.of(I32));
        // count(n, acc) = n == 0 ? acc : return_call count(n - 1, acc + 1)
        m.func("count", t, List.of(), new Code().get(0).op(0x45).op(0x04, 0x7F).get(1).op(0x05)
                .get(0).i32(1).op(0x6B).get(1).i32(1).op(0x6A).op(0x12, 0).end().end());
        Instance inst = instantiate(m);
        assertEquals(1_000_000, inst.function("count").call(Value.i32(1_000_000), Value.i32(0))[0].asInt());
    }

    @Test
    void unboundedRecursionTrapsAndTheInstanceStaysUsable() {
        TestModule m = fib();
        m.func("forever", V_V, List.of(), new Code().call(1).end());
        Instance inst = instantiate(m);
        WasmTrap trap = assertThrows(WasmTrap.class, () -> inst.function("forever").call());
        assertEquals(TrapKind.CALL_STACK_EXHAUSTED, trap.kind());
        assertEquals("forever", trap.wasmBacktrace().get(0));
        assertEquals(55, callInt(inst, "fib", 10));
    }

    @Test
    void aJavaStackOverflowBecomesCallStackExhausted() {
        TestModule m = fib();
        // Each frame keeps 200 locals so the value stack grows too.
        m.func("forever", V_V, java.util.Collections.nCopies(200, I32), new Code().call(1).end());
        Instance inst = instantiate(Engine.builder().maxCallDepth(Integer.MAX_VALUE).build(), m);
        assertEquals(TrapKind.CALL_STACK_EXHAUSTED, assertThrows(WasmTrap.class, () -> inst.function("forever").call()).kind());
        assertEquals(55, callInt(inst, "fib", 10));
    }

    @Test
    void hostFunctionsMayCallBackIntoTheGuest() {
        TestModule m = new TestModule();
        int host = m.importFunc("env", "twice", I_I);
        m.func("square", I_I, List.of(), new Code().get(0).get(0).op(0x6C).end());
        m.func("viaHost", I_I, List.of(), new Code().get(0).call(host).end());
        Linker linker = new Linker(Engine.create());
        linker.defineFunction("env", "twice", I_I, (caller, args) -> {
            int f = caller.instance().function("square").call(args)[0].asInt();
            return new Value[] {Value.i32(2 * f)};
        });
        Instance inst = linker.instantiate(m.build());
        assertEquals(200, callInt(inst, "viaHost", 10));
    }

    @Test
    void theEngineCallDepthLimitIsEnforced() {
        Instance inst = instantiate(Engine.builder().maxCallDepth(10).build(), fib());
        assertEquals(34, callInt(inst, "fib", 9));
        assertEquals(TrapKind.CALL_STACK_EXHAUSTED, assertThrows(WasmTrap.class, () -> callInt(inst, "fib", 12)).kind());
    }

    static TestModule spin() {
        TestModule m = new TestModule();
        m.func("spin", V_V, List.of(), new Code().op(0x03, 0x40).op(0x0C, 0).end().end());
        m.func("one", V_I, List.of(), new Code().i32(1).end());
        return m;
    }

    @Test
    void runningOutOfFuelTrapsAndMoreFuelResumesWork() {
        Instance inst = instantiate(Engine.builder().fuel(10_000).build(), spin());
        WasmTrap trap = assertThrows(WasmTrap.class, () -> inst.function("spin").call());
        assertEquals(TrapKind.FUEL_EXHAUSTED, trap.kind());
        assertEquals("all fuel consumed", trap.getMessage());
        assertEquals(0, inst.remainingFuel());
        inst.setFuel(100);
        assertEquals(1, callInt(inst, "one"));
        assertEquals(true, inst.remainingFuel() < 100);
    }

    @Test
    void anInfiniteLoopHitsTheTimeout() {
        Instance inst = instantiate(Engine.builder().timeout(Duration.ofMillis(50)).build(), spin());
        assertEquals(TrapKind.TIMEOUT, assertThrows(WasmTrap.class, () -> inst.function("spin").call()).kind());
        assertEquals(1, callInt(inst, "one"));
    }

    @Test
    void bulkMemoryInstructionsInitFillAndCopy() {
        TestModule m = new TestModule().memory(1, 1).passiveData(new byte[] {1, 2, 3, 4});
        // memory.init data 0 at 10 (src 0, len 4); memory.fill 20..23 with 9; memory.copy 11..13 -> 30
        m.func("run", V_V, List.of(), new Code().i32(10).i32(0).i32(4).op(0xFC).u(8).u(0).u(0)
                .i32(20).i32(9).i32(3).op(0xFC).u(11).u(0)
                .i32(30).i32(11).i32(3).op(0xFC).u(10).u(0).u(0)
                .op(0xFC).u(9).u(0).end());
        m.func("initAgain", V_V, List.of(), new Code().i32(0).i32(0).i32(1).op(0xFC).u(8).u(0).u(0).end());
        Instance inst = instantiate(m.export("memory", dev.jwasm.core.model.ExternKind.MEMORY, 0));
        inst.function("run").call();
        var mem = inst.memory("memory");
        assertArrayEquals(new byte[] {1, 2, 3, 4}, mem.read(10, 4));
        assertArrayEquals(new byte[] {9, 9, 9, 0}, mem.read(20, 4));
        assertArrayEquals(new byte[] {2, 3, 4}, mem.read(30, 3));
        assertEquals(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS,
                assertThrows(WasmTrap.class, () -> inst.function("initAgain").call()).kind(), "segment was dropped");
    }

    @Test
    void functionReferencesCanBeCalledAndNullReferencesTrap() {
        TestModule m = new TestModule();
        int answer = m.func(V_I, List.of(), new Code().i32(42).end());
        int t = m.type(V_I);
        m.func("viaRef", V_I, List.of(), new Code().op(0xD2).u(answer).op(0x14).u(t).end());
        m.func("viaNull", V_I, List.of(), new Code().op(0xD0).s(t).op(0x14).u(t).end());
        m.func("isNull", V_I, List.of(), new Code().op(0xD0, 0x70).op(0xD1).end());
        Instance inst = instantiate(m);
        assertEquals(42, callInt(inst, "viaRef"));
        assertEquals(1, callInt(inst, "isNull"));
        assertEquals(TrapKind.NULL_FUNCTION_REFERENCE,
                assertThrows(WasmTrap.class, () -> callInt(inst, "viaNull")).kind());
    }

    @Test
    void memory64UsesI64AddressesAndRejectsOverflowingOffsets() {
        TestModule m = new TestModule().memory64(1, 1);
        FuncType store = FuncType.of(List.of(I64, I64), List.of());
        m.func("store", store, List.of(), new Code().get(0).get(1).mem(0x37, 8).end());
        m.func("load", FuncType.of(List.of(I64), List.of(I64)), List.of(), new Code().get(0).mem(0x29, 8).end());
        m.func("loadHuge", FuncType.of(List.of(I64), List.of(I64)), List.of(),
                new Code().get(0).mem(0x29, -8L).end());
        Instance inst = instantiate(m);
        inst.function("store").call(Value.i64(16), Value.i64(0x0102030405060708L));
        assertEquals(0x0102030405060708L, inst.function("load").call(Value.i64(16))[0].asLong());
        assertThrows(WasmTrap.class, () -> inst.function("load").call(Value.i64(-1)));
        assertThrows(WasmTrap.class, () -> inst.function("loadHuge").call(Value.i64(16)));
    }
}
