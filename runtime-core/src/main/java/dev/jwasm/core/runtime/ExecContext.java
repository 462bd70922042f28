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

    public long[] stack;
    public Object[] refs;
    /** Number of active guest frames. */
    public int depth;
    private final int maxDepth;
    /** The active functions by depth (index 0 unused); at most {@code maxDepth + 1} long. */
    private WasmFunction[] frames;
    /** System.nanoTime deadline, or 0 for none. */
    public final long deadline;
    private int ticks = TICKS_PER_CLOCK_CHECK;

    public ExecContext(Engine engine, int initialSlots) {
        this.maxDepth = engine == null ? Engine.DEFAULT_MAX_CALL_DEPTH : engine.maxCallDepth();
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
     * Entry into a compiled function: counts the depth and traps when the call depth limit is reached, like
     * {@link #enter}, but leaves the frame unrecorded until a trap or stack overflow unwinds through it
     * ({@link #unwound}), so that {@link #withBacktrace} still sees every active frame.
     *
     * @return the depth of the new frame
     */
    public int enterCompiled() {
        int d = ++depth;
        if (d > maxDepth) {
            throw new WasmTrap(TrapKind.CALL_STACK_EXHAUSTED);
        }
        return d;
    }

    /** Records {@code fn} as the function at depth {@code d} (see {@link #enterCompiled}). */
    public void unwound(WasmFunction fn, int d) {
        record(fn, d);
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
