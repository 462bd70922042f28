package dev.jwasm.jit.link;

import dev.jwasm.api.TrapKind;
import dev.jwasm.api.WasmTrap;
import dev.jwasm.core.runtime.ExecContext;
import dev.jwasm.core.runtime.FunctionInstance;
import dev.jwasm.core.runtime.GlobalInstance;
import dev.jwasm.core.runtime.InstanceImpl;
import dev.jwasm.core.runtime.TableInstance;
import dev.jwasm.core.runtime.TypeRegistry;

/**
 * Static helpers called by generated code. Each takes its operands in wasm stack order followed by the
 * context it needs, so generated code pushes the context last and never shuffles the JVM stack. HotSpot
 * inlines these small methods. Trap messages are those of the interpreter.
 */
public final class JitRuntime {
    private JitRuntime() {
    }

    // ---- traps ----

    public static WasmTrap unreachable() {
        return new WasmTrap(TrapKind.UNREACHABLE);
    }

    // ---- value slots of the execution context (generic calls, multi-value results) ----

    private static void ensure(ExecContext ctx, int slot) {
        if (slot >= ctx.stack.length) {
            ctx.ensureCapacity(slot + 1);
        }
    }

    public static void putI(int v, ExecContext ctx, int slot) {
        ensure(ctx, slot);
        ctx.stack[slot] = v;
    }

    public static void putJ(long v, ExecContext ctx, int slot) {
        ensure(ctx, slot);
        ctx.stack[slot] = v;
    }

    /** An f32 in a slot: its bits, as for an i32 (generated code holds only canonicalised NaNs). */
    public static void putF(float v, ExecContext ctx, int slot) {
        ensure(ctx, slot);
        ctx.stack[slot] = Float.floatToRawIntBits(v);
    }

    public static void putD(double v, ExecContext ctx, int slot) {
        ensure(ctx, slot);
        ctx.stack[slot] = Double.doubleToRawLongBits(v);
    }

    public static void putA(Object v, ExecContext ctx, int slot) {
        ensure(ctx, slot);
        ctx.refs[slot] = v;
    }

    public static int getI(ExecContext ctx, int slot) {
        return (int) ctx.stack[slot];
    }

    public static long getJ(ExecContext ctx, int slot) {
        return ctx.stack[slot];
    }

    public static float getF(ExecContext ctx, int slot) {
        return Float.intBitsToFloat((int) ctx.stack[slot]);
    }

    public static double getD(ExecContext ctx, int slot) {
        return Double.longBitsToDouble(ctx.stack[slot]);
    }

    public static Object getA(ExecContext ctx, int slot) {
        Object v = ctx.refs[slot];
        ctx.refs[slot] = null;
        return v;
    }

    // ---- calls and the call depth ----

    /**
     * Does nothing: what the lean variant of compiled code (the one without metering) calls at a loop header
     * when its activation's metering bit is set, which only a split function's region can see after a host
     * function set fuel. Lean code stays unmetered; the branch is there for HotSpot (see
     * {@code FunctionEmitter.meterLoop}).
     */
    public static void unmeteredLoop() {
    }

    /** The trap of a compiled function entered with no call budget left (see {@code ExecContext.budget}). */
    public static WasmTrap callStackExhausted() {
        return new WasmTrap(TrapKind.CALL_STACK_EXHAUSTED);
    }

    /**
     * Calls {@code f} (an import, an interpreted function, one of another instance) from compiled code whose
     * own budget is {@code budget}, with its arguments at {@code sp}: the context's depth is that of the
     * calling frame for the call, as other tiers count it, and is restored afterwards (compiled code leaves it
     * as it found it). Returns the caller's budget with the metering bit re-read, as the callee may have been
     * a host function that changed the instance's fuel.
     */
    public static int callOut(FunctionInstance f, ExecContext ctx, int sp, InstanceImpl caller, int budget) {
        int before = ctx.depth;
        ctx.depth = ctx.depthOf(budget);
        f.invokeFromWasm(ctx, sp, caller);
        ctx.depth = before;
        return (budget & ~1) | (ctx.metered(caller) ? 1 : 0);
    }

    // ---- tail calls to other functions ----

    /** The pending tail call of this thread's innermost compiled function, consumed by a trampoline. */
    private static final ThreadLocal<FunctionInstance[]> TAIL_CALL = new ThreadLocal<>() {
        // A subclass, not withInitial and a lambda: no call site to bootstrap while a run starts.
        @Override
        protected FunctionInstance[] initialValue() {
            return new FunctionInstance[1];
        }
    };

    public static void setTailCall(FunctionInstance callee) {
        TAIL_CALL.get()[0] = callee;
    }

    public static FunctionInstance takeTailCall() {
        FunctionInstance[] holder = TAIL_CALL.get();
        FunctionInstance f = holder[0];
        holder[0] = null;
        return f;
    }

    public static boolean hasTailCall() {
        return TAIL_CALL.get()[0] != null;
    }

    /**
     * Makes the pending tail call {@code f} with its arguments at {@code fp}, and every tail call it makes
     * in turn, in constant Java stack. The caller frame was already left, as the interpreter does.
     */
    public static void trampoline(FunctionInstance f, ExecContext ctx, int fp, InstanceImpl caller) {
        while (f != null) {
            if (f instanceof dev.jwasm.core.runtime.WasmFunction w && w.entry instanceof TailCallTarget t) {
                t.invokeInTrampoline(ctx, w, fp);
            } else {
                f.invokeFromWasm(ctx, fp, caller);
            }
            f = takeTailCall();
        }
    }

    // ---- calls through tables and references ----

    /** The checked target of call_indirect; the common case is small enough for HotSpot to inline. */
    public static FunctionInstance indirect(int index, TableInstance table, int typeId) {
        Object[] elems = table.elements;
        // A negative index is an unsigned one of at least 2^31, beyond any table: the slow path traps.
        if (index >= 0 && index < elems.length && elems[index] instanceof FunctionInstance f && f.typeId == typeId) {
            return f;
        }
        return indirect64(index & 0xFFFF_FFFFL, table, typeId);
    }

    public static FunctionInstance indirect64(long i, TableInstance table, int typeId) {
        Object[] elems = table.elements;
        if (i < 0 || i >= elems.length) {
            throw new WasmTrap(TrapKind.UNDEFINED_ELEMENT, TrapKind.UNDEFINED_ELEMENT.message() + " " + i);
        }
        Object e = elems[(int) i];
        if (e == null) {
            throw new WasmTrap(TrapKind.UNINITIALIZED_ELEMENT, TrapKind.UNINITIALIZED_ELEMENT.message() + " " + i);
        }
        FunctionInstance f = (FunctionInstance) e;
        if (f.typeId != typeId && !TypeRegistry.isSubtype(f.typeId, typeId)) {
            throw new WasmTrap(TrapKind.INDIRECT_CALL_TYPE_MISMATCH);
        }
        return f;
    }

    /** The defined index of {@code f} if it is a function of {@code inst}, else -1 (dispatcher switch key). */
    public static int definedIndexIn(FunctionInstance f, InstanceImpl inst) {
        return f instanceof dev.jwasm.core.runtime.WasmFunction w && w.instance == inst ? w.definedIndex : -1;
    }

    public static FunctionInstance callRef(Object ref) {
        if (ref == null) {
            throw new WasmTrap(TrapKind.NULL_FUNCTION_REFERENCE);
        }
        return (FunctionInstance) ref;
    }

    // ---- references ----

    public static int isNull(Object ref) {
        return ref == null ? 1 : 0;
    }

    public static int refEq(Object a, Object b) {
        return a == b ? 1 : 0;
    }

    public static Object asNonNull(Object ref) {
        if (ref == null) {
            throw new WasmTrap(TrapKind.NULL_REFERENCE);
        }
        return ref;
    }

    // ---- globals ----

    public static int globalI(GlobalInstance g) {
        return (int) g.bits;
    }

    public static void setGlobalI(int v, GlobalInstance g) {
        g.bits = v;
    }

    public static void setGlobalJ(long v, GlobalInstance g) {
        g.bits = v;
    }

    public static void setGlobalF(float v, GlobalInstance g) {
        g.bits = Float.floatToRawIntBits(v);
    }

    public static void setGlobalD(double v, GlobalInstance g) {
        g.bits = Double.doubleToRawLongBits(v);
    }

    public static void setGlobalA(Object v, GlobalInstance g) {
        g.ref = v;
    }

    // ---- tables (indices already widened to unsigned longs) ----

    public static Object tableGet(long index, TableInstance t) {
        return t.get(index);
    }

    public static void tableSet(long index, Object value, TableInstance t) {
        t.set(index, value);
    }

    public static long tableGrow(Object init, long delta, TableInstance t) {
        long old = t.grow(delta, init);
        return t.type().is64() ? old : (int) old;
    }

    public static void tableFill(long start, Object value, long len, TableInstance t) {
        t.fill(start, value, len);
    }

    public static void tableCopy(long d, long s, long n, TableInstance dst, TableInstance src) {
        TableInstance.copy(dst, d, src, s, n);
    }

    public static void tableInit(long d, long s, long n, InstanceImpl inst, int elem, TableInstance t) {
        Object[] seg = inst.elementSegments[elem];
        int segLen = seg == null ? 0 : seg.length;
        if (s + n > segLen) {
            throw new WasmTrap(TrapKind.OUT_OF_BOUNDS_TABLE_ACCESS);
        }
        t.checkRange(d, n);
        if (n > 0) {
            System.arraycopy(seg, (int) s, t.elements, (int) d, (int) n);
        }
    }

    public static void elemDrop(InstanceImpl inst, int elem) {
        inst.elementSegments[elem] = null;
    }
}
