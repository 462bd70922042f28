package dev.jwasm.core.runtime;

import dev.jwasm.core.interp.CodeReader;
import dev.jwasm.core.model.ConstExpr;
import dev.jwasm.core.model.Opcodes;

/**
 * Evaluates constant expressions (initialisers and segment offsets) against a partly built instance:
 * {@code *.const}, {@code ref.null}, {@code ref.func}, {@code global.get} and extended-const i32/i64
 * {@code add/sub/mul}.
 */
final class ConstExprEvaluator {
    private final InstanceImpl instance;
    private long[] bits = new long[8];
    private Object[] refs = new Object[8];
    private int sp;

    ConstExprEvaluator(InstanceImpl instance) {
        this.instance = instance;
    }

    /** Raw bits of the result (for number results). */
    long bits() {
        return bits[0];
    }

    /** Reference result. */
    Object ref() {
        return refs[0];
    }

    /** Evaluates {@code expr}; read the result with {@link #bits()} / {@link #ref()}. */
    void evaluate(ConstExpr expr) {
        byte[] code = expr.code();
        CodeReader in = new CodeReader(code, 0);
        sp = 0;
        while (in.pos() < code.length) {
            int op = in.u8();
            if (op == Opcodes.END) {
                break;
            }
            step(op, in, expr);
        }
        if (sp == 0) {
            bits[0] = 0;
            refs[0] = null;
        }
    }

    private void push(long v, Object r) {
        if (sp == bits.length) {
            bits = java.util.Arrays.copyOf(bits, sp * 2);
            refs = java.util.Arrays.copyOf(refs, sp * 2);
        }
        bits[sp] = v;
        refs[sp++] = r;
    }

    private void step(int op, CodeReader in, ConstExpr expr) {
        switch (op) {
            case Opcodes.I32_CONST -> push(in.s32(), null);
            case Opcodes.I64_CONST -> push(in.s64(), null);
            case Opcodes.F32_CONST -> push(in.fixed32() & 0xFFFF_FFFFL, null);
            case Opcodes.F64_CONST -> push(in.fixed64(), null);
            case Opcodes.REF_NULL -> {
                in.s64();
                push(0, null);
            }
            case Opcodes.REF_FUNC -> push(0, instance.functions[in.u32()]);
            case Opcodes.GLOBAL_GET -> {
                GlobalInstance g = instance.globals[in.u32()];
                push(g.bits, g.ref);
            }
            case Opcodes.I32_ADD -> binary((a, b) -> (int) a + (int) b);
            case Opcodes.I32_SUB -> binary((a, b) -> (int) a - (int) b);
            case Opcodes.I32_MUL -> binary((a, b) -> (int) a * (int) b);
            case Opcodes.I64_ADD -> binary((a, b) -> a + b);
            case Opcodes.I64_SUB -> binary((a, b) -> a - b);
            case Opcodes.I64_MUL -> binary((a, b) -> a * b);
            default -> throw new UnsupportedOperationException(String.format(
                    "constant instruction 0x%02x at offset %d is not supported yet", op, expr.offset()));
        }
    }

    private void binary(java.util.function.LongBinaryOperator f) {
        long b = bits[--sp];
        long a = bits[--sp];
        push(f.applyAsLong(a, b), null);
    }
}
