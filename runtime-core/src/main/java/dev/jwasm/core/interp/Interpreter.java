package dev.jwasm.core.interp;

import dev.jwasm.core.numeric.F32Ops;
import dev.jwasm.core.numeric.F64Ops;
import dev.jwasm.core.numeric.I32Ops;
import dev.jwasm.core.numeric.I64Ops;
import dev.jwasm.core.runtime.ExecContext;
import dev.jwasm.core.runtime.FunctionCode;
import dev.jwasm.core.runtime.FunctionInstance;
import dev.jwasm.core.runtime.InstanceImpl;
import dev.jwasm.core.runtime.MemoryInstance;
import dev.jwasm.core.runtime.TierUp;
import dev.jwasm.core.runtime.WasmFunction;
import java.lang.invoke.MethodHandles;

/**
 * Tier 0: executes lowered code ({@link Op}) with a switch loop over a shared {@code long[]}/{@code Object[]}
 * value stack. A frame is {@code [fp, fp+locals)} for locals followed by its operand stack; a call's
 * arguments are the caller's top slots, which become the callee's first locals without copying. Each wasm
 * call is one Java call of {@link #execute}; tail calls loop inside it so they need no Java stack.
 */
public final class Interpreter {
    /** The entry of a function not lowered yet. A class, not a method reference: see {@link Lazy}. */
    private static final FunctionCode LAZY = new Lazy();

    static {
        // Initialise every class the dispatch loop calls before C2 first compiles it: a call into a class that
        // is not loaded yet compiles to an uncommon trap, so a program's first use of, say, an i64 division
        // would throw the compiled loop away and force a recompile.
        MethodHandles.Lookup lookup = MethodHandles.lookup();
        for (Class<?> c : new Class<?>[] {Cmp.class, ColdDispatch.class, ColdNumeric.class, ConversionDispatch.class,
                Support.class, I32Ops.class, I64Ops.class, F32Ops.class, F64Ops.class, MemoryInstance.class,
                TierUp.class}) {
            try {
                lookup.ensureInitialized(c);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private Interpreter() {
    }

    /** The initial entry of every defined function: lowers it on first call, then installs the result. */
    public static FunctionCode lazyEntry() {
        return LAZY;
    }

    /**
     * Lowers a function on its first call, then runs it. A named class, so linking an instance bootstraps no
     * lambda call site (each costs start-up time, run interpreted by the JVM).
     */
    private static final class Lazy implements FunctionCode {
        @Override
        public void invoke(ExecContext ctx, WasmFunction fn, int fp) {
            lowerAndRun(ctx, fn, fp);
        }
    }

    private static void lowerAndRun(ExecContext ctx, WasmFunction fn, int fp) {
        InterpretedCode ic = interpretedCode(fn);
        // null: another tier installed its code concurrently (background tier-up).
        (ic != null ? ic : fn.entry).invoke(ctx, fn, fp);
    }

    /** The interpreter code of {@code fn}, lowering it if needed; null if another tier's code is installed. */
    static InterpretedCode interpretedCode(WasmFunction fn) {
        FunctionCode c = fn.entry;
        if (c instanceof InterpretedCode ic) {
            return ic;
        }
        if (c != LAZY) {
            return null;
        }
        InterpretedCode ic = Lowerer.lower(fn.instance.module().decoded(), fn.instance.typeIds, fn.index);
        if (fn.entry == LAZY) {
            // Not over code a compiling tier installed meanwhile (background tier-up).
            fn.entry = ic;
        }
        return ic;
    }

    /** Runs {@code fn} with its arguments at {@code fp}; leaves the results there. */
    static void execute(ExecContext ctx, WasmFunction fn, InterpretedCode ic, int fp) {
        for (;;) {
            ctx.enter(fn);
            if (++fn.callCount == TierUp.CALL_THRESHOLD) {
                TierUp.hot(fn);
            }
            InstanceImpl inst = fn.instance;
            boolean metered = ctx.metered(inst);
            if (metered) {
                ctx.meter(inst, ic.entryCost);
            }
            initFrame(ctx, ic, fp);
            FunctionInstance callee = run(ctx, fn, ic, fp, metered);
            ctx.depth--;
            if (callee == null) {
                return;
            }
            // Tail call: arguments are already at fp.
            InterpretedCode next = callee instanceof WasmFunction w ? interpretedCode(w) : null;
            if (next == null) {
                callee.invokeFromWasm(ctx, fp, inst);
                return;
            }
            fn = (WasmFunction) callee;
            ic = next;
        }
    }

    private static void initFrame(ExecContext ctx, InterpretedCode ic, int fp) {
        int localsEnd = fp + ic.numLocals;
        ctx.ensureCapacity(localsEnd + ic.maxStack);
        long[] s = ctx.stack;
        Object[] r = ctx.refs;
        for (int i = fp + ic.numParams; i < localsEnd; i++) {
            s[i] = 0;
            r[i] = null;
        }
    }

    /**
     * The rare work of a loop header (every 256th back-edge, the tier-up threshold, or any back-edge when
     * metered): tier-up, on-stack replacement, fuel. {@code at} is the LOOP op's first immediate. Returns
     * true when compiled code ran the rest of the function (on-stack replacement).
     */
    private static boolean loopHeader(ExecContext ctx, WasmFunction fn, int count, int[] code, int at, int fp,
            boolean metered) {
        if (count == TierUp.LOOP_THRESHOLD) {
            TierUp.hot(fn);
        }
        // On-stack replacement once compiled code exists, at an empty operand stack (osrOffset >= 0).
        if ((count & 0xFF) == 0 && !(fn.entry instanceof InterpretedCode)
                && TierUp.enterLoop(ctx, fn, code[at + 1], fp)) {
            return true;
        }
        if (metered) {
            ctx.meter(fn.instance, code[at]);
        }
        return false;
    }

    private static long ea(long addr, int offset) {
        return (addr & 0xFFFF_FFFFL) + (offset & 0xFFFF_FFFFL);
    }

    /** The dispatch loop. Returns null on return, or the callee of a tail call (arguments moved to fp). */
    private static FunctionInstance run(ExecContext ctx, WasmFunction fn, InterpretedCode ic, int fp,
            boolean metered) {
        // Few locals live across the loop: each one costs C2 register-allocation time on this large method,
        // and the instance's other parts are one load away in the cases that use them.
        final int[] code = ic.code;
        final MemoryInstance mem = fn.instance.memory0;
        long[] s = ctx.stack;
        Object[] r = ctx.refs;
        int sp = fp + ic.numLocals;
        int pc = 0;
        for (;;) {
            int op = code[pc++];
            switch (op) {
                case Op.LOOP: {
                    int count = ++fn.backEdgeCount;
                    // The threshold test is arithmetic: as a branch it would be compiled as an uncommon trap
                    // until some function loops LOOP_THRESHOLD times, and then throw the compiled loop away.
                    if (((Cmp.eqz(count & 0xFF) | Cmp.eq(count, TierUp.LOOP_THRESHOLD)) != 0 | metered)
                            && loopHeader(ctx, fn, count, code, pc, fp, metered)) {
                        return null;
                    }
                    pc += 2;
                    break;
                }
                case Op.IF: pc = Cmp.select(Cmp.nez((int) s[--sp]), pc + 1, code[pc]); break;
                case Op.GOTO: pc = code[pc]; break;
                case Op.BR_IF_SIMPLE: pc = Cmp.select(Cmp.nez((int) s[--sp]), code[pc], pc + 1); break;
                case Op.BR_TABLE: {
                    int n = code[pc];
                    int i = (int) s[--sp];
                    int e = pc + 1 + 3 * Cmp.select(Cmp.ltU(i, n), i, n);
                    sp = Support.branch(s, r, sp, code[e + 1], code[e + 2]);
                    pc = code[e];
                    break;
                }
                case Op.RETURN:
                    Support.toFrameBase(s, r, sp, fp, fn.resultCount);
                    return null;
                case Op.CALL: {
                    FunctionInstance f = fn.instance.functions[code[pc++]];
                    int nfp = sp - f.paramCount;
                    f.invokeFromWasm(ctx, nfp, fn.instance);
                    sp = nfp + f.resultCount;
                    s = ctx.stack;
                    r = ctx.refs;
                    break;
                }
                case Op.CALL_INDIRECT: {
                    FunctionInstance f = Support.indirect(fn.instance, code[pc], code[pc + 1], code[pc + 2], s[--sp]);
                    pc += 3;
                    int nfp = sp - f.paramCount;
                    f.invokeFromWasm(ctx, nfp, fn.instance);
                    sp = nfp + f.resultCount;
                    s = ctx.stack;
                    r = ctx.refs;
                    break;
                }
                case Op.CALL_REF: {
                    FunctionInstance f = Support.ref(r[--sp]);
                    int nfp = sp - f.paramCount;
                    f.invokeFromWasm(ctx, nfp, fn.instance);
                    sp = nfp + f.resultCount;
                    s = ctx.stack;
                    r = ctx.refs;
                    break;
                }
                case Op.RETURN_CALL: {
                    FunctionInstance f = fn.instance.functions[code[pc]];
                    Support.toFrameBase(s, r, sp, fp, f.paramCount);
                    return f;
                }
                case Op.RETURN_CALL_INDIRECT: {
                    FunctionInstance f = Support.indirect(fn.instance, code[pc], code[pc + 1], code[pc + 2], s[--sp]);
                    Support.toFrameBase(s, r, sp, fp, f.paramCount);
                    return f;
                }
                case Op.RETURN_CALL_REF: {
                    FunctionInstance f = Support.ref(r[--sp]);
                    Support.toFrameBase(s, r, sp, fp, f.paramCount);
                    return f;
                }
                case Op.DROP: sp--; break;
                case Op.SELECT: {
                    sp -= 2;
                    long pickSecond = -(long) Cmp.eqz((int) s[sp + 1]);
                    s[sp - 1] ^= (s[sp - 1] ^ s[sp]) & pickSecond;
                    break;
                }
                case Op.LOCAL_GET: s[sp++] = s[fp + code[pc++]]; break;
                case Op.LOCAL_SET: s[fp + code[pc++]] = s[--sp]; break;
                case Op.LOCAL_GET_TEE:
                    s[sp++] = s[fp + code[pc++]];
                    // fall through
                case Op.LOCAL_TEE: s[fp + code[pc++]] = s[sp - 1]; break;
                case Op.LOCAL_COPY2:
                    s[fp + code[pc + 1]] = s[fp + code[pc]];
                    pc += 2;
                    // fall through
                case Op.LOCAL_COPY: s[fp + code[pc + 1]] = s[fp + code[pc]]; pc += 2; break;
                case Op.GLOBAL_GET: s[sp++] = fn.instance.globals[code[pc++]].bits; break;
                case Op.GLOBAL_SET: fn.instance.globals[code[pc++]].bits = s[--sp]; break;
                case Op.I32_LOAD_LC:
                    s[sp++] = (int) s[fp + code[pc]] + code[pc + 1];
                    pc += 2;
                    // fall through: load from the pushed address
                case Op.I32_LOAD: s[sp - 1] = mem.loadI32(ea(s[sp - 1], code[pc++])); break;
                case Op.I64_LOAD_LC:
                    s[sp++] = (int) s[fp + code[pc]] + code[pc + 1];
                    pc += 2;
                    // fall through
                case Op.I64_LOAD: s[sp - 1] = mem.loadI64(ea(s[sp - 1], code[pc++])); break;
                case Op.U8_LOAD_LC:
                    s[sp++] = (int) s[fp + code[pc]] + code[pc + 1];
                    pc += 2;
                    // fall through
                case Op.U8_LOAD: s[sp - 1] = mem.loadU8(ea(s[sp - 1], code[pc++])); break;
                case Op.I32_STORE_C:
                    s[sp++] = code[pc++];
                    // fall through
                case Op.I32_STORE: sp -= 2; mem.storeI32(ea(s[sp], code[pc++]), s[sp + 1]); break;
                case Op.F64_ADD_STORE:
                    sp--;
                    s[sp - 1] = F64Ops.add(s[sp - 1], s[sp]);
                    // fall through: store the sum
                case Op.I64_STORE: sp -= 2; mem.storeI64(ea(s[sp], code[pc++]), s[sp + 1]); break;
                case Op.I32_STORE8_C:
                    s[sp++] = code[pc++];
                    // fall through
                case Op.I32_STORE8: sp -= 2; mem.storeI8(ea(s[sp], code[pc++]), s[sp + 1]); break;
                case Op.I32_CONST: s[sp++] = code[pc++]; break;
                case Op.I64_CONST: s[sp++] = (code[pc] & 0xFFFF_FFFFL) | (long) code[pc + 1] << 32; pc += 2; break;
                // i32 comparisons
                case Op.I32_EQZ: s[sp - 1] = Cmp.eqz((int) s[sp - 1]); break;
                // i32 arithmetic
                case Op.I32_ADD_C:
                    s[sp++] = code[pc++];
                    // fall through
                case Op.I32_ADD: sp--; s[sp - 1] = (int) s[sp - 1] + (int) s[sp]; break;
                case Op.I32_SUB_C:
                    s[sp++] = code[pc++];
                    // fall through
                case Op.I32_SUB: sp--; s[sp - 1] = (int) s[sp - 1] - (int) s[sp]; break;
                case Op.I32_MUL_C:
                    s[sp++] = code[pc++];
                    // fall through
                case Op.I32_MUL: sp--; s[sp - 1] = (int) s[sp - 1] * (int) s[sp]; break;
                case Op.I32_AND_C:
                    s[sp++] = code[pc++];
                    // fall through
                case Op.I32_AND: sp--; s[sp - 1] = (int) s[sp - 1] & (int) s[sp]; break;
                case Op.I32_OR_C:
                    s[sp++] = code[pc++];
                    // fall through
                case Op.I32_OR: sp--; s[sp - 1] = (int) s[sp - 1] | (int) s[sp]; break;
                case Op.I32_XOR_C:
                    s[sp++] = code[pc++];
                    // fall through
                case Op.I32_XOR: sp--; s[sp - 1] = (int) s[sp - 1] ^ (int) s[sp]; break;
                case Op.I32_SHL_C:
                    s[sp++] = code[pc++];
                    // fall through
                case Op.I32_SHL: sp--; s[sp - 1] = (int) s[sp - 1] << (int) s[sp]; break;
                case Op.I32_SHR_S_C:
                    s[sp++] = code[pc++];
                    // fall through
                case Op.I32_SHR_S: sp--; s[sp - 1] = (int) s[sp - 1] >> (int) s[sp]; break;
                case Op.I32_SHR_U_LC:
                    s[sp++] = s[fp + code[pc++]];
                    // fall through
                case Op.I32_SHR_U_C:
                    s[sp++] = code[pc++];
                    // fall through
                case Op.I32_SHR_U: sp--; s[sp - 1] = (int) s[sp - 1] >>> (int) s[sp]; break;
                case Op.I32_ROTL_LC:
                    s[sp++] = s[fp + code[pc++]];
                    // fall through
                case Op.I32_ROTL_C:
                    s[sp++] = code[pc++];
                    // fall through
                case Op.I32_ROTL: sp--; s[sp - 1] = Integer.rotateLeft((int) s[sp - 1], (int) s[sp]); break;
                // i64 arithmetic
                case Op.I64_ADD_C:
                    s[sp++] = (code[pc] & 0xFFFF_FFFFL) | (long) code[pc + 1] << 32;
                    pc += 2;
                    // fall through
                case Op.I64_ADD: sp--; s[sp - 1] += s[sp]; break;
                case Op.I64_MUL_C:
                    s[sp++] = (code[pc] & 0xFFFF_FFFFL) | (long) code[pc + 1] << 32;
                    pc += 2;
                    // fall through
                case Op.I64_MUL: sp--; s[sp - 1] *= s[sp]; break;
                case Op.I64_XOR: sp--; s[sp - 1] ^= s[sp]; break;
                case Op.I64_SHL_C:
                    s[sp++] = (code[pc] & 0xFFFF_FFFFL) | (long) code[pc + 1] << 32;
                    pc += 2;
                    // fall through
                case Op.I64_SHL: sp--; s[sp - 1] <<= s[sp]; break;
                case Op.I64_SHR_U_C:
                    s[sp++] = (code[pc] & 0xFFFF_FFFFL) | (long) code[pc + 1] << 32;
                    pc += 2;
                    // fall through
                case Op.I64_SHR_U: sp--; s[sp - 1] >>>= s[sp]; break;
                // f64 arithmetic
                case Op.F64_SQRT: s[sp - 1] = F64Ops.sqrt(s[sp - 1]); break;
                case Op.F64_ADD_LL:
                    s[sp++] = s[fp + code[pc++]];
                    // fall through
                case Op.F64_ADD_L:
                    s[sp++] = s[fp + code[pc++]];
                    // fall through
                case Op.F64_ADD: sp--; s[sp - 1] = F64Ops.add(s[sp - 1], s[sp]); break;
                case Op.F64_SUB: sp--; s[sp - 1] = F64Ops.sub(s[sp - 1], s[sp]); break;
                case Op.F64_MUL_LL:
                    s[sp++] = s[fp + code[pc++]];
                    // fall through
                case Op.F64_MUL_L:
                    s[sp++] = s[fp + code[pc++]];
                    // fall through
                case Op.F64_MUL: sp--; s[sp - 1] = F64Ops.mul(s[sp - 1], s[sp]); break;
                case Op.LOCAL_TEE_F64_MUL:
                    s[fp + code[pc++]] = s[sp - 1];
                    sp--;
                    s[sp - 1] = F64Ops.mul(s[sp - 1], s[sp]);
                    break;
                case Op.F64_MUL_C:
                    s[sp - 1] = F64Ops.mul(s[sp - 1], (code[pc] & 0xFFFF_FFFFL) | (long) code[pc + 1] << 32);
                    pc += 2;
                    break;
                case Op.F64_DIV: sp--; s[sp - 1] = F64Ops.div(s[sp - 1], s[sp]); break;
                // superinstructions
                case Op.LOCAL_GET2:
                    s[sp] = s[fp + code[pc]];
                    s[sp + 1] = s[fp + code[pc + 1]];
                    sp += 2;
                    pc += 2;
                    break;
                case Op.LOCAL_GET_I32_CONST:
                    s[sp] = s[fp + code[pc]];
                    s[sp + 1] = code[pc + 1];
                    sp += 2;
                    pc += 2;
                    break;
                case Op.I32_ADD_LOCAL_CONST: s[sp++] = (int) s[fp + code[pc]] + code[pc + 1]; pc += 2; break;
                case Op.I32_ADD_LL: s[sp++] = (int) s[fp + code[pc]] + (int) s[fp + code[pc + 1]]; pc += 2; break;
                case Op.I32_ADD_LL_SET: s[fp + code[pc + 2]] = (int) s[fp + code[pc]] + (int) s[fp + code[pc + 1]]; pc += 3; break;
                case Op.I32_ADD_LL_TEE:
                    s[sp++] = s[fp + code[pc + 2]] = (int) s[fp + code[pc]] + (int) s[fp + code[pc + 1]];
                    pc += 3;
                    break;
                case Op.I32_ADD_LC_SET: s[fp + code[pc + 2]] = (int) s[fp + code[pc]] + code[pc + 1]; pc += 3; break;
                case Op.I32_ADD_LC_TEE: s[sp++] = s[fp + code[pc + 2]] = (int) s[fp + code[pc]] + code[pc + 1]; pc += 3; break;
                case Op.BR_IF_EQZ: pc = Cmp.select(Cmp.eqz((int) s[--sp]), code[pc], pc + 1); break;
                case Op.BR_IF_EQ: sp -= 2; pc = Cmp.select(Cmp.eq((int) s[sp], (int) s[sp + 1]), code[pc], pc + 1); break;
                case Op.BR_IF_NE: sp -= 2; pc = Cmp.select(Cmp.ne((int) s[sp], (int) s[sp + 1]), code[pc], pc + 1); break;
                case Op.BR_IF_LT_S: sp -= 2; pc = Cmp.select(Cmp.ltS((int) s[sp], (int) s[sp + 1]), code[pc], pc + 1); break;
                case Op.BR_IF_LT_U: sp -= 2; pc = Cmp.select(Cmp.ltU((int) s[sp], (int) s[sp + 1]), code[pc], pc + 1); break;
                case Op.BR_IF_GT_S: sp -= 2; pc = Cmp.select(Cmp.ltS((int) s[sp + 1], (int) s[sp]), code[pc], pc + 1); break;
                case Op.BR_IF_GT_U: sp -= 2; pc = Cmp.select(Cmp.ltU((int) s[sp + 1], (int) s[sp]), code[pc], pc + 1); break;
                case Op.BR_IF_LE_S: sp -= 2; pc = Cmp.select(Cmp.ltS((int) s[sp + 1], (int) s[sp]) ^ 1, code[pc], pc + 1); break;
                case Op.BR_IF_LE_U_L:
                    s[sp++] = s[fp + code[pc++]];
                    // fall through
                case Op.BR_IF_LE_U: sp -= 2; pc = Cmp.select(Cmp.ltU((int) s[sp + 1], (int) s[sp]) ^ 1, code[pc], pc + 1); break;
                case Op.BR_IF_GE_S: sp -= 2; pc = Cmp.select(Cmp.ltS((int) s[sp], (int) s[sp + 1]) ^ 1, code[pc], pc + 1); break;
                case Op.BR_IF_GE_U: sp -= 2; pc = Cmp.select(Cmp.ltU((int) s[sp], (int) s[sp + 1]) ^ 1, code[pc], pc + 1); break;
                default: {
                    // Everything rarely hot: one key here instead of dozens (see ColdDispatch).
                    long next = ColdDispatch.execute(op, code, pc, fn.instance, mem, s, r, sp, fp);
                    sp = (int) next;
                    pc = (int) (next >>> 32);
                    break;
                }
            }
        }
    }
}
