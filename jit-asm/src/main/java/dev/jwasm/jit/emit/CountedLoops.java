package dev.jwasm.jit.emit;

import static org.objectweb.asm.Opcodes.IF_ICMPGE;
import static org.objectweb.asm.Opcodes.IF_ICMPGT;
import static org.objectweb.asm.Opcodes.IF_ICMPLE;
import static org.objectweb.asm.Opcodes.IF_ICMPLT;

import dev.jwasm.core.interp.CodeReader;
import dev.jwasm.core.model.Opcodes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Loop exit tests that a signed comparison decides the same way, found by one scan of a function body.
 *
 * <p>HotSpot's C2 makes a counted loop (bounds checks hoisted, no safepoint poll per iteration, unrolled)
 * only of a loop whose exit compares its induction variable with a signed {@code <}, {@code <=}, {@code >} or
 * {@code >=}, or with {@code !=} when it steps by one. clang ends fixed-count loops in an exit test of
 * another kind: {@code i != 256} stepping by 4 (sha256's rounds), or an unsigned order. The loops found here
 * have the shape clang emits, at the end of the loop body:
 *
 * <pre>  local.get $i  i32.const S  i32.add  local.tee $i  i32.const C  (i32.ne | unsigned order)  br_if 0  end</pre>
 *
 * where {@code $i} is set to a constant {@code I} in straight-line code before the loop and written nowhere
 * else in it. {@code $i} then takes the values {@code I + kS} in turn, every one tested, and the constants
 * decide whether a signed test agrees on all of them: for {@code !=}, that {@code C} lies ahead of {@code I}
 * a whole number of steps away (the sequence meets it before it could wrap); for an unsigned order, that
 * every value tested lies in {@code [0, 2^31)}, where signed and unsigned order agree.
 */
final class CountedLoops {
    private static final int NONE = -1;
    private static final int I32_NE = 0x47;
    private static final int I32_LT_U = 0x49;
    private static final int I32_GT_U = 0x4B;
    private static final int I32_LE_U = 0x4D;
    private static final int I32_GE_U = 0x4F;

    private CountedLoops() {
    }

    /**
     * The exit tests to emit as signed ones: the code offset just after the comparison's opcode, mapped to
     * the conditional jump ({@code IF_ICMPLT} and so on) that continues the loop.
     */
    static Map<Integer, Integer> find(byte[] code, int start, int end) {
        try {
            return scan(code, start, end);
        } catch (Unsupported e) {
            return Map.of(); // the emitter reports what it cannot compile, in its own words
        }
    }

    private static Map<Integer, Integer> scan(byte[] code, int start, int end) {
        Map<Integer, Integer> tests = new HashMap<>();
        Map<Integer, Integer> constants = new HashMap<>(); // locals holding a known constant here
        Map<Integer, Offsets> writes = new HashMap<>(); // per local, where local.set and local.tee write it
        List<Open> open = new ArrayList<>();
        Insn[] recent = new Insn[7];
        CodeReader in = new CodeReader(code, start);
        while (in.pos() < end) {
            int at = in.pos();
            int op = in.u8();
            long imm = NONE;
            switch (op) {
                case Opcodes.BLOCK, Opcodes.LOOP, Opcodes.IF -> {
                    skipBlockType(in);
                    open.add(new Open(op, at, op == Opcodes.LOOP ? new HashMap<>(constants) : null));
                    if (op != Opcodes.BLOCK) {
                        constants.clear(); // a loop's start joins its back edges; an if's arms may not run
                    }
                }
                case Opcodes.ELSE -> constants.clear();
                case Opcodes.END -> {
                    if (!open.isEmpty()) {
                        Open o = open.remove(open.size() - 1);
                        if (o.op == Opcodes.LOOP) {
                            exitTest(o, recent, writes, at, tests);
                        }
                    }
                    constants.clear();
                }
                case Opcodes.LOCAL_GET, Opcodes.LOCAL_SET, Opcodes.LOCAL_TEE -> {
                    imm = in.u32();
                    if (op != Opcodes.LOCAL_GET) {
                        writes.computeIfAbsent((int) imm, k -> new Offsets()).add(at);
                        Insn before = recent[recent.length - 1];
                        if (before != null && before.op == Opcodes.I32_CONST) {
                            constants.put((int) imm, (int) before.imm);
                        } else {
                            constants.remove((int) imm);
                        }
                    }
                }
                case Opcodes.I32_CONST -> imm = in.s32();
                case Opcodes.BR_IF -> {
                    imm = in.u32();
                    constants.clear();
                }
                default -> {
                    Immediates.skip(in, op);
                    if (op <= 0x1F && op != Opcodes.NOP && op != Opcodes.CALL && op != Opcodes.CALL_INDIRECT
                            && op != Opcodes.DROP && op != Opcodes.SELECT && op != Opcodes.SELECT_T) {
                        constants.clear(); // else, branches, returns: not straight-line code
                    }
                }
            }
            System.arraycopy(recent, 1, recent, 0, recent.length - 1);
            recent[recent.length - 1] = new Insn(op, imm, at, in.pos());
        }
        return tests;
    }

    /** Records the exit test of loop {@code o}, ending at {@code endAt}, if it has the shape and agrees. */
    private static void exitTest(Open o, Insn[] r, Map<Integer, Offsets> writes, int endAt,
            Map<Integer, Integer> tests) {
        if (r[0] == null || r[0].op != Opcodes.LOCAL_GET || r[1].op != Opcodes.I32_CONST || r[2].op != Opcodes.I32_ADD
                || r[3].op != Opcodes.LOCAL_TEE || r[3].imm != r[0].imm || r[4].op != Opcodes.I32_CONST
                || r[6].op != Opcodes.BR_IF || r[6].imm != 0) {
            return;
        }
        int local = (int) r[0].imm;
        Integer initial = o.constants.get(local);
        // The exit test's tee writes the variable inside the loop, so it must be the only write there.
        if (initial == null || writes.get(local).countIn(o.at, endAt) != 1) {
            return;
        }
        int jump = signedJump(r[5].op, initial, (int) r[1].imm, (int) r[4].imm);
        if (jump != NONE) {
            tests.put(r[5].end, jump);
        }
    }

    /**
     * The signed jump that continues a loop whose variable starts at {@code i}, steps by {@code s} and is
     * tested after each step with {@code compareOp} against {@code c}, or {@link #NONE} when a signed test
     * could disagree. Computed in long arithmetic: no overflow here.
     */
    static int signedJump(int compareOp, long i, long s, long c) {
        long first = i + s; // the first value tested, as an i32 add gives it only when in int range
        boolean firstInRange = first >= 0 && first <= Integer.MAX_VALUE;
        switch (compareOp) {
            case I32_NE:
                if (s > 0 && i < c && (c - i) % s == 0) {
                    return IF_ICMPLT;
                }
                if (s < 0 && i > c && (i - c) % -s == 0) {
                    return IF_ICMPGT;
                }
                return NONE;
            case I32_LT_U: // while v < c: the values tested run up to at most c - 1 + s
                return s > 0 && c >= 0 && firstInRange && c - 1 + s <= Integer.MAX_VALUE ? IF_ICMPLT : NONE;
            case I32_LE_U: // up to at most c + s
                return s > 0 && c >= 0 && firstInRange && c + s <= Integer.MAX_VALUE ? IF_ICMPLE : NONE;
            case I32_GT_U: // while v > c: down to at least c + 1 + s
                return s < 0 && c >= 0 && firstInRange && c + 1 + s >= 0 ? IF_ICMPGT : NONE;
            case I32_GE_U: // down to at least c + s
                return s < 0 && c >= 0 && firstInRange && c + s >= 0 ? IF_ICMPGE : NONE;
            default:
                return NONE;
        }
    }

    private static void skipBlockType(CodeReader in) {
        int b = in.peek();
        if (b == 0x40 || (b >= 0x69 && b <= 0x7F)) {
            in.u8();
        } else if (b == 0x63 || b == 0x64) {
            in.u8();
            in.s64();
        } else {
            in.s64();
        }
    }

    /** Code offsets in increasing order, as the scan meets them; counted by binary search. */
    private static final class Offsets {
        private int[] at = new int[4];
        private int size;

        void add(int offset) {
            if (size == at.length) {
                at = Arrays.copyOf(at, size * 2);
            }
            at[size++] = offset;
        }

        /** How many offsets lie in {@code [from, to)}. */
        int countIn(int from, int to) {
            return firstAtLeast(to) - firstAtLeast(from);
        }

        private int firstAtLeast(int offset) {
            int i = Arrays.binarySearch(at, 0, size, offset);
            return i >= 0 ? i : -i - 1;
        }
    }

    /** An open block, loop or if: its opcode, offset and, for a loop, the constant locals on entry. */
    private record Open(int op, int at, Map<Integer, Integer> constants) {
    }

    /** A decoded instruction: opcode, its one immediate of interest (or NONE), its offset and the one after. */
    private record Insn(int op, long imm, int at, int end) {
    }
}
