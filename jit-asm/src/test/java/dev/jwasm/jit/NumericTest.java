package dev.jwasm.jit;

import static dev.jwasm.jit.Differential.i32;
import static dev.jwasm.jit.Differential.i64;

import dev.jwasm.api.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every numeric instruction, on edge-case operands, gives the interpreter's result or trap on the JIT. */
class NumericTest {
    private static final int[] I32S = {0, 1, -1, 2, 31, 32, 7, Integer.MIN_VALUE, Integer.MAX_VALUE, 0x8000_0001};
    private static final long[] I64S = {0, 1, -1, 63, 64, Long.MIN_VALUE, Long.MAX_VALUE, 0x1_0000_0000L, -7};
    private static final int[] F32S = {0, 0x8000_0000, 0x3F80_0000, 0xBF80_0000, 0x7F80_0000, 0xFF80_0000,
        0x7FC0_0000, 0x7FA0_0001, 0xFFC0_0001, 0x4F00_0000, 0xCF00_0001, 0x3F00_0000, 0x3FC0_0000, 0x0000_0001};
    private static final long[] F64S = {0, 0x8000_0000_0000_0000L, 0x3FF0_0000_0000_0000L, 0xBFF0_0000_0000_0000L,
        0x7FF0_0000_0000_0000L, 0x7FF8_0000_0000_0000L, 0x7FF4_0000_0000_0001L, 0x41E0_0000_0000_0000L,
        0xC3E0_0000_0000_0000L, 0x3FE0_0000_0000_0000L, 0x43F0_0000_0000_0000L, 1};

    private static final String[] I32_BINARY = {"add", "sub", "mul", "div_s", "div_u", "rem_s", "rem_u", "and", "or",
        "xor", "shl", "shr_s", "shr_u", "rotl", "rotr", "eq", "ne", "lt_s", "lt_u", "gt_s", "gt_u", "le_s", "le_u",
        "ge_s", "ge_u"};
    private static final String[] I32_UNARY = {"clz", "ctz", "popcnt", "eqz", "extend8_s", "extend16_s"};
    private static final String[] FLOAT_BINARY = {"add", "sub", "mul", "div", "min", "max", "copysign", "eq", "ne",
        "lt", "gt", "le", "ge"};
    private static final String[] FLOAT_UNARY = {"abs", "neg", "ceil", "floor", "trunc", "nearest", "sqrt"};


    private static String module() {
        StringBuilder sb = new StringBuilder("(module\n");
        for (String op : I32_BINARY) {
            sb.append(binary("i32", op, "i32", "i32"));
            sb.append(binary("i64", op, "i64", op.startsWith("eq") || op.startsWith("ne") || op.startsWith("l")
                    || op.startsWith("g") ? "i32" : "i64"));
        }
        for (String op : I32_UNARY) {
            sb.append(unary("i32", op, "i32", "i32"));
            sb.append(unary("i64", op, "i64", op.equals("eqz") ? "i32" : "i64"));
        }
        sb.append(unary("i64", "extend32_s", "i64", "i64"));
        for (String op : FLOAT_BINARY) {
            boolean cmp = op.length() == 2;
            sb.append(binary("f32", op, "f32", cmp ? "i32" : "f32"));
            sb.append(binary("f64", op, "f64", cmp ? "i32" : "f64"));
        }
        for (String op : FLOAT_UNARY) {
            sb.append(unary("f32", op, "f32", "f32"));
            sb.append(unary("f64", op, "f64", "f64"));
        }
        for (String[] c : CONVERSIONS) {
            sb.append(unary(c[1], c[0], c[2], c[1]));
        }
        return sb.append(")").toString();
    }

    /** {name, result type, operand type}. */
    private static final String[][] CONVERSIONS = {
        {"wrap_i64", "i32", "i64"}, {"trunc_f32_s", "i32", "f32"}, {"trunc_f32_u", "i32", "f32"},
        {"trunc_f64_s", "i32", "f64"}, {"trunc_f64_u", "i32", "f64"}, {"extend_i32_s", "i64", "i32"},
        {"extend_i32_u", "i64", "i32"}, {"trunc_f32_s", "i64", "f32"}, {"trunc_f32_u", "i64", "f32"},
        {"trunc_f64_s", "i64", "f64"}, {"trunc_f64_u", "i64", "f64"}, {"trunc_sat_f32_s", "i32", "f32"},
        {"trunc_sat_f32_u", "i32", "f32"}, {"trunc_sat_f64_s", "i32", "f64"}, {"trunc_sat_f64_u", "i32", "f64"},
        {"trunc_sat_f32_s", "i64", "f32"}, {"trunc_sat_f32_u", "i64", "f32"}, {"trunc_sat_f64_s", "i64", "f64"},
        {"trunc_sat_f64_u", "i64", "f64"}, {"convert_i32_s", "f32", "i32"}, {"convert_i32_u", "f32", "i32"},
        {"convert_i64_s", "f32", "i64"}, {"convert_i64_u", "f32", "i64"}, {"demote_f64", "f32", "f64"},
        {"convert_i32_s", "f64", "i32"}, {"convert_i32_u", "f64", "i32"}, {"convert_i64_s", "f64", "i64"},
        {"convert_i64_u", "f64", "i64"}, {"promote_f32", "f64", "f32"}, {"reinterpret_f32", "i32", "f32"},
        {"reinterpret_f64", "i64", "f64"}, {"reinterpret_i32", "f32", "i32"}, {"reinterpret_i64", "f64", "i64"}};

    private static final Differential MODULE = new Differential(module());

    private static String binary(String t, String op, String operand, String result) {
        return String.format("(func (export \"%s.%s\") (param %s %s) (result %s) (%s.%s (local.get 0) (local.get 1)))%n",
                t, op, operand, operand, result, t, op);
    }

    private static String unary(String t, String op, String operand, String result) {
        return String.format("(func (export \"%s.%s\") (param %s) (result %s) (%s.%s (local.get 0)))%n",
                t, op, operand, result, t, op);
    }

    private static List<Value> samples(String type) {
        List<Value> out = new ArrayList<>();
        switch (type) {
            case "i32" -> {
                for (int v : I32S) {
                    out.add(i32(v));
                }
            }
            case "i64" -> {
                for (long v : I64S) {
                    out.add(i64(v));
                }
            }
            case "f32" -> {
                for (int v : F32S) {
                    out.add(Value.f32Bits(v));
                }
            }
            default -> {
                for (long v : F64S) {
                    out.add(Value.f64Bits(v));
                }
            }
        }
        return out;
    }

    static Stream<Arguments> binaryOps() {
        List<Arguments> out = new ArrayList<>();
        for (String op : I32_BINARY) {
            out.add(Arguments.of("i32." + op, "i32"));
            out.add(Arguments.of("i64." + op, "i64"));
        }
        for (String op : FLOAT_BINARY) {
            out.add(Arguments.of("f32." + op, "f32"));
            out.add(Arguments.of("f64." + op, "f64"));
        }
        return out.stream();
    }

    static Stream<Arguments> unaryOps() {
        List<Arguments> out = new ArrayList<>();
        for (String op : I32_UNARY) {
            out.add(Arguments.of("i32." + op, "i32"));
            out.add(Arguments.of("i64." + op, "i64"));
        }
        out.add(Arguments.of("i64.extend32_s", "i64"));
        for (String op : FLOAT_UNARY) {
            out.add(Arguments.of("f32." + op, "f32"));
            out.add(Arguments.of("f64." + op, "f64"));
        }
        for (String[] c : CONVERSIONS) {
            out.add(Arguments.of(c[1] + "." + c[0], c[2]));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} agrees with the interpreter on all operand pairs")
    @MethodSource("binaryOps")
    void binaryInstructionAgreesWithTheInterpreter(String export, String operand) {
        MODULE.assertCompiled(export);
        for (Value a : samples(operand)) {
            for (Value b : samples(operand)) {
                MODULE.call(export, a, b);
            }
        }
    }

    @ParameterizedTest(name = "{0} agrees with the interpreter on all operands")
    @MethodSource("unaryOps")
    void unaryInstructionAgreesWithTheInterpreter(String export, String operand) {
        MODULE.assertCompiled(export);
        for (Value a : samples(operand)) {
            MODULE.call(export, a);
        }
    }
}
