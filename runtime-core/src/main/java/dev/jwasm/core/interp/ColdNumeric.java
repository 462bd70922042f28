package dev.jwasm.core.interp;

import dev.jwasm.core.numeric.F32Ops;
import dev.jwasm.core.numeric.F64Ops;
import dev.jwasm.core.numeric.I64Ops;

/**
 * The numeric instructions that compiled C code rarely runs in hot loops (i64 and float comparisons, f32
 * arithmetic, bit counts, i64 division, rounding, min/max). They live outside {@link Interpreter}'s dispatch loop so
 * that loop stays small: HotSpot compiles a smaller loop sooner and better.
 */
final class ColdNumeric {
    private ColdNumeric() {
    }

    /** Executes stack-only opcode {@code op} on {@code s} with top {@code sp}; returns the new top. */
    static int apply(int op, long[] s, int sp) {
        switch (op) {
            case 0x50: s[sp - 1] = Cmp.eqz(s[sp - 1]); break;
            case 0x51: sp--; s[sp - 1] = Cmp.eq(s[sp - 1], s[sp]); break;
            case 0x52: sp--; s[sp - 1] = Cmp.ne(s[sp - 1], s[sp]); break;
            case 0x53: sp--; s[sp - 1] = Cmp.ltS(s[sp - 1], s[sp]); break;
            case 0x54: sp--; s[sp - 1] = Cmp.ltU(s[sp - 1], s[sp]); break;
            case 0x55: sp--; s[sp - 1] = Cmp.ltS(s[sp], s[sp - 1]); break;
            case 0x56: sp--; s[sp - 1] = Cmp.ltU(s[sp], s[sp - 1]); break;
            case 0x57: sp--; s[sp - 1] = (Cmp.ltS(s[sp], s[sp - 1]) ^ 1); break;
            case 0x58: sp--; s[sp - 1] = (Cmp.ltU(s[sp], s[sp - 1]) ^ 1); break;
            case 0x59: sp--; s[sp - 1] = (Cmp.ltS(s[sp - 1], s[sp]) ^ 1); break;
            case 0x5A: sp--; s[sp - 1] = (Cmp.ltU(s[sp - 1], s[sp]) ^ 1); break;
            case 0x61: sp--; s[sp - 1] = F64Ops.eq(s[sp - 1], s[sp]); break;
            case 0x62: sp--; s[sp - 1] = F64Ops.ne(s[sp - 1], s[sp]); break;
            case 0x63: sp--; s[sp - 1] = F64Ops.lt(s[sp - 1], s[sp]); break;
            case 0x64: sp--; s[sp - 1] = F64Ops.gt(s[sp - 1], s[sp]); break;
            case 0x65: sp--; s[sp - 1] = F64Ops.le(s[sp - 1], s[sp]); break;
            case 0x66: sp--; s[sp - 1] = F64Ops.ge(s[sp - 1], s[sp]); break;
            case 0x5B: sp--; s[sp - 1] = F32Ops.eq(s[sp - 1], s[sp]); break;
            case 0x5C: sp--; s[sp - 1] = F32Ops.ne(s[sp - 1], s[sp]); break;
            case 0x5D: sp--; s[sp - 1] = F32Ops.lt(s[sp - 1], s[sp]); break;
            case 0x5E: sp--; s[sp - 1] = F32Ops.gt(s[sp - 1], s[sp]); break;
            case 0x5F: sp--; s[sp - 1] = F32Ops.le(s[sp - 1], s[sp]); break;
            case 0x60: sp--; s[sp - 1] = F32Ops.ge(s[sp - 1], s[sp]); break;
            case 0x67: s[sp - 1] = Integer.numberOfLeadingZeros((int) s[sp - 1]); break;
            case 0x68: s[sp - 1] = Integer.numberOfTrailingZeros((int) s[sp - 1]); break;
            case 0x69: s[sp - 1] = Integer.bitCount((int) s[sp - 1]); break;
            case 0x79: s[sp - 1] = Long.numberOfLeadingZeros(s[sp - 1]); break;
            case 0x7A: s[sp - 1] = Long.numberOfTrailingZeros(s[sp - 1]); break;
            case 0x7B: s[sp - 1] = Long.bitCount(s[sp - 1]); break;
            case 0x7F: sp--; s[sp - 1] = I64Ops.divS(s[sp - 1], s[sp]); break;
            case 0x80: sp--; s[sp - 1] = I64Ops.divU(s[sp - 1], s[sp]); break;
            case 0x81: sp--; s[sp - 1] = I64Ops.remS(s[sp - 1], s[sp]); break;
            case 0x82: sp--; s[sp - 1] = I64Ops.remU(s[sp - 1], s[sp]); break;
            case 0x89: sp--; s[sp - 1] = Long.rotateLeft(s[sp - 1], (int) s[sp]); break;
            case 0x8A: sp--; s[sp - 1] = Long.rotateRight(s[sp - 1], (int) s[sp]); break;
            case 0x8B: s[sp - 1] = F32Ops.abs(s[sp - 1]); break;
            case 0x8C: s[sp - 1] = F32Ops.neg(s[sp - 1]); break;
            case 0x8D: s[sp - 1] = F32Ops.ceil(s[sp - 1]); break;
            case 0x8E: s[sp - 1] = F32Ops.floor(s[sp - 1]); break;
            case 0x8F: s[sp - 1] = F32Ops.trunc(s[sp - 1]); break;
            case 0x90: s[sp - 1] = F32Ops.nearest(s[sp - 1]); break;
            case 0x91: s[sp - 1] = F32Ops.sqrt(s[sp - 1]); break;
            case 0x92: sp--; s[sp - 1] = F32Ops.add(s[sp - 1], s[sp]); break;
            case 0x93: sp--; s[sp - 1] = F32Ops.sub(s[sp - 1], s[sp]); break;
            case 0x94: sp--; s[sp - 1] = F32Ops.mul(s[sp - 1], s[sp]); break;
            case 0x95: sp--; s[sp - 1] = F32Ops.div(s[sp - 1], s[sp]); break;
            case 0x96: sp--; s[sp - 1] = F32Ops.min(s[sp - 1], s[sp]); break;
            case 0x97: sp--; s[sp - 1] = F32Ops.max(s[sp - 1], s[sp]); break;
            case 0x98: sp--; s[sp - 1] = F32Ops.copysign(s[sp - 1], s[sp]); break;
            case 0x9B: s[sp - 1] = F64Ops.ceil(s[sp - 1]); break;
            case 0x9C: s[sp - 1] = F64Ops.floor(s[sp - 1]); break;
            case 0x9D: s[sp - 1] = F64Ops.trunc(s[sp - 1]); break;
            case 0x9E: s[sp - 1] = F64Ops.nearest(s[sp - 1]); break;
            case 0xA4: sp--; s[sp - 1] = F64Ops.min(s[sp - 1], s[sp]); break;
            case 0xA5: sp--; s[sp - 1] = F64Ops.max(s[sp - 1], s[sp]); break;
            case 0xA6: sp--; s[sp - 1] = F64Ops.copysign(s[sp - 1], s[sp]); break;
            default:
                throw new IllegalStateException("bad lowered opcode " + op);
        }
        return sp;
    }
}
