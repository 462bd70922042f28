package dev.jwasm.core.interp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jwasm.api.Engine;
import dev.jwasm.api.Instance;
import dev.jwasm.api.Linker;
import dev.jwasm.api.Value;
import dev.jwasm.core.model.FuncType;
import dev.jwasm.core.model.ValType;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Fused instruction sequences must behave exactly like the instructions they replace. */
class SuperinstructionTest {
    static final ValType I32 = ValType.I32;
    static final FuncType II_I = FuncType.of(List.of(I32, I32), List.of(I32));
    static final int[] SAMPLES = {0, 1, -1, 5, Integer.MIN_VALUE, Integer.MAX_VALUE};

    static Stream<Arguments> comparisons() {
        return IntStream.rangeClosed(0x45, 0x4F).boxed().flatMap(op -> IntStream.range(0, SAMPLES.length).boxed()
                .flatMap(i -> IntStream.range(0, SAMPLES.length).mapToObj(j -> Arguments.of(op, SAMPLES[i], SAMPLES[j]))));
    }

    /** Pushes the operands of {@code op} (one for eqz) as a local pair, then the comparison. */
    static Code compare(Code c, int op) {
        return (op == 0x45 ? c.get(0) : c.get(0).get(1)).op(op);
    }

    @ParameterizedTest(name = "compare 0x{0} on {1}, {2}")
    @MethodSource("comparisons")
    void fusedCompareAndBranchAgreesWithTheComparisonValue(int op, int a, int b) {
        TestModule m = new TestModule();
        m.func("value", II_I, List.of(), compare(new Code(), op).end());
        m.func("viaIf", II_I, List.of(), compare(new Code(), op).op(0x04, 0x7F).i32(1).op(0x05).i32(0).end().end());
        // block { cmp; br_if 0 -> 1 } -> 0
        m.func("viaBrIf", II_I, List.of(), compare(new Code().op(0x02, 0x40), op).op(0x0D, 0).i32(0).op(0x0F)
                .end().i32(1).end());
        Instance inst = new Linker(Engine.create()).instantiate(m.build());
        int expected = inst.function("value").call(Value.i32(a), Value.i32(b))[0].asInt();
        assertEquals(expected, inst.function("viaIf").call(Value.i32(a), Value.i32(b))[0].asInt());
        assertEquals(expected, inst.function("viaBrIf").call(Value.i32(a), Value.i32(b))[0].asInt());
    }

    @ParameterizedTest(name = "local {0} plus/minus constant {1}")
    @MethodSource("constants")
    void fusedLocalConstantArithmeticWraps(int x, int c) {
        TestModule m = new TestModule();
        FuncType iI = FuncType.of(List.of(I32), List.of(I32));
        m.func("add", iI, List.of(), new Code().get(0).i32(c).op(0x6A).end());
        m.func("sub", iI, List.of(), new Code().get(0).i32(c).op(0x6B).end());
        m.func("setGet", iI, List.of(I32), new Code().get(0).set(1).get(1).i32(c).op(0x6A).end());
        Instance inst = new Linker(Engine.create()).instantiate(m.build());
        assertEquals(x + c, inst.function("add").call(Value.i32(x))[0].asInt());
        assertEquals(x - c, inst.function("sub").call(Value.i32(x))[0].asInt());
        assertEquals(x + c, inst.function("setGet").call(Value.i32(x))[0].asInt());
    }

    @ParameterizedTest(name = "compare 0x{0} of a sum {1} with local {2}, fused into br_if")
    @MethodSource("comparisons")
    void comparisonOfAComputedValueWithALocalFusedIntoBrIfAgreesWithTheComparisonValue(int op, int a, int b) {
        TestModule m = new TestModule();
        m.func("value", II_I, List.of(), compare(new Code(), op).end());
        // block { (local 0 + 0) cmp local 1; br_if 0 -> 1 } -> 0; the add keeps local.get 0 out of the fusion
        Code lhs = new Code().op(0x02, 0x40).get(0).i32(0).op(0x6A);
        Code body = (op == 0x45 ? lhs : lhs.get(1)).op(op).op(0x0D, 0).i32(0).op(0x0F).end().i32(1).end();
        m.func("viaBrIf", II_I, List.of(), body);
        Instance inst = new Linker(Engine.create()).instantiate(m.build());
        int expected = inst.function("value").call(Value.i32(a), Value.i32(b))[0].asInt();
        assertEquals(expected, inst.function("viaBrIf").call(Value.i32(a), Value.i32(b))[0].asInt());
    }

    static Stream<Arguments> i32ConstantOperations() {
        return IntStream.of(0x6A, 0x6B, 0x6C, 0x71, 0x72, 0x73, 0x74, 0x75, 0x76, 0x77, 0x78).boxed().flatMap(op ->
                IntStream.of(0, 1, 31, 33, -1, Integer.MIN_VALUE).boxed().flatMap(c ->
                        IntStream.of(0, 7, -12345, Integer.MAX_VALUE).mapToObj(x -> Arguments.of(op, x, c))));
    }

    /** Local 0 through a local.tee into local 1, so a following constant is not fused with a local.get. */
    static Code teed() {
        return new Code().get(0).set(1).get(1);
    }

    /** An empty block binds a label before the next instruction, which prevents fusion with it. */
    static Code barrier(Code c, boolean fusible) {
        return fusible ? c : c.op(0x02, 0x40).op(0x0B);
    }

    @ParameterizedTest(name = "i32 op 0x{0} on {1} and constant {2}")
    @MethodSource("i32ConstantOperations")
    void constantOperandFusedIntoI32OperationMatchesTheUnfusedOne(int op, int x, int c) {
        TestModule m = new TestModule();
        FuncType iI = FuncType.of(List.of(I32), List.of(I32));
        m.func("fused", iI, List.of(I32), barrier(teed().i32(c), true).op(op).end());
        m.func("plain", iI, List.of(I32), barrier(teed().i32(c), false).op(op).end());
        // local.get; i32.const; op: the local/constant pair is split again so the constant can fuse with op
        m.func("split", iI, List.of(I32), new Code().get(0).i32(c).op(op).end());
        Instance inst = new Linker(Engine.create()).instantiate(m.build());
        int expected = inst.function("plain").call(Value.i32(x))[0].asInt();
        assertEquals(expected, inst.function("fused").call(Value.i32(x))[0].asInt());
        assertEquals(expected, inst.function("split").call(Value.i32(x))[0].asInt());
    }

    static Stream<Arguments> i64ConstantOperations() {
        return IntStream.of(0x7C, 0x7E, 0x83, 0x85, 0x86, 0x88).boxed().flatMap(op ->
                Stream.of(0L, 31L, 65L, -1L, Long.MIN_VALUE, 0x1234_5678_9ABC_DEF0L).flatMap(c ->
                        Stream.of(0L, 7L, -12345L, Long.MAX_VALUE).map(x -> Arguments.of(op, x, c))));
    }

    @ParameterizedTest(name = "i64 op 0x{0} on {1} and constant {2}")
    @MethodSource("i64ConstantOperations")
    void constantOperandFusedIntoI64OperationMatchesTheUnfusedOne(int op, long x, long c) {
        TestModule m = new TestModule();
        ValType i64 = ValType.I64;
        FuncType lL = FuncType.of(List.of(i64), List.of(i64));
        m.func("fused", lL, List.of(i64), barrier(teed().i64(c), true).op(op).end());
        m.func("plain", lL, List.of(i64), barrier(teed().i64(c), false).op(op).end());
        Instance inst = new Linker(Engine.create()).instantiate(m.build());
        assertEquals(inst.function("plain").call(Value.i64(x))[0].asLong(),
                inst.function("fused").call(Value.i64(x))[0].asLong());
    }

    @ParameterizedTest(name = "f64 op 0x{0} with a local operand")
    @MethodSource("f64LocalOperations")
    void localOperandFusedIntoF64OperationMatchesTheUnfusedOne(int op, double x) {
        TestModule m = new TestModule();
        ValType f64 = ValType.F64;
        FuncType dD = FuncType.of(List.of(f64), List.of(f64));
        m.func("fused", dD, List.of(), new Code().f64(1.5).get(0).op(op).end());
        m.func("plain", dD, List.of(), new Code().f64(1.5).get(0).op(0x02, 0x40).op(0x0B).op(op).end());
        m.func("pairFused", dD, List.of(), new Code().get(0).get(0).op(op).end());
        m.func("pairPlain", dD, List.of(), new Code().get(0).get(0).op(0x02, 0x40).op(0x0B).op(op).end());
        Instance inst = new Linker(Engine.create()).instantiate(m.build());
        assertEquals(Double.doubleToRawLongBits(inst.function("plain").call(Value.f64(x))[0].asDouble()),
                Double.doubleToRawLongBits(inst.function("fused").call(Value.f64(x))[0].asDouble()));
        assertEquals(Double.doubleToRawLongBits(inst.function("pairPlain").call(Value.f64(x))[0].asDouble()),
                Double.doubleToRawLongBits(inst.function("pairFused").call(Value.f64(x))[0].asDouble()));
    }

    @ParameterizedTest(name = "f64 fusions on {0}")
    @MethodSource("f64Values")
    void f64ConstantMultiplyTeeMultiplyAndAddStoreMatchTheUnfusedCode(double x) {
        TestModule m = new TestModule();
        m.memory(1, 1);
        ValType f64 = ValType.F64;
        FuncType dD = FuncType.of(List.of(f64), List.of(f64));
        // (x * 2.5) stored as x*2.5 + x at 8, then ((local 1 = loaded) * loaded) read back
        m.func("fused", dD, List.of(f64), f64Fusions(new Code(), true));
        m.func("plain", dD, List.of(f64), f64Fusions(new Code(), false));
        Instance inst = new Linker(Engine.create()).instantiate(m.build());
        assertEquals(Double.doubleToRawLongBits(inst.function("plain").call(Value.f64(x))[0].asDouble()),
                Double.doubleToRawLongBits(inst.function("fused").call(Value.f64(x))[0].asDouble()));
    }

    /** i32.const 8; x * 2.5 + x; f64.store 8 (at 16); the value at 16 teed into local 1 times itself, plus local 1. */
    static Code f64Fusions(Code c, boolean fusible) {
        Code addr = c.i32(8).get(0);
        Code mul = barrier(addr.f64(2.5), fusible).op(0xA2);
        Code add = barrier(mul.get(0).op(0x02, 0x40).op(0x0B).op(0xA0), fusible).mem(0x39, 8);
        Code loaded = add.i32(0).mem(0x2B, 16).i32(0).mem(0x2B, 16).op(0x22).u(1);
        return barrier(loaded, fusible).op(0xA2).get(1).op(0x02, 0x40).op(0x0B).op(0xA0).end();
    }

    static Stream<Double> f64Values() {
        return Stream.of(0.0, -0.0, 2.25, -1e300, Double.NaN, Double.POSITIVE_INFINITY);
    }

    static Stream<Arguments> f64LocalOperations() {
        return IntStream.of(0xA0, 0xA2).boxed().flatMap(op ->
                Stream.of(0.0, -0.0, 2.25, Double.NaN, Double.POSITIVE_INFINITY).map(x -> Arguments.of(op, x)));
    }

    @ParameterizedTest(name = "store 0x{0} of constant {2} at {1}")
    @MethodSource("constantStores")
    void constantValueFusedIntoStoreWritesTheSameBytesAndTrapsAlike(int op, int address, int c) {
        TestModule m = new TestModule();
        m.memory(1, 1);
        FuncType iI = FuncType.of(List.of(I32), List.of(I32));
        // store c at address + 8, then read back the i32 there
        Code fused = barrier(teed().i32(c), true).mem(op, 8).get(0).mem(0x28, 8).end();
        Code plain = barrier(teed().i32(c), false).mem(op, 8).get(0).mem(0x28, 8).end();
        m.func("fused", iI, List.of(I32), fused);
        m.func("plain", iI, List.of(I32), plain);
        Instance inst = new Linker(Engine.create()).instantiate(m.build());
        String expected = outcome(inst, "plain", address);
        assertEquals(expected, outcome(inst, "fused", address));
    }

    @ParameterizedTest(name = "local {0} plus the i32 at local {1} + 4")
    @MethodSource("valueAndAddress")
    void localPairFollowedByAConstantAddressOffsetLoadsLikeTheUnfusedCode(int value, int address) {
        TestModule m = new TestModule();
        m.memory(1, 1);
        m.func("store", FuncType.of(List.of(I32), List.of()), List.of(),
                new Code().get(0).i32(0x0102_0304).mem(0x36, 4).end());
        // local.get 0; local.get 1; i32.const 4; i32.add; i32.load; i32.add
        m.func("fused", II_I, List.of(), new Code().get(0).get(1).i32(4).op(0x6A).mem(0x28, 0).op(0x6A).end());
        m.func("plain", II_I, List.of(), barrier(new Code().get(0).get(1), false).i32(4).op(0x6A).mem(0x28, 0)
                .op(0x6A).end());
        Instance inst = new Linker(Engine.create()).instantiate(m.build());
        inst.function("store").call(Value.i32(100));
        assertEquals(pairOutcome(inst, "plain", value, address), pairOutcome(inst, "fused", value, address));
    }

    static String pairOutcome(Instance inst, String name, int value, int address) {
        try {
            return "value " + inst.function(name).call(Value.i32(value), Value.i32(address))[0].asInt();
        } catch (dev.jwasm.api.WasmTrap t) {
            return "trap " + t.kind();
        }
    }

    static Stream<Arguments> valueAndAddress() {
        return Stream.of(Arguments.of(5, 100), Arguments.of(-3, 96), Arguments.of(1, 65532), Arguments.of(1, -4),
                Arguments.of(1, -5));
    }

    @ParameterizedTest(name = "local copy of {0}")
    @MethodSource("constants")
    void localGetThenLocalSetCopiesTheValue(int x, int c) {
        TestModule m = new TestModule();
        FuncType iI = FuncType.of(List.of(I32), List.of(I32));
        m.func("copy", iI, List.of(I32, I32), new Code().get(0).set(1).get(1).set(2).i32(c).get(2).op(0x6A).end());
        Instance inst = new Linker(Engine.create()).instantiate(m.build());
        assertEquals(x + c, inst.function("copy").call(Value.i32(x))[0].asInt());
    }

    @ParameterizedTest(name = "local.get then local.tee of {0}")
    @MethodSource("constants")
    void localGetThenLocalTeeCopiesAndPushesTheValue(int x, int c) {
        TestModule m = new TestModule();
        FuncType iI = FuncType.of(List.of(I32), List.of(I32));
        // local 1 = local 0 (teed), then (local 0 + c) - local 1 + local 1
        m.func("tee", iI, List.of(I32), new Code().get(0).op(0x22).u(1).i32(c).op(0x6A).get(1).op(0x6B).get(1).op(0x6A).end());
        Instance inst = new Linker(Engine.create()).instantiate(m.build());
        assertEquals(x + c, inst.function("tee").call(Value.i32(x))[0].asInt());
    }

    static String outcome(Instance inst, String name, int address) {
        try {
            return "value " + inst.function(name).call(Value.i32(address))[0].asInt();
        } catch (dev.jwasm.api.WasmTrap t) {
            return "trap " + t.kind();
        }
    }

    static Stream<Arguments> constantStores() {
        return IntStream.of(0x36, 0x3A).boxed().flatMap(op -> IntStream.of(0, 100, 65536 - 12, 65536 - 9, -8).boxed()
                .flatMap(a -> IntStream.of(0x1234_5678, -1).mapToObj(c -> Arguments.of(op, a, c))));
    }

    static Stream<Arguments> constants() {
        return Stream.of(Arguments.of(5, 3), Arguments.of(Integer.MAX_VALUE, 1), Arguments.of(0, Integer.MIN_VALUE),
                Arguments.of(-7, -9));
    }
}
