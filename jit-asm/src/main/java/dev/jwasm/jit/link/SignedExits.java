package dev.jwasm.jit.link;

import static org.objectweb.asm.Opcodes.IF_ICMPGE;
import static org.objectweb.asm.Opcodes.IF_ICMPGT;
import static org.objectweb.asm.Opcodes.IF_ICMPLE;
import static org.objectweb.asm.Opcodes.IF_ICMPLT;

import dev.jwasm.core.model.Opcodes;

/**
 * When a loop's exit test may be a signed comparison: the one rule behind the emitter's {@code CountedLoops},
 * which applies it to loops whose start and bound are constants, and behind generated code, which applies it
 * at a loop's entry where the start or bound is known only then (such a loop is emitted twice, with the signed
 * test and as written, and {@link #agree} picks the copy).
 *
 * <p>The loop's variable starts at {@code i}, steps by {@code s} and is tested after each step with the wasm
 * comparison {@code compareOp} against {@code c}; the loop continues while the test holds. A signed test
 * agrees on every value tested when, for {@code i32.ne}, {@code c} lies ahead of {@code i} a whole number of
 * steps away (the sequence meets it before it could wrap), and for an unsigned order, when every value tested
 * lies in {@code [0, 2^31)}, where signed and unsigned order agree.
 */
public final class SignedExits {
    /** No signed test agrees. */
    public static final int NONE = -1;

    private SignedExits() {
    }

    /**
     * The signed conditional jump ({@code IF_ICMPLT} and so on, the variable's value first) that continues
     * the loop exactly when {@code compareOp} does, or {@link #NONE}. Computed in long arithmetic: no overflow.
     */
    public static int signedJump(int compareOp, long i, long s, long c) {
        long first = i + s; // the first value tested, as an i32 add gives it only when in int range
        boolean firstInRange = first >= 0 && first <= Integer.MAX_VALUE;
        boolean agrees = switch (compareOp) {
            // != : c a whole number of steps ahead of i, so the sequence meets it before it could wrap
            case Opcodes.I32_NE -> s > 0 ? i < c && (c - i) % s == 0 : s < 0 && i > c && (i - c) % -s == 0;
            // while v < c: the values tested run up to at most c - 1 + s
            case Opcodes.I32_LT_U -> c >= 0 && firstInRange && c - 1 + s <= Integer.MAX_VALUE;
            case Opcodes.I32_LE_U -> c >= 0 && firstInRange && c + s <= Integer.MAX_VALUE; // up to c + s
            // while v > c: down to at least c + 1 + s
            case Opcodes.I32_GT_U -> c >= 0 && firstInRange && c + 1 + s >= 0;
            case Opcodes.I32_GE_U -> c >= 0 && firstInRange && c + s >= 0; // down to c + s
            default -> false;
        };
        return agrees ? jumpFor(compareOp, s) : NONE;
    }

    /**
     * The signed jump {@link #signedJump} gives for {@code compareOp} and a step of {@code s}'s sign whenever
     * it gives one, or {@link #NONE} when the step runs the wrong way for the comparison (or is 0).
     */
    public static int jumpFor(int compareOp, long s) {
        return switch (compareOp) {
            case Opcodes.I32_NE -> s > 0 ? IF_ICMPLT : s < 0 ? IF_ICMPGT : NONE;
            case Opcodes.I32_LT_U -> s > 0 ? IF_ICMPLT : NONE;
            case Opcodes.I32_LE_U -> s > 0 ? IF_ICMPLE : NONE;
            case Opcodes.I32_GT_U -> s < 0 ? IF_ICMPGT : NONE;
            case Opcodes.I32_GE_U -> s < 0 ? IF_ICMPGE : NONE;
            default -> NONE;
        };
    }

    /**
     * Called by generated code at the entry of a loop emitted twice: whether the copy with the signed exit
     * test may run, given the variable's value {@code start} on entry and the {@code bound} it is compared
     * with (both as the i32 values they are, signed).
     */
    public static boolean agree(int compareOp, int start, int step, int bound) {
        return signedJump(compareOp, start, step, bound) != NONE;
    }
}
