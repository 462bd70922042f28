package dev.jwasm.core.validate;

import dev.jwasm.core.model.MemoryType;
import dev.jwasm.core.model.ValType;

/** Typing rules of loads, stores, memory.size and memory.grow (opcodes 0x28-0x40), and memargs. */
final class MemoryRules {
    private static final int[] NATURAL = {2, 3, 2, 3, 0, 0, 1, 1, 0, 0, 1, 1, 2, 2, 2, 3, 2, 3, 0, 1, 0, 1, 2};
    private static final ValType[] TYPE = {
        ValType.I32, ValType.I64, ValType.F32, ValType.F64, ValType.I32, ValType.I32, ValType.I32, ValType.I32,
        ValType.I64, ValType.I64, ValType.I64, ValType.I64, ValType.I64, ValType.I64,
        ValType.I32, ValType.I64, ValType.F32, ValType.F64, ValType.I32, ValType.I32, ValType.I64, ValType.I64,
        ValType.I64};
    private static final int FIRST_STORE = 0x36;

    private MemoryRules() {
    }

    static void apply(CodeValidator v, int op) {
        if (op == 0x3F) {
            v.push(v.memory(v.r.index()).addressType());
        } else if (op == 0x40) {
            ValType at = v.memory(v.r.index()).addressType();
            v.pop(at);
            v.push(at);
        } else if (op >= 0x28) {
            int i = op - 0x28;
            MemoryType mt = memarg(v, NATURAL[i]);
            if (op >= FIRST_STORE) {
                v.pop(TYPE[i]);
                v.pop(mt.addressType());
            } else {
                v.pop(mt.addressType());
                v.push(TYPE[i]);
            }
        } else {
            throw v.error("illegal opcode " + Integer.toHexString(op));
        }
    }

    /**
     * Reads a memarg (alignment flags, optional memory index when bit 6 is set, offset) and checks it
     * against an access of {@code 2^naturalLog2} bytes. Returns the memory's type.
     */
    static MemoryType memarg(CodeValidator v, int naturalLog2) {
        int flags = v.r.u32();
        int mem = 0;
        if ((flags & 0x40) != 0) {
            flags &= ~0x40;
            mem = v.r.index();
        }
        long offset = v.r.u64();
        MemoryType mt = v.memory(mem);
        if (Integer.compareUnsigned(flags, naturalLog2) > 0) {
            throw v.error(Integer.compareUnsigned(flags, 64) >= 0 ? "malformed memop flags"
                    : "alignment must not be larger than natural");
        }
        if (!mt.is64() && (offset >>> 32) != 0) {
            throw v.error("offset out of range");
        }
        return mt;
    }
}
