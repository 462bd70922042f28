package dev.jwasm.core.interp;

import dev.jwasm.api.TrapKind;
import dev.jwasm.core.numeric.F64Ops;
import dev.jwasm.core.numeric.I32Ops;
import dev.jwasm.core.runtime.InstanceImpl;
import dev.jwasm.core.runtime.MemoryInstance;

/**
 * The second level of {@link Interpreter}'s dispatch: every instruction that is not hot in real programs
 * (reference and table instructions, narrow loads and stores, other memories, bulk memory, division,
 * conversions, unfused i32 comparisons, rarely lowered branches, and {@link ColdNumeric}'s numerics). The
 * dispatch loop sends them all through its one {@code default}, so the loop's switch has fewer keys:
 * HotSpot's C1 profiling code tests every key per dispatch, and C2's compile of the loop (trimmed to the
 * keys seen, or untrimmed after a phase change) grows with them. This method is too large for C2 to inline
 * into the loop, which is the point.
 */
final class ColdDispatch {
    private ColdDispatch() {
    }

    /** Packs the next code position and stack top into the result of {@link #execute}. */
    static long next(int pc, int sp) {
        return (long) pc << 32 | (sp & 0xFFFF_FFFFL);
    }

    private static long ea(long addr, int offset) {
        return (addr & 0xFFFF_FFFFL) + (offset & 0xFFFF_FFFFL);
    }

    /**
     * Executes instruction {@code op}, whose immediates start at {@code pc}, on the frame at {@code fp} with
     * stack top {@code sp}. Returns {@link #next}{@code (pc, sp)} after it (pc is a branch target if taken).
     */
    static long execute(int op, int[] code, int pc, InstanceImpl inst, MemoryInstance mem, long[] s, Object[] r,
            int sp, int fp) {
        switch (op) {
            case Op.UNREACHABLE: throw Support.trap(TrapKind.UNREACHABLE);
            case Op.BR_IF:
                if ((int) s[--sp] != 0) {
                    sp = Support.branch(s, r, sp, code[pc + 1], code[pc + 2]);
                    return next(code[pc], sp);
                }
                return next(pc + 3, sp);
            case Op.BR_ON_NULL:
                if (r[sp - 1] == null) {
                    sp = Support.branch(s, r, sp - 1, code[pc + 1], code[pc + 2]);
                    return next(code[pc], sp);
                }
                return next(pc + 3, sp);
            case Op.BR_ON_NON_NULL:
                if (r[sp - 1] != null) {
                    sp = Support.branch(s, r, sp, code[pc + 1], code[pc + 2]);
                    return next(code[pc], sp);
                }
                return next(pc + 3, sp - 1);
            case Op.SELECT_REF:
                sp -= 2;
                if ((int) s[sp + 1] == 0) {
                    r[sp - 1] = r[sp];
                }
                return next(pc, sp);
            case Op.LOCAL_GET_REF: r[sp++] = r[fp + code[pc++]]; return next(pc, sp);
            case Op.LOCAL_SET_REF: r[fp + code[pc++]] = r[--sp]; return next(pc, sp);
            case Op.LOCAL_TEE_REF: r[fp + code[pc++]] = r[sp - 1]; return next(pc, sp);
            case Op.GLOBAL_GET_REF: r[sp++] = inst.globals[code[pc++]].ref; return next(pc, sp);
            case Op.GLOBAL_SET_REF: Support.globalSetRef(inst.globals[code[pc++]], r[--sp]); return next(pc, sp);
            case Op.TABLE_GET: r[sp - 1] = Support.tableGet(inst, code[pc++], s[sp - 1]); return next(pc, sp);
            case Op.TABLE_SET:
                sp -= 2;
                Support.tableSet(inst, code[pc++], s[sp], r[sp + 1]);
                return next(pc, sp);
            // narrow loads and stores: wasm opcode bytes
            case Op.WASM + 0x2C: case Op.WASM + 0x30: s[sp - 1] = mem.loadI8(ea(s[sp - 1], code[pc++])); return next(pc, sp);
            case Op.WASM + 0x2E: case Op.WASM + 0x32: s[sp - 1] = mem.loadI16(ea(s[sp - 1], code[pc++])); return next(pc, sp);
            case Op.WASM + 0x2F: case Op.WASM + 0x33: s[sp - 1] = mem.loadU16(ea(s[sp - 1], code[pc++])); return next(pc, sp);
            case Op.WASM + 0x35: s[sp - 1] = mem.loadI32(ea(s[sp - 1], code[pc++])) & 0xFFFF_FFFFL; return next(pc, sp);
            case Op.WASM + 0x3B: case Op.WASM + 0x3D:
                sp -= 2;
                mem.storeI16(ea(s[sp], code[pc++]), s[sp + 1]);
                return next(pc, sp);
            case Op.MEM_GENERIC:
                sp = Support.memGeneric(inst, s, sp, code[pc], code[pc + 1],
                        (code[pc + 2] & 0xFFFF_FFFFL) | (long) code[pc + 3] << 32);
                return next(pc + 4, sp);
            case Op.MEMORY_SIZE: s[sp++] = Support.memorySize(inst, code[pc++]); return next(pc, sp);
            case Op.MEMORY_GROW: s[sp - 1] = Support.memoryGrow(inst, code[pc++], s[sp - 1]); return next(pc, sp);
            case Op.BR:
                return next(code[pc], Support.branch(s, r, sp, code[pc + 1], code[pc + 2]));
            // i32.eq .. i32.ge_u
            case Op.WASM + 0x46: sp--; s[sp - 1] = Cmp.eq((int) s[sp - 1], (int) s[sp]); return next(pc, sp);
            case Op.WASM + 0x47: sp--; s[sp - 1] = Cmp.ne((int) s[sp - 1], (int) s[sp]); return next(pc, sp);
            case Op.WASM + 0x48: sp--; s[sp - 1] = Cmp.ltS((int) s[sp - 1], (int) s[sp]); return next(pc, sp);
            case Op.WASM + 0x49: sp--; s[sp - 1] = Cmp.ltU((int) s[sp - 1], (int) s[sp]); return next(pc, sp);
            case Op.WASM + 0x4A: sp--; s[sp - 1] = Cmp.ltS((int) s[sp], (int) s[sp - 1]); return next(pc, sp);
            case Op.WASM + 0x4B: sp--; s[sp - 1] = Cmp.ltU((int) s[sp], (int) s[sp - 1]); return next(pc, sp);
            case Op.WASM + 0x4C: sp--; s[sp - 1] = (Cmp.ltS((int) s[sp], (int) s[sp - 1]) ^ 1); return next(pc, sp);
            case Op.WASM + 0x4D: sp--; s[sp - 1] = (Cmp.ltU((int) s[sp], (int) s[sp - 1]) ^ 1); return next(pc, sp);
            case Op.WASM + 0x4E: sp--; s[sp - 1] = (Cmp.ltS((int) s[sp - 1], (int) s[sp]) ^ 1); return next(pc, sp);
            case Op.WASM + 0x4F: sp--; s[sp - 1] = (Cmp.ltU((int) s[sp - 1], (int) s[sp]) ^ 1); return next(pc, sp);
            case Op.I32_ROTR_C:
                s[sp++] = code[pc++];
                // fall through
            case Op.WASM + 0x78: sp--; s[sp - 1] = Integer.rotateRight((int) s[sp - 1], (int) s[sp]); return next(pc, sp);
            case Op.I64_AND_C:
                s[sp++] = (code[pc] & 0xFFFF_FFFFL) | (long) code[pc + 1] << 32;
                pc += 2;
                // fall through
            case Op.WASM + 0x83: sp--; s[sp - 1] &= s[sp]; return next(pc, sp);
            case Op.I64_XOR_C:
                s[sp - 1] ^= (code[pc] & 0xFFFF_FFFFL) | (long) code[pc + 1] << 32;
                return next(pc + 2, sp);
            // i32 division, i64 sub/or/shr_s, f64 abs/neg
            case Op.WASM + 0x6D: sp--; s[sp - 1] = I32Ops.divS((int) s[sp - 1], (int) s[sp]); return next(pc, sp);
            case Op.WASM + 0x6E: sp--; s[sp - 1] = I32Ops.divU((int) s[sp - 1], (int) s[sp]); return next(pc, sp);
            case Op.WASM + 0x6F: sp--; s[sp - 1] = I32Ops.remS((int) s[sp - 1], (int) s[sp]); return next(pc, sp);
            case Op.WASM + 0x70: sp--; s[sp - 1] = I32Ops.remU((int) s[sp - 1], (int) s[sp]); return next(pc, sp);
            case Op.WASM + 0x7D: sp--; s[sp - 1] -= s[sp]; return next(pc, sp);
            case Op.WASM + 0x84: sp--; s[sp - 1] |= s[sp]; return next(pc, sp);
            case Op.WASM + 0x87: sp--; s[sp - 1] >>= s[sp]; return next(pc, sp);
            case Op.WASM + 0x99: s[sp - 1] = F64Ops.abs(s[sp - 1]); return next(pc, sp);
            case Op.WASM + 0x9A: s[sp - 1] = F64Ops.neg(s[sp - 1]); return next(pc, sp);
            case Op.REF_NULL: r[sp++] = null; return next(pc, sp);
            case Op.REF_IS_NULL: s[sp - 1] = r[sp - 1] == null ? 1 : 0; return next(pc, sp);
            case Op.REF_FUNC: r[sp++] = inst.functions[code[pc++]]; return next(pc, sp);
            case Op.REF_EQ: sp--; s[sp - 1] = r[sp - 1] == r[sp] ? 1 : 0; return next(pc, sp);
            case Op.REF_AS_NON_NULL:
                if (r[sp - 1] == null) {
                    throw Support.nullReference();
                }
                return next(pc, sp);
            case Op.MISC_BASE: case Op.MISC_BASE + 1: case Op.MISC_BASE + 2: case Op.MISC_BASE + 3:
            case Op.MISC_BASE + 4: case Op.MISC_BASE + 5: case Op.MISC_BASE + 6: case Op.MISC_BASE + 7:
                s[sp - 1] = ConversionDispatch.truncSat(op - Op.MISC_BASE, s[sp - 1]);
                return next(pc, sp);
            case Op.MISC_BASE + 8: case Op.MISC_BASE + 9: case Op.MISC_BASE + 10: case Op.MISC_BASE + 11:
            case Op.MISC_BASE + 12: case Op.MISC_BASE + 13: case Op.MISC_BASE + 14: case Op.MISC_BASE + 15:
            case Op.MISC_BASE + 16: case Op.MISC_BASE + 17:
                sp = Support.misc(inst, op - Op.MISC_BASE, code[pc], code[pc + 1], s, r, sp);
                return next(pc + Support.MISC_IMMEDIATES[op - Op.MISC_BASE], sp);
            // i32 comparisons fused with if: rarely formed by the lowerer in compiled C
            case Op.IF_CMP: sp--; return next(Cmp.select(Cmp.eqz((int) s[sp]), pc + 1, code[pc]), sp);
            case Op.IF_CMP + 1: sp -= 2; return next(Cmp.select(Cmp.eq((int) s[sp], (int) s[sp + 1]), pc + 1, code[pc]), sp);
            case Op.IF_CMP + 2: sp -= 2; return next(Cmp.select(Cmp.ne((int) s[sp], (int) s[sp + 1]), pc + 1, code[pc]), sp);
            case Op.IF_CMP + 3: sp -= 2; return next(Cmp.select(Cmp.ltS((int) s[sp], (int) s[sp + 1]), pc + 1, code[pc]), sp);
            case Op.IF_CMP + 4: sp -= 2; return next(Cmp.select(Cmp.ltU((int) s[sp], (int) s[sp + 1]), pc + 1, code[pc]), sp);
            case Op.IF_CMP + 5: sp -= 2; return next(Cmp.select(Cmp.ltS((int) s[sp + 1], (int) s[sp]), pc + 1, code[pc]), sp);
            case Op.IF_CMP + 6: sp -= 2; return next(Cmp.select(Cmp.ltU((int) s[sp + 1], (int) s[sp]), pc + 1, code[pc]), sp);
            case Op.IF_CMP + 7: sp -= 2; return next(Cmp.select(Cmp.ltS((int) s[sp + 1], (int) s[sp]) ^ 1, pc + 1, code[pc]), sp);
            case Op.IF_CMP + 8: sp -= 2; return next(Cmp.select(Cmp.ltU((int) s[sp + 1], (int) s[sp]) ^ 1, pc + 1, code[pc]), sp);
            case Op.IF_CMP + 9: sp -= 2; return next(Cmp.select(Cmp.ltS((int) s[sp], (int) s[sp + 1]) ^ 1, pc + 1, code[pc]), sp);
            case Op.IF_CMP + 10: sp -= 2; return next(Cmp.select(Cmp.ltU((int) s[sp], (int) s[sp + 1]) ^ 1, pc + 1, code[pc]), sp);
            default: {
                int wasm = op - Op.WASM;
                if (wasm >= 0xA7 && wasm <= 0xC4) {
                    s[sp - 1] = ConversionDispatch.convert(wasm, s[sp - 1]);
                    return next(pc, sp);
                }
                return next(pc, ColdNumeric.apply(wasm, s, sp));
            }
        }
    }
}
