package dev.jwasm.core.runtime;

import dev.jwasm.api.Engine;
import dev.jwasm.api.TrapKind;
import dev.jwasm.api.WasmTrap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The state of one call from the host into wasm: the shared value stack (numbers in {@link #stack},
 * references in {@link #refs} at the same index), the guest call depth with the active functions (for
 * backtraces), and the wall-clock deadline. Created per host call and dropped afterwards, so a trap or a
 * stack overflow never leaves state behind in an instance.
 */
public final class ExecContext {
    /** Stack slots beyond which a call fails with "call stack exhausted" instead of exhausting the heap. */
    public static final int MAX_STACK_SLOTS = 8 << 20;
    private static final int TICKS_PER_CLOCK_CHECK = 1024;
    /**
     * Depth limits beyond this count as this: twice the limit and a bit must fit an int (see {@link #budget}),
     * and the JVM's own stack overflows long before.
     */
    private static final int MAX_DEPTH_LIMIT = (1 << 30) - 1;

    public long[] stack;
    public Object[] refs;
    /**
     * Number of active guest frames. Compiled code does not count its frames here (it passes a
     * {@link #budget} to its callees): while it runs, this is the depth of the innermost frame of another
     * tier (or of a compiled frame that records itself on entry) below it, and it is set right before
     * compiled code calls out, and raised to the innermost frame's depth as a throwable unwinds compiled
     * frames ({@link #unwound}).
     */
    public int depth;
    private final int maxDepth;
    /** The active functions by depth (index 0 unused); at most {@code maxDepth + 1} long. */
    private WasmFunction[] frames;
    /** System.nanoTime deadline, or 0 for none. */
    public final long deadline;
    private int ticks = TICKS_PER_CLOCK_CHECK;

    public ExecContext(Engine engine, int initialSlots) {
        this.maxDepth = Math.min(MAX_DEPTH_LIMIT,
                engine == null ? Engine.DEFAULT_MAX_CALL_DEPTH : engine.maxCallDepth());
        this.frames = new WasmFunction[(int) Math.min(64, maxDepth + 1L)];
        long d = 0;
        if (engine != null && engine.timeout() != null) {
            d = System.nanoTime() + engine.timeout().toNanos();
            if (d == 0) {
                d = 1;
            }
        }
        this.deadline = d;
        int n = Math.max(256, initialSlots);
        this.stack = new long[n];
        this.refs = new Object[n];
    }

    /**
     * Records entry into {@code fn}; traps when the call depth limit is reached. Called at every guest call,
     * so the common case is one comparison: {@link #frames} never grows past {@code maxDepth + 1}
     * entries, so a depth that fits it is within the limit.
     */
    public void enter(WasmFunction fn) {
        record(fn, ++depth);
    }

    /**
     * The call budget compiled code passes to a function it calls from a frame at the current depth: twice
     * the number of frames still allowed, plus 1 when the instance is {@link #metered}. A compiled callee
     * subtracts 2 and traps when the result is negative, so the depth limit costs it one comparison, and it
     * reads whether to charge fuel from the low bit instead of from the instance.
     */
    public int budget(InstanceImpl instance) {
        return (maxDepth - depth) * 2 + (metered(instance) ? 1 : 0);
    }

    /** The depth of the compiled frame whose own budget (already reduced by its entry) is {@code budget}. */
    public int depthOf(int budget) {
        return maxDepth - (budget >> 1);
    }

    /**
     * Entry into a compiled function that records its frame right away (one without an unwind handler, see
     * {@link #unwound}): makes its depth the current one.
     *
     * @return the depth before, which the function restores when it returns
     */
    public int enterCompiled(WasmFunction fn, int budget) {
        int before = depth;
        int d = depthOf(budget);
        record(fn, d);
        depth = d;
        return before;
    }

    /**
     * Records {@code fn} as the function at the depth its {@code budget} says, as a throwable unwinds its
     * compiled frame. The innermost compiled frame (the first to unwind) is the deepest one, so raising
     * {@link #depth} to it leaves the depth of the innermost active frame for {@link #withBacktrace}.
     */
    public void unwound(WasmFunction fn, int budget) {
        int d = depthOf(budget);
        record(fn, d);
        if (d > depth) {
            depth = d;
        }
    }

    private void record(WasmFunction fn, int d) {
        WasmFunction[] f = frames;
        if (d >= f.length) {
            f = deeper(d);
        }
        f[d] = fn;
    }

    /** The frame array grown to hold depth {@code d}; traps if {@code d} is beyond the call depth limit. */
    private WasmFunction[] deeper(int d) {
        if (d > maxDepth) {
            throw new WasmTrap(TrapKind.CALL_STACK_EXHAUSTED);
        }
        frames = Arrays.copyOf(frames, (int) Math.min(maxDepth + 1L, Math.max(d + 1L, 2L * frames.length)));
        return frames;
    }

    /** Replaces the innermost frame's function (tail call). */
    public void replaceFrame(WasmFunction fn) {
        frames[depth] = fn;
    }

    /** Makes sure slots {@code [0, needed)} exist. */
    public void ensureCapacity(int needed) {
        if (needed > stack.length) {
            grow(needed);
        }
    }

    private void grow(int needed) {
        if (needed > MAX_STACK_SLOTS || needed < 0) {
            throw new WasmTrap(TrapKind.CALL_STACK_EXHAUSTED);
        }
        int n = (int) Math.min(MAX_STACK_SLOTS, Math.max((long) needed, stack.length * 2L));
        try {
            stack = Arrays.copyOf(stack, n);
            refs = Arrays.copyOf(refs, n);
        } catch (OutOfMemoryError e) {
            throw new WasmTrap(TrapKind.CALL_STACK_EXHAUSTED);
        }
    }

    /** Charges fuel and checks the deadline; called at function entry and loop back-edges when metered. */
    public void meter(InstanceImpl instance, int cost) {
        long fuel = instance.fuel;
        if (fuel >= 0) {
            if (fuel < cost) {
                instance.fuel = 0;
                throw new WasmTrap(TrapKind.FUEL_EXHAUSTED);
            }
            instance.fuel = fuel - cost;
        }
        if (deadline != 0 && --ticks <= 0) {
            ticks = TICKS_PER_CLOCK_CHECK;
            if (System.nanoTime() - deadline > 0) {
                throw new WasmTrap(TrapKind.TIMEOUT);
            }
        }
    }

    /** Whether {@link #meter} must be called for code of {@code instance}. */
    public boolean metered(InstanceImpl instance) {
        return deadline != 0 || instance.fuel >= 0;
    }

    /** Attaches the active guest frames (innermost first) to {@code trap} unless it already has some. */
    public WasmTrap withBacktrace(WasmTrap trap) {
        if (trap.wasmBacktrace().isEmpty() && depth > 0) {
            List<String> names = new ArrayList<>();
            int top = Math.min(depth, frames.length - 1);
            for (int i = top; i >= 1 && names.size() < 1000; i--) {
                if (frames[i] != null) {
                    names.add(frames[i].displayName());
                }
            }
            trap.setWasmBacktrace(names);
        }
        return trap;
    }
}
