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

    static Stream<Arguments> constants() {
        return Stream.of(Arguments.of(5, 3), Arguments.of(Integer.MAX_VALUE, 1), Arguments.of(0, Integer.MIN_VALUE),
                Arguments.of(-7, -9));
    }
}
