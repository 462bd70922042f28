package dev.jwasm.core.validate;

import dev.jwasm.core.model.MemoryType;
import dev.jwasm.core.model.ValType;

/**
 * Typing rules of the 0xFD-prefixed SIMD instructions (fixed-width and relaxed SIMD). Most instructions
 * are described by a shape in a table; loads, stores, lanes and shuffles have their own rules.
 */
final class SimdRules {
    private static final byte UNARY = 1;      // v128 -> v128
    private static final byte BINARY = 2;     // v128 v128 -> v128
    private static final byte TERNARY = 3;    // v128 v128 v128 -> v128
    private static final byte TEST = 4;       // v128 -> i32
    private static final byte SHIFT = 5;      // v128 i32 -> v128
    private static final byte SPLAT = 6;      // scalar -> v128
    private static final byte LOAD = 7;       // memarg: addr -> v128
    private static final byte LANE = 8;       // extract / replace lane
    private static final byte MEM_LANE = 9;   // load_lane / store_lane
    private static final byte[] SHAPE = new byte[0x114];
    /** For loads: log2 of the access size; for lanes: the lane count. */
    private static final byte[] ARG = new byte[0x114];
    private static final ValType[] SCALAR = new ValType[0x114];

    static {
        set(0, 10, LOAD);
        int[] loadSizes = {4, 3, 3, 3, 3, 3, 3, 0, 1, 2, 3};
        for (int i = 0; i <= 10; i++) {
            ARG[i] = (byte) loadSizes[i];
        }
        set(92, 93, LOAD);
        ARG[92] = 2;
        ARG[93] = 3;
        set(14, 14, BINARY);
        ValType[] splat = {ValType.I32, ValType.I32, ValType.I32, ValType.I64, ValType.F32, ValType.F64};
        for (int i = 0; i < 6; i++) {
            SHAPE[15 + i] = SPLAT;
            SCALAR[15 + i] = splat[i];
        }
        lanes(21, 23, 16, ValType.I32);
        lanes(24, 26, 8, ValType.I32);
        lanes(27, 28, 4, ValType.I32);
        lanes(29, 30, 2, ValType.I64);
        lanes(31, 32, 4, ValType.F32);
        lanes(33, 34, 2, ValType.F64);
        set(35, 76, BINARY);
        set(77, 77, UNARY);
        set(78, 81, BINARY);
        set(82, 82, TERNARY);
        set(83, 83, TEST);
        for (int i = 0; i < 8; i++) {
            SHAPE[84 + i] = MEM_LANE;
            ARG[84 + i] = (byte) (i % 4);
        }
        set(94, 98, UNARY);
        set(99, 100, TEST);
        set(101, 102, BINARY);
        set(103, 106, UNARY);
        set(107, 109, SHIFT);
        set(110, 115, BINARY);
        set(116, 117, UNARY);
        set(118, 121, BINARY);
        set(122, 122, UNARY);
        set(123, 123, BINARY);
        set(124, 129, UNARY);
        set(130, 130, BINARY);
        set(131, 132, TEST);
        set(133, 134, BINARY);
        set(135, 138, UNARY);
        set(139, 141, SHIFT);
        set(142, 147, BINARY);
        set(148, 148, UNARY);
        set(149, 153, BINARY);
        set(155, 159, BINARY);
        set(160, 161, UNARY);
        set(163, 164, TEST);
        set(167, 170, UNARY);
        set(171, 173, SHIFT);
        set(174, 174, BINARY);
        set(177, 177, BINARY);
        set(181, 186, BINARY);
        set(188, 191, BINARY);
        set(192, 193, UNARY);
        set(195, 196, TEST);
        set(199, 202, UNARY);
        set(203, 205, SHIFT);
        set(206, 206, BINARY);
        set(209, 209, BINARY);
        set(213, 223, BINARY);
        set(224, 225, UNARY);
        set(227, 227, UNARY);
        set(228, 235, BINARY);
        set(236, 237, UNARY);
        set(239, 239, UNARY);
        set(240, 247, BINARY);
        set(248, 255, UNARY);
        set(0x100, 0x100, BINARY);
        set(0x101, 0x104, UNARY);
        set(0x105, 0x10C, TERNARY);
        set(0x10D, 0x112, BINARY);
        set(0x113, 0x113, TERNARY);
    }

    private SimdRules() {
    }

    private static void set(int from, int to, byte shape) {
        for (int i = from; i <= to; i++) {
            SHAPE[i] = shape;
        }
    }

    private static void lanes(int from, int to, int count, ValType scalar) {
        for (int i = from; i <= to; i++) {
            SHAPE[i] = LANE;
            ARG[i] = (byte) count;
            SCALAR[i] = scalar;
        }
    }

    static void apply(CodeValidator v, int op) {
        if (op == 11) {
            MemoryType mt = MemoryRules.memarg(v, 4);
            v.pop(ValType.V128);
            v.pop(mt.addressType());
            return;
        }
        if (op == 12) {
            v.r.skip(16);
            v.push(ValType.V128);
            return;
        }
        if (op == 13) {
            shuffle(v);
            return;
        }
        int shape = op >= 0 && op < SHAPE.length ? SHAPE[op] : 0;
        switch (shape) {
            case UNARY -> NumericRules.unaryOrBinary(v, ValType.V128, false, ValType.V128);
            case BINARY -> NumericRules.unaryOrBinary(v, ValType.V128, true, ValType.V128);
            case TERNARY -> {
                v.pop(ValType.V128);
                NumericRules.unaryOrBinary(v, ValType.V128, true, ValType.V128);
            }
            case TEST -> NumericRules.unaryOrBinary(v, ValType.V128, false, ValType.I32);
            case SHIFT -> {
                v.pop(ValType.I32);
                v.pop(ValType.V128);
                v.push(ValType.V128);
            }
            case SPLAT -> NumericRules.unaryOrBinary(v, SCALAR[op], false, ValType.V128);
            case LOAD -> {
                MemoryType mt = MemoryRules.memarg(v, ARG[op]);
                v.pop(mt.addressType());
                v.push(ValType.V128);
            }
            case LANE -> lane(v, op);
            case MEM_LANE -> memoryLane(v, op);
            default -> throw v.error("illegal opcode 0xfd " + op);
        }
    }

    private static int laneIndex(CodeValidator v, int count) {
        int lane = v.r.u8();
        if (lane >= count) {
            throw v.error("invalid lane index");
        }
        return lane;
    }

    private static void shuffle(CodeValidator v) {
        for (int i = 0; i < 16; i++) {
            laneIndex(v, 32);
        }
        NumericRules.unaryOrBinary(v, ValType.V128, true, ValType.V128);
    }

    /** Extract (even offset from the group start is extract, replace is the last of each group). */
    private static void lane(CodeValidator v, int op) {
        laneIndex(v, ARG[op]);
        boolean replace = op == 23 || op == 26 || op == 28 || op == 30 || op == 32 || op == 34;
        if (replace) {
            v.pop(SCALAR[op]);
            v.pop(ValType.V128);
            v.push(ValType.V128);
        } else {
            v.pop(ValType.V128);
            v.push(SCALAR[op]);
        }
    }

    private static void memoryLane(CodeValidator v, int op) {
        int sizeLog2 = ARG[op];
        MemoryType mt = MemoryRules.memarg(v, sizeLog2);
        laneIndex(v, 16 >> sizeLog2);
        v.pop(ValType.V128);
        v.pop(mt.addressType());
        if (op < 88) {
            v.push(ValType.V128);
        }
    }
}
