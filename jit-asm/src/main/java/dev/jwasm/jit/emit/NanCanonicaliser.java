package dev.jwasm.jit.emit;

import dev.jwasm.core.interp.CodeReader;
import dev.jwasm.core.model.Opcodes;

/**
 * Where float arithmetic results get their NaNs canonicalised. JVM float arithmetic leaves the bits of a
 * NaN result to the platform (SSE produces a negative NaN, C2's constant folding a positive one), while the
 * interpreter canonicalises every arithmetic NaN. Doing that after every operation would cost a compare and
 * branch each; instead an arithmetic result is marked unsettled ({@code 'f'}/{@code 'd'} in {@link Kinds})
 * and canonicalised only before an instruction that could observe its bits: a store to a global or memory,
 * a reinterpretation, a sign operation, a call, a branch or a return, and a store to a local other than a
 * lazy one (see {@code FunctionEmitter}). Arithmetic, comparisons and conversions take unsettled operands as
 * they are, since their results do not depend on a NaN operand's bits (a NaN result is unsettled again); so
 * does {@code select} when both its operands are unsettled. So every parameter, result, context slot and
 * non-lazy local holds exactly the bits the interpreter would.
 *
 * <p>Two cases are cheaper than canonicalising in place. A float local set both to exact and to unsettled
 * values carries a flag saying which it holds ({@code FunctionEmitter}): a read that arithmetic consumes
 * (found by {@link #ignoresBits}) takes it as unsettled, any other read canonicalises it if flagged. And an
 * f32 or f64 store to a 32-bit memory stores the raw bits and then overwrites a NaN with the canonical one
 * ({@code UnsafeAccess.f64StoreSettling}), testing the stored bits with one integer comparison where
 * {@code v != v} compiles to two branches (nbody's inner loop stores six values per iteration).
 */
final class NanCanonicaliser {
    private static final String FLOAT_OPS = "dev/jwasm/jit/link/FloatOps";

    private NanCanonicaliser() {
    }

    /** How many values on top of the stack {@code op} may observe the bits of (before it executes). */
    static int observed(FunctionEmitter e, int op) {
        if (op == Opcodes.SELECT || op == Opcodes.SELECT_T) {
            // The result is unsettled only if both operands are: an exact NaN must keep its bits.
            return Kinds.unsettled(e.peek(1)) == Kinds.unsettled(e.peek(2)) ? 0 : 3;
        }
        if (op <= 0x1F) {
            return op == Opcodes.UNREACHABLE || op == Opcodes.NOP || op == Opcodes.DROP ? 0 : e.height;
        }
        return switch (op) {
            // f32 and f64 stores settle their value themselves (MemoryEmitter.store)
            case 0x38, 0x39 -> 0;
            case Opcodes.GLOBAL_SET -> 1; // local.set and local.tee: see FunctionEmitter.beforeLocalSet
            // stores (the address below the value is an integer), abs, neg, reinterpretations
            case 0x36, 0x37, 0x3A, 0x3B, 0x3C, 0x3D, 0x3E, 0x8B, 0x8C, 0x99, 0x9A, 0xBC, 0xBD -> 1;
            case 0x98, 0xA6 -> 2; // copysign
            case Opcodes.BR_ON_NULL, Opcodes.BR_ON_NON_NULL -> e.height;
            default -> 0;
        };
    }

    /** How far {@link #ignoresBits} looks for the consumer of a value. */
    private static final int LOOKAHEAD = 32;

    /**
     * Whether the value pushed just before {@code pos} is consumed by an instruction whose result does not
     * depend on a NaN operand's bits (float arithmetic, comparisons, conversions): found by following the
     * stack heights of the straight-line code after it. False when that code holds anything else first
     * (control, calls) or the consumer is further than {@link #LOOKAHEAD} instructions away.
     */
    static boolean ignoresBits(byte[] code, int pos, int end) {
        CodeReader in = new CodeReader(code, pos);
        int above = 0; // values pushed after ours and not yet consumed
        for (int n = 0; n < LOOKAHEAD && in.pos() < end; n++) {
            int op = in.u8();
            int pops = pops(op);
            if (pops < 0) {
                return false;
            }
            if (pops > above) {
                return takesUnsettled(op);
            }
            Immediates.skip(in, op);
            above += 1 - pops - (pushesNothing(op) ? 1 : 0);
        }
        return false;
    }

    /** Operands popped by {@code op}, or -1 if it is not a simple straight-line instruction. */
    private static int pops(int op) {
        if (op == Opcodes.LOCAL_GET || op == Opcodes.GLOBAL_GET || (op >= 0x41 && op <= 0x44)) {
            return 0;
        }
        if (op == Opcodes.LOCAL_SET || op == Opcodes.LOCAL_TEE || op == Opcodes.DROP || (op >= 0x28 && op <= 0x35)
                || op == 0x45 || op == 0x50 || (op >= 0x67 && op <= 0x69) || (op >= 0x79 && op <= 0x7B)
                || (op >= 0x8B && op <= 0x91) || (op >= 0x99 && op <= 0x9F) || (op >= 0xA7 && op <= 0xC4)) {
            return 1;
        }
        if ((op >= 0x36 && op <= 0x3E) || (op >= 0x46 && op <= 0x66) || (op >= 0x6A && op <= 0x78)
                || (op >= 0x7C && op <= 0x8A) || (op >= 0x92 && op <= 0x98) || (op >= 0xA0 && op <= 0xA6)) {
            return 2;
        }
        return -1;
    }

    private static boolean pushesNothing(int op) {
        return op == Opcodes.LOCAL_SET || op == Opcodes.DROP || (op >= 0x36 && op <= 0x3E);
    }

    /** Float instructions whose result does not depend on the bits of a NaN operand. */
    private static boolean takesUnsettled(int op) {
        return (op >= 0x5B && op <= 0x66) // f32 and f64 comparisons
                || (op >= 0x8D && op <= 0x97) || (op >= 0x9B && op <= 0xA5) // rounding, sqrt, add..max
                || (op >= 0xA8 && op <= 0xAB) || (op >= 0xAE && op <= 0xB1) // truncations to integers
                || op == 0xB6 || op == 0xBB; // demote, promote
    }

    /**
     * Canonicalises the unsettled values among the top {@code n}: in place if only the top one is,
     * else through scratch locals.
     */
    static void settle(FunctionEmitter e, int n) {
        int deepest = -1;
        for (int i = 0; i < n; i++) {
            if (Kinds.unsettled(e.peek(i))) {
                deepest = i;
            }
        }
        if (deepest < 0) {
            return;
        }
        if (e.pendingJump != 0) {
            // The comparison's operands, not its result, are on the JVM stack: materialise it first.
            e.materialize();
        }
        if (deepest == 0) {
            canonicalise(e, e.height - 1);
            return;
        }
        for (int i = 0; i <= deepest; i++) {
            char k = Kinds.exact(e.peek(i));
            e.mv.visitVarInsn(Kinds.store(k), e.temp(k, i));
        }
        for (int i = deepest; i >= 0; i--) {
            char k = Kinds.exact(e.peek(i));
            e.mv.visitVarInsn(Kinds.load(k), e.temp(k, i));
            canonicalise(e, e.height - 1 - i);
        }
    }

    /** Canonicalises the value at type-stack position {@code at}, which is on top of the JVM stack. */
    private static void canonicalise(FunctionEmitter e, int at) {
        char k = e.types[at];
        if (!Kinds.unsettled(k)) {
            return;
        }
        canonicalOnStack(e, k);
        e.types[at] = Kinds.exact(k);
    }

    /** Canonicalises the unsettled value of kind {@code k} on top of the JVM stack (the type stack aside). */
    static void canonicalOnStack(FunctionEmitter e, char k) {
        e.invokeStatic(FLOAT_OPS, "canonical", Kinds.exact(k) == 'F' ? "(F)F" : "(D)D");
    }
}
