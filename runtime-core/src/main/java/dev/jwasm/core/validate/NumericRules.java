package dev.jwasm.core.validate;

import dev.jwasm.core.model.ValType;

/**
 * Typing rules of constants and the numeric instructions 0x45-0xC4, from a signature table: every such
 * instruction pops one or two operands of fixed types and pushes one result.
 */
final class NumericRules {
    private static final int FIRST = 0x45;
    private static final ValType[] OPERAND = new ValType[0xC5 - FIRST];
    private static final boolean[] BINARY = new boolean[0xC5 - FIRST];
    private static final ValType[] RESULT = new ValType[0xC5 - FIRST];

    static {
        ValType i = ValType.I32;
        ValType l = ValType.I64;
        ValType f = ValType.F32;
        ValType d = ValType.F64;
        range(0x45, 0x45, i, false, i);
        range(0x46, 0x4F, i, true, i);
        range(0x50, 0x50, l, false, i);
        range(0x51, 0x5A, l, true, i);
        range(0x5B, 0x60, f, true, i);
        range(0x61, 0x66, d, true, i);
        range(0x67, 0x69, i, false, i);
        range(0x6A, 0x78, i, true, i);
        range(0x79, 0x7B, l, false, l);
        range(0x7C, 0x8A, l, true, l);
        range(0x8B, 0x91, f, false, f);
        range(0x92, 0x98, f, true, f);
        range(0x99, 0x9F, d, false, d);
        range(0xA0, 0xA6, d, true, d);
        range(0xA7, 0xA7, l, false, i);
        range(0xA8, 0xA9, f, false, i);
        range(0xAA, 0xAB, d, false, i);
        range(0xAC, 0xAD, i, false, l);
        range(0xAE, 0xAF, f, false, l);
        range(0xB0, 0xB1, d, false, l);
        range(0xB2, 0xB3, i, false, f);
        range(0xB4, 0xB5, l, false, f);
        range(0xB6, 0xB6, d, false, f);
        range(0xB7, 0xB8, i, false, d);
        range(0xB9, 0xBA, l, false, d);
        range(0xBB, 0xBB, f, false, d);
        range(0xBC, 0xBC, f, false, i);
        range(0xBD, 0xBD, d, false, l);
        range(0xBE, 0xBE, i, false, f);
        range(0xBF, 0xBF, l, false, d);
        range(0xC0, 0xC1, i, false, i);
        range(0xC2, 0xC4, l, false, l);
    }

    private NumericRules() {
    }

    private static void range(int from, int to, ValType operand, boolean binary, ValType result) {
        for (int op = from; op <= to; op++) {
            OPERAND[op - FIRST] = operand;
            BINARY[op - FIRST] = binary;
            RESULT[op - FIRST] = result;
        }
    }

    static void apply(CodeValidator v, int op) {
        switch (op) {
            case 0x41 -> {
                v.r.skipSigned(5);
                v.push(ValType.I32);
            }
            case 0x42 -> {
                v.r.skipSigned(10);
                v.push(ValType.I64);
            }
            case 0x43 -> {
                v.r.skip(4);
                v.push(ValType.F32);
            }
            case 0x44 -> {
                v.r.skip(8);
                v.push(ValType.F64);
            }
            default -> {
                if (op < FIRST) {
                    throw v.error("illegal opcode " + Integer.toHexString(op));
                }
                int k = op - FIRST;
                unaryOrBinary(v, OPERAND[k], BINARY[k], RESULT[k]);
            }
        }
    }

    /** Pops one (or two) operands of type {@code operand} and pushes {@code result}. */
    static void unaryOrBinary(CodeValidator v, ValType operand, boolean binary, ValType result) {
        v.pop(operand);
        if (binary) {
            v.pop(operand);
        }
        v.push(result);
    }
}
