package dev.jwasm.jit.emit;

import static org.objectweb.asm.Opcodes.IF_ICMPGE;
import static org.objectweb.asm.Opcodes.IF_ICMPGT;
import static org.objectweb.asm.Opcodes.IF_ICMPLE;
import static org.objectweb.asm.Opcodes.IF_ICMPLT;

import dev.jwasm.core.interp.CodeReader;
import dev.jwasm.core.model.Opcodes;
import dev.jwasm.jit.link.SignedExits;
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
 * another kind: {@code i != 256} stepping by 4 (sha256's rounds), {@code i != n} stepping by 2 (matmul's
 * unrolled dot product), or an unsigned order. The loops found here have the shape clang emits, at the end
 * of the loop body:
 *
 * <pre>  local.get $i  i32.const S  i32.add  local.tee $i  BOUND  (i32.ne | unsigned order)  br_if 0  end
 *  local.get $b  local.get $i  i32.const S  i32.add  local.tee $i  i32.ne  br_if 0  end</pre>
 *
 * where {@code BOUND} is {@code i32.const C} or {@code local.get $b}, and {@code $i} is written nowhere else in
 * the loop, {@code $b} nowhere in it. {@code $i} then takes the values {@code I + kS} in turn from its value
 * {@code I} on entry, every one tested, and {@link SignedExits#signedJump} tells from {@code I}, {@code S} and
 * the bound whether a signed test agrees on all of them.
 *
 * <p>When {@code $i} is set to a constant in straight-line code before the loop and the bound is a constant,
 * that is decided here, once ({@link LoopExits#signed}). Otherwise, for an innermost loop of at most
 * {@link #MAX_GUARDED_BYTES} bytes, it is decided at the loop's entry ({@link LoopExits#guarded}): the emitter
 * writes the loop twice, with the signed test and as written, behind a call of {@link SignedExits#agree}.
 */
final class CountedLoops {
    /** The largest loop body (wasm bytes) emitted twice; matmul's and lz's inner loops are 60 to 110. */
    static final int MAX_GUARDED_BYTES = 400;
    private static final int NONE = SignedExits.NONE;

    private CountedLoops() {
    }

    /**
     * A loop whose exit test agrees with a signed one for some values on entry: the emitter asks
     * {@link SignedExits#agree}{@code (compareOp, $local, step, bound)} on entry, where the bound is local
     * {@code boundLocal}'s value, or {@code boundConstant} if that is -1, and emits the comparison ending at
     * {@code exitEnd} as {@code jump} in the copy it picks.
     */
    record Guarded(int exitEnd, int compareOp, int local, int step, int boundLocal, int boundConstant, int jump) {
    }

    /**
     * The exit tests of one function: {@code signed} maps the code offset just after a comparison's opcode to
     * the conditional jump ({@code IF_ICMPLT} and so on) that continues the loop; {@code guarded} maps a
     * loop's offset to the test decided on its entry.
     */
    record LoopExits(Map<Integer, Integer> signed, Map<Integer, Guarded> guarded) {
        static final LoopExits EMPTY = new LoopExits(Map.of(), Map.of());
    }

    static LoopExits find(byte[] code, int start, int end) {
        try {
            return scan(code, start, end);
        } catch (Unsupported e) {
            return LoopExits.EMPTY; // the emitter reports what it cannot compile, in its own words
        }
    }

    private static LoopExits scan(byte[] code, int start, int end) {
        LoopExits exits = new LoopExits(new HashMap<>(), new HashMap<>());
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
                    if (op == Opcodes.LOOP) {
                        for (Open o : open) {
                            o.enclosesLoop = true;
                        }
                    }
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
                            exitTest(o, recent, writes, at, exits);
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
        return exits;
    }

    /** Records the exit test of loop {@code o}, ending at {@code endAt}, if it has one of the shapes. */
    private static void exitTest(Open o, Insn[] r, Map<Integer, Offsets> writes, int endAt, LoopExits exits) {
        if (r[0] == null || r[6].op != Opcodes.BR_IF || r[6].imm != 0) {
            return;
        }
        int local;
        int step;
        int compareOp = r[5].op;
        int boundLocal = -1;
        int boundConstant = 0;
        boolean boundFirst = false;
        if (is(r[0], Opcodes.LOCAL_GET) && is(r[1], Opcodes.I32_CONST) && is(r[2], Opcodes.I32_ADD)
                && is(r[3], Opcodes.LOCAL_TEE) && r[3].imm == r[0].imm
                && (is(r[4], Opcodes.I32_CONST) || is(r[4], Opcodes.LOCAL_GET))) {
            local = (int) r[0].imm;
            step = (int) r[1].imm;
            if (is(r[4], Opcodes.I32_CONST)) {
                boundConstant = (int) r[4].imm;
            } else {
                boundLocal = (int) r[4].imm;
            }
        } else if (is(r[0], Opcodes.LOCAL_GET) && is(r[1], Opcodes.LOCAL_GET) && is(r[2], Opcodes.I32_CONST)
                && is(r[3], Opcodes.I32_ADD) && is(r[4], Opcodes.LOCAL_TEE) && r[4].imm == r[1].imm
                && compareOp == Opcodes.I32_NE) {
            local = (int) r[1].imm;
            step = (int) r[2].imm;
            boundLocal = (int) r[0].imm;
            boundFirst = true;
        } else {
            return;
        }
        // The exit test's tee writes the variable inside the loop, so it must be the only write there; the
        // bound must not change in it.
        if (local == boundLocal || writes.get(local).countIn(o.at, endAt) != 1
                || (boundLocal >= 0 && writes.containsKey(boundLocal)
                        && writes.get(boundLocal).countIn(o.at, endAt) != 0)) {
            return;
        }
        Integer initial = o.constants.get(local);
        if (initial != null && boundLocal < 0) {
            int jump = SignedExits.signedJump(compareOp, initial, step, boundConstant);
            if (jump != NONE) {
                exits.signed.put(r[5].end, jump);
            }
            return;
        }
        int jump = SignedExits.jumpFor(compareOp, step);
        if (jump != NONE && !o.enclosesLoop && endAt - o.at <= MAX_GUARDED_BYTES) {
            exits.guarded.put(o.at, new Guarded(r[5].end, compareOp, local, step, boundLocal, boundConstant,
                    boundFirst ? mirror(jump) : jump));
        }
    }

    /** The jump with its operands swapped: the bound first. */
    private static int mirror(int jump) {
        return switch (jump) {
            case IF_ICMPLT -> IF_ICMPGT;
            case IF_ICMPGT -> IF_ICMPLT;
            case IF_ICMPLE -> IF_ICMPGE;
            case IF_ICMPGE -> IF_ICMPLE;
            default -> throw new IllegalArgumentException("not an order: " + jump);
        };
    }

    private static boolean is(Insn insn, int op) {
        return insn.op == op;
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
    private static final class Open {
        final int op;
        final int at;
        final Map<Integer, Integer> constants;
        /** Whether a loop opens inside it. */
        boolean enclosesLoop;

        Open(int op, int at, Map<Integer, Integer> constants) {
            this.op = op;
            this.at = at;
            this.constants = constants;
        }
    }

    /** A decoded instruction: opcode, its one immediate of interest (or NONE), its offset and the one after. */
    private record Insn(int op, long imm, int at, int end) {
    }
}
