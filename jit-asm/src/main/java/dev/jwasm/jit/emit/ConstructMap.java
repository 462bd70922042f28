package dev.jwasm.jit.emit;

import dev.jwasm.core.interp.CodeReader;
import dev.jwasm.core.model.DecodedModule;
import dev.jwasm.core.model.FuncType;
import dev.jwasm.core.model.Opcodes;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Where each block, loop and if of a function body ends, found by one scan of its code: what the
 * {@link Outliner} needs to judge a construct's size before emitting it. With an OSR loop it also records
 * the constructs that enclose that loop, which must stay in the method holding the OSR entry.
 */
final class ConstructMap {
    private final Map<Integer, Integer> ends = new HashMap<>();
    private final Set<Integer> pinned = new HashSet<>();
    private final DecodedModule module;
    private int maxArity;

    /** Scans the code {@code [start, end)} of a function; {@code pinLoop} is the offset of the OSR loop, or -1. */
    ConstructMap(DecodedModule module, int start, int end, int pinLoop) {
        this.module = module;
        CodeReader in = new CodeReader(module.bytes(), start);
        int[] open = new int[16];
        int depth = 0;
        while (in.pos() < end) {
            int at = in.pos();
            int op = in.u8();
            switch (op) {
                case Opcodes.BLOCK, Opcodes.LOOP, Opcodes.IF -> {
                    skipBlockType(in);
                    if (depth == open.length) {
                        open = java.util.Arrays.copyOf(open, depth * 2);
                    }
                    open[depth++] = at;
                    if (at == pinLoop) {
                        for (int i = 0; i < depth; i++) {
                            pinned.add(open[i]);
                        }
                    }
                }
                case Opcodes.ELSE -> {
                }
                case Opcodes.END -> {
                    if (depth > 0) {
                        ends.put(open[--depth], in.pos());
                    }
                }
                default -> Immediates.skip(in, op);
            }
        }
    }

    private void skipBlockType(CodeReader in) {
        int b = in.peek();
        if (b == 0x7B) {
            throw new Unsupported("SIMD values");
        }
        if (b == 0x40) {
            in.u8();
        } else if (b >= 0x69 && b <= 0x7F) {
            in.u8();
            maxArity = Math.max(maxArity, 1);
        } else if (b == 0x63 || b == 0x64) {
            in.u8();
            in.s64();
            maxArity = Math.max(maxArity, 1);
        } else {
            FuncType t = module.types().get((int) in.s64()).funcType();
            maxArity = Math.max(maxArity, Math.max(t.params().size(), t.results().size()));
        }
    }

    /** The most values any block, loop or if of the function takes or gives. */
    int maxArity() {
        return maxArity;
    }

    /** The offset just after the {@code end} of the construct starting at {@code start}. */
    int endOf(int start) {
        return ends.get(start);
    }

    /** Whether the construct at {@code start} encloses (or is) the OSR loop. */
    boolean isPinned(int start) {
        return pinned.contains(start);
    }
}
