package dev.jwasm.jit.emit;

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
            case Opcodes.GLOBAL_SET -> 1; // local.set and local.tee: see FunctionEmitter.beforeLocalSet
            // stores (the address below the value is an integer), abs, neg, reinterpretations
            case 0x36, 0x37, 0x38, 0x39, 0x3A, 0x3B, 0x3C, 0x3D, 0x3E, 0x8B, 0x8C, 0x99, 0x9A, 0xBC, 0xBD -> 1;
            case 0x98, 0xA6 -> 2; // copysign
            case Opcodes.BR_ON_NULL, Opcodes.BR_ON_NON_NULL -> e.height;
            default -> 0;
        };
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
        if (k == 'f') {
            e.invokeStatic(FLOAT_OPS, "canonical", "(F)F");
        } else {
            e.invokeStatic(FLOAT_OPS, "canonical", "(D)D");
        }
        e.types[at] = Kinds.exact(k);
    }
}
