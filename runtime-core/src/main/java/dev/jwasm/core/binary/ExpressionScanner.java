package dev.jwasm.core.binary;

import dev.jwasm.core.model.ConstExpr;
import dev.jwasm.core.model.Opcodes;
import java.util.Arrays;

/**
 * Steps over an expression (a function body or a constant expression) instruction by instruction up to
 * and including its final {@code end}, checking opcodes, immediates and the nesting of structured
 * instructions ({@code else} only inside {@code if}, {@code catch} only inside {@code try}, ...).
 *
 * <p>The nesting is tracked in an explicit array, not by recursion, so deeply nested hostile input cannot
 * overflow the Java stack.
 */
final class ExpressionScanner {
    /** Frame kinds: which structure opcodes may appear next at this nesting level. */
    private static final byte PLAIN = 0;
    private static final byte IF = 1;
    private static final byte TRY = 2;
    private static final byte TRY_CAUGHT = 3;

    private static final int MEMORY_INIT = Opcodes.PREFIX_MISC << 16 | 8;
    private static final int DATA_DROP = Opcodes.PREFIX_MISC << 16 | 9;
    private static final int ARRAY_NEW_DATA = Opcodes.PREFIX_GC << 16 | 9;
    private static final int ARRAY_INIT_DATA = Opcodes.PREFIX_GC << 16 | 18;

    private byte[] frames = new byte[16];
    private int depth;
    private boolean usesDataIndex;

    private ExpressionScanner() {
    }

    /**
     * Scans one expression starting at the reader's position; afterwards the reader is just past the final
     * {@code end}.
     *
     * @return whether the expression refers to a data segment index (needs the data count section)
     */
    static boolean scan(ByteReader r) {
        ExpressionScanner s = new ExpressionScanner();
        s.run(r);
        return s.usesDataIndex;
    }

    /** Scans a constant expression and returns its bytes, including the final {@code end}. */
    static ConstExpr readConstExpr(ByteReader r, byte[] module) {
        int start = r.position();
        scan(r);
        return new ConstExpr(Arrays.copyOfRange(module, start, r.position()), start);
    }

    private void run(ByteReader r) {
        push(PLAIN);
        while (depth > 0) {
            int at = r.position();
            int opcode = InstructionScanner.readOpcode(r);
            switch (opcode) {
                case Opcodes.BLOCK, Opcodes.LOOP -> openBlock(r, PLAIN);
                case Opcodes.IF -> openBlock(r, IF);
                case Opcodes.TRY -> openBlock(r, TRY);
                case Opcodes.TRY_TABLE -> {
                    InstructionScanner.skipImmediates(r, opcode);
                    push(PLAIN);
                }
                case Opcodes.END -> depth--;
                case Opcodes.ELSE -> continueBlock(r, at, IF, PLAIN);
                case Opcodes.CATCH -> {
                    requireTry(r, at);
                    r.u32();
                    frames[depth - 1] = TRY_CAUGHT;
                }
                case Opcodes.CATCH_ALL -> {
                    requireTry(r, at);
                    frames[depth - 1] = PLAIN;
                }
                case Opcodes.DELEGATE -> {
                    continueBlock(r, at, TRY, PLAIN);
                    r.u32();
                    depth--;
                }
                default -> {
                    InstructionScanner.skipImmediates(r, opcode);
                    usesDataIndex |= opcode == MEMORY_INIT || opcode == DATA_DROP || opcode == ARRAY_NEW_DATA
                            || opcode == ARRAY_INIT_DATA;
                }
            }
        }
    }

    private void openBlock(ByteReader r, byte kind) {
        InstructionScanner.blockType(r);
        push(kind);
    }

    /** A structure opcode allowed only when the innermost frame is {@code expected}; it becomes {@code next}. */
    private void continueBlock(ByteReader r, int at, byte expected, byte next) {
        if (frames[depth - 1] != expected) {
            throw r.errorAt("END opcode expected", at);
        }
        frames[depth - 1] = next;
    }

    private void requireTry(ByteReader r, int at) {
        byte top = frames[depth - 1];
        if (top != TRY && top != TRY_CAUGHT) {
            throw r.errorAt("END opcode expected", at);
        }
    }

    private void push(byte kind) {
        if (depth == frames.length) {
            frames = Arrays.copyOf(frames, depth * 2);
        }
        frames[depth++] = kind;
    }
}
