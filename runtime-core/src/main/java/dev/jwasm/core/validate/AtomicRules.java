package dev.jwasm.core.validate;

import dev.jwasm.core.model.MemoryType;
import dev.jwasm.core.model.ValType;

/**
 * Typing rules of the 0xFE-prefixed atomic instructions (threads proposal): notify/wait, fence, atomic
 * loads and stores, read-modify-write and compare-exchange. Their alignment must equal the access size.
 */
final class AtomicRules {
    /** Access size log2 and value type of the seven variants of each load/store/rmw group. */
    private static final int[] GROUP_SIZE = {2, 3, 0, 1, 0, 1, 2};
    private static final ValType[] GROUP_TYPE = {
        ValType.I32, ValType.I64, ValType.I32, ValType.I32, ValType.I64, ValType.I64, ValType.I64};

    private static final ValType[] NONE = {};
    private static final ValType[] I32 = {ValType.I32};
    private static final ValType[] I64 = {ValType.I64};
    private static final ValType[] I32_I64 = {ValType.I32, ValType.I64};
    private static final ValType[] I64_I64 = {ValType.I64, ValType.I64};
    private static final ValType[] I32_I32 = {ValType.I32, ValType.I32};

    private AtomicRules() {
    }

    static void apply(CodeValidator v, int op) {
        switch (op) {
            case 0x00 -> access(v, 2, I32, ValType.I32);
            case 0x01 -> access(v, 2, I32_I64, ValType.I32);
            case 0x02 -> access(v, 3, I64_I64, ValType.I32);
            case 0x03 -> {
                if (v.r.u8() != 0) {
                    throw v.error("malformed fence");
                }
            }
            default -> grouped(v, op);
        }
    }

    private static void grouped(CodeValidator v, int op) {
        if (op >= 0x10 && op <= 0x16) {
            int k = op - 0x10;
            access(v, GROUP_SIZE[k], NONE, GROUP_TYPE[k]);
        } else if (op >= 0x17 && op <= 0x1D) {
            int k = op - 0x17;
            access(v, GROUP_SIZE[k], one(k), null);
        } else if (op >= 0x1E && op <= 0x47) {
            int k = (op - 0x1E) % 7;
            access(v, GROUP_SIZE[k], one(k), GROUP_TYPE[k]);
        } else if (op >= 0x48 && op <= 0x4E) {
            int k = op - 0x48;
            access(v, GROUP_SIZE[k], two(k), GROUP_TYPE[k]);
        } else {
            throw v.error("illegal opcode 0xfe " + op);
        }
    }

    private static ValType[] one(int k) {
        return GROUP_TYPE[k] == ValType.I32 ? I32 : I64;
    }

    private static ValType[] two(int k) {
        return GROUP_TYPE[k] == ValType.I32 ? I32_I32 : I64_I64;
    }

    private static void access(CodeValidator v, int sizeLog2, ValType[] operands, ValType result) {
        int at = v.r.pos();
        int flags = v.r.u32() & ~0x40;
        v.r.seek(at);
        MemoryType mt = MemoryRules.memarg(v, sizeLog2);
        if (flags != sizeLog2) {
            throw v.error("alignment must be exactly natural");
        }
        for (int i = operands.length - 1; i >= 0; i--) {
            v.pop(operands[i]);
        }
        v.pop(mt.addressType());
        if (result != null) {
            v.push(result);
        }
    }
}
