package dev.jwasm.jit.link;

import dev.jwasm.core.numeric.F32Ops;
import dev.jwasm.core.numeric.F64Ops;
import dev.jwasm.core.runtime.BoundsChecks;
import java.util.Objects;

/**
 * 32-bit memory loads and stores for generated code where {@link RawBytes} is available: a bounds check, then
 * an unchecked {@code Unsafe} access. {@link VarHandleAccess} has the same methods for other JVMs; the JIT
 * calls one or the other ({@link MemoryAccess#ACCESS_CLASS}).
 *
 * <p>Each access is a method of at most about 40 bytes of bytecode, for two HotSpot C2 limits. C2 inlines a
 * method of up to 35 bytes even at a call site its profile calls cold, which is how a loop first reached
 * through on-stack replacement, with a young profile, still gets its accesses inlined (sieve ran 30 rather
 * than 38 ms per call once its accessors were this small). And C2 stops inlining once the bytecode it has
 * inlined into one compilation passes 8000 bytes, so a function with hundreds of accesses fits more of them.
 * Hence two methods per access: {@code name(addr, m)} for offset 0, and {@code nameAt(addr, m, offset)} for
 * offsets from 1 to 2^31 - 1 (larger ones can never be in bounds: {@link MemoryAccess} handles them).
 *
 * <p>The bounds check is {@code Objects.checkIndex(addr + offset, length - size + 1)}, which C2 compiles as
 * it does an array's own range check: the checks of accesses at several offsets from one address (a struct's
 * fields, an unrolled loop) share one range, so C2 merges them into the lowest and highest, and in a counted
 * loop it hoists them. Its failure is an {@link IndexOutOfBoundsException}, which {@link BoundsChecks} turns
 * into the trap at the host boundary: catching it in each access would cost the inlining budget above (a
 * handler per access took nbody from 70 to 156 ms per call). With a nonzero offset, a negative {@code addr}
 * (2^31 or more as unsigned, never in bounds, as a byte[] is shorter) traps first, since {@code addr + offset}
 * could otherwise wrap into range. The access uses the index it computed, not the one {@code checkIndex}
 * returns: that one C2 pins below the check, and using it took nbody from 73 to 90 ms per call.

 *
 * <p>Single bytes need neither: they are {@link ByteAccess}'s, on either path.
 */
public final class UnsafeAccess {
    private static final sun.misc.Unsafe U = RawBytes.U;
    private static final long BASE = RawBytes.BASE;

    static {
        BoundsChecks.registerChecker(UnsafeAccess.class);
    }

    private UnsafeAccess() {
    }

    public static int i32Load(int addr, byte[] m) {
        Objects.checkIndex(addr, m.length - 3);
        return U.getInt(m, BASE + addr);
    }

    public static int i32LoadAt(int addr, byte[] m, int offset) {
        if (addr < 0) {
            throw MemoryAccess.outOfBounds();
        }
        int ea = addr + offset;
        Objects.checkIndex(ea, m.length - 3);
        return U.getInt(m, BASE + ea);
    }

    public static long i64Load(int addr, byte[] m) {
        Objects.checkIndex(addr, m.length - 7);
        return U.getLong(m, BASE + addr);
    }

    public static long i64LoadAt(int addr, byte[] m, int offset) {
        if (addr < 0) {
            throw MemoryAccess.outOfBounds();
        }
        int ea = addr + offset;
        Objects.checkIndex(ea, m.length - 7);
        return U.getLong(m, BASE + ea);
    }





    public static int load16S(int addr, byte[] m) {
        Objects.checkIndex(addr, m.length - 1);
        return U.getShort(m, BASE + addr);
    }

    public static int load16SAt(int addr, byte[] m, int offset) {
        if (addr < 0) {
            throw MemoryAccess.outOfBounds();
        }
        int ea = addr + offset;
        Objects.checkIndex(ea, m.length - 1);
        return U.getShort(m, BASE + ea);
    }

    public static int load16U(int addr, byte[] m) {
        Objects.checkIndex(addr, m.length - 1);
        return U.getShort(m, BASE + addr) & 0xFFFF;
    }

    public static int load16UAt(int addr, byte[] m, int offset) {
        if (addr < 0) {
            throw MemoryAccess.outOfBounds();
        }
        int ea = addr + offset;
        Objects.checkIndex(ea, m.length - 1);
        return U.getShort(m, BASE + ea) & 0xFFFF;
    }

    public static long load32U(int addr, byte[] m) {
        Objects.checkIndex(addr, m.length - 3);
        return U.getInt(m, BASE + addr) & 0xFFFF_FFFFL;
    }

    public static long load32UAt(int addr, byte[] m, int offset) {
        if (addr < 0) {
            throw MemoryAccess.outOfBounds();
        }
        int ea = addr + offset;
        Objects.checkIndex(ea, m.length - 3);
        return U.getInt(m, BASE + ea) & 0xFFFF_FFFFL;
    }

    public static void i32Store(int addr, int v, byte[] m) {
        Objects.checkIndex(addr, m.length - 3);
        U.putInt(m, BASE + addr, v);
    }

    public static void i32StoreAt(int addr, int v, byte[] m, int offset) {
        if (addr < 0) {
            throw MemoryAccess.outOfBounds();
        }
        int ea = addr + offset;
        Objects.checkIndex(ea, m.length - 3);
        U.putInt(m, BASE + ea, v);
    }

    public static void i64Store(int addr, long v, byte[] m) {
        Objects.checkIndex(addr, m.length - 7);
        U.putLong(m, BASE + addr, v);
    }

    public static void i64StoreAt(int addr, long v, byte[] m, int offset) {
        if (addr < 0) {
            throw MemoryAccess.outOfBounds();
        }
        int ea = addr + offset;
        Objects.checkIndex(ea, m.length - 7);
        U.putLong(m, BASE + ea, v);
    }



    public static void store16(int addr, int v, byte[] m) {
        Objects.checkIndex(addr, m.length - 1);
        U.putShort(m, BASE + addr, (short) v);
    }

    public static void store16At(int addr, int v, byte[] m, int offset) {
        if (addr < 0) {
            throw MemoryAccess.outOfBounds();
        }
        int ea = addr + offset;
        Objects.checkIndex(ea, m.length - 1);
        U.putShort(m, BASE + ea, (short) v);
    }


    /**
     * Stores an unsettled f64 (an arithmetic result, whose NaN bits the platform chose): its raw bits, or the
     * canonical NaN for a NaN. The double is stored as it is and its bits are tested in memory, overwritten
     * only if they are a NaN's. Testing them on the way, from a register, takes a move from an XMM register
     * to a general one, which runs on the same execution port as the divider and the multipliers: in nbody's
     * loop, six such moves per iteration slowed a loop bound by its floating-point work (93 -> 69 ms per
     * call). {@link VarHandleAccess} keeps the test in a register: a double view VarHandle converts to raw
     * bits in a general register anyway.
     */
    public static void f64StoreSettling(int addr, double v, byte[] m) {
        Objects.checkIndex(addr, m.length - 7);
        f64Settled(m, BASE + addr, v);
    }

    public static void f64StoreSettlingAt(int addr, double v, byte[] m, int offset) {
        if (addr < 0) {
            throw MemoryAccess.outOfBounds();
        }
        f64StoreSettling(addr + offset, v, m);
    }

    private static void f64Settled(byte[] m, long at, double v) {
        U.putDouble(m, at, v);
        if ((U.getLong(m, at) & Long.MAX_VALUE) > 0x7FF0_0000_0000_0000L) {
            canonicalF64(m, at);
        }
    }

    private static void canonicalF64(byte[] m, long at) {
        U.putLong(m, at, F64Ops.CANONICAL_NAN);
    }

    /** {@link #f64StoreSettling} for f32. */
    public static void f32StoreSettling(int addr, float v, byte[] m) {
        Objects.checkIndex(addr, m.length - 3);
        f32Settled(m, BASE + addr, v);
    }

    public static void f32StoreSettlingAt(int addr, float v, byte[] m, int offset) {
        if (addr < 0) {
            throw MemoryAccess.outOfBounds();
        }
        f32StoreSettling(addr + offset, v, m);
    }

    private static void f32Settled(byte[] m, long at, float v) {
        U.putFloat(m, at, v);
        if ((U.getInt(m, at) & Integer.MAX_VALUE) > 0x7F80_0000) {
            canonicalF32(m, at);
        }
    }

    private static void canonicalF32(byte[] m, long at) {
        U.putInt(m, at, F32Ops.CANONICAL_NAN);
    }
}
