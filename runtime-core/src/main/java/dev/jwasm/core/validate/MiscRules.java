package dev.jwasm.core.validate;

import dev.jwasm.core.model.MemoryType;
import dev.jwasm.core.model.TableType;
import dev.jwasm.core.model.ValType;

/**
 * Typing rules of the 0xFC-prefixed instructions: saturating truncations, bulk memory and table
 * instructions (with memory64/table64 address types).
 */
final class MiscRules {
    private static final ValType[] SAT_OPERAND = {
        ValType.F32, ValType.F32, ValType.F64, ValType.F64, ValType.F32, ValType.F32, ValType.F64, ValType.F64};

    private MiscRules() {
    }

    static void apply(CodeValidator v, int op) {
        if (op >= 0 && op <= 7) {
            NumericRules.unaryOrBinary(v, SAT_OPERAND[op], false, op < 4 ? ValType.I32 : ValType.I64);
            return;
        }
        switch (op) {
            case 8 -> {
                int data = v.r.index();
                MemoryType mt = v.memory(v.r.index());
                v.dataSegment(data);
                v.pop(ValType.I32);
                v.pop(ValType.I32);
                v.pop(mt.addressType());
            }
            case 9 -> v.dataSegment(v.r.index());
            case 10 -> memoryCopy(v);
            case 11 -> {
                ValType at = v.memory(v.r.index()).addressType();
                v.pop(at);
                v.pop(ValType.I32);
                v.pop(at);
            }
            case 12 -> tableInit(v);
            case 13 -> v.elementSegment(v.r.index());
            case 14 -> tableCopy(v);
            case 15 -> {
                TableType t = v.table(v.r.index());
                v.pop(t.addressType());
                v.pop(t.elementType());
                v.push(t.addressType());
            }
            case 16 -> v.push(v.table(v.r.index()).addressType());
            case 17 -> {
                TableType t = v.table(v.r.index());
                v.pop(t.addressType());
                v.pop(t.elementType());
                v.pop(t.addressType());
            }
            case 19, 20, 21, 22 -> wideArithmetic(v, op <= 20 ? 4 : 2);
            default -> throw v.error("illegal opcode 0xfc " + op);
        }
    }

    /** i64.add128 / i64.sub128 (four i64 operands) and i64.mul_wide_s/u (two): two i64 results. */
    private static void wideArithmetic(CodeValidator v, int operands) {
        for (int i = 0; i < operands; i++) {
            v.pop(ValType.I64);
        }
        v.push(ValType.I64);
        v.push(ValType.I64);
    }

    private static void memoryCopy(CodeValidator v) {
        MemoryType dst = v.memory(v.r.index());
        MemoryType src = v.memory(v.r.index());
        v.pop(dst.is64() && src.is64() ? ValType.I64 : ValType.I32);
        v.pop(src.addressType());
        v.pop(dst.addressType());
    }

    private static void tableInit(CodeValidator v) {
        int elem = v.r.index();
        TableType t = v.table(v.r.index());
        ValType et = v.elementSegment(elem);
        if (!v.types.isSubtype(et, t.elementType())) {
            throw v.error("type mismatch");
        }
        v.pop(ValType.I32);
        v.pop(ValType.I32);
        v.pop(t.addressType());
    }

    private static void tableCopy(CodeValidator v) {
        TableType dst = v.table(v.r.index());
        TableType src = v.table(v.r.index());
        if (!v.types.isSubtype(src.elementType(), dst.elementType())) {
            throw v.error("type mismatch");
        }
        v.pop(dst.is64() && src.is64() ? ValType.I64 : ValType.I32);
        v.pop(src.addressType());
        v.pop(dst.addressType());
    }
}
