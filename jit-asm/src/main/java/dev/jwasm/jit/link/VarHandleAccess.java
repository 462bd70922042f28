package dev.jwasm.jit.link;

import dev.jwasm.core.numeric.F32Ops;
import dev.jwasm.core.numeric.F64Ops;
import dev.jwasm.core.runtime.BoundsChecks;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Objects;

/**
 * {@link UnsafeAccess}'s loads and stores through little-endian VarHandles, for JVMs where {@link RawBytes} is
 * not available. The same bounds check comes first (see there); the VarHandle's own check then cannot fail.
 * Single bytes are {@link ByteAccess}'s, as there.
 */
public final class VarHandleAccess {
    private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    static {
        BoundsChecks.registerChecker(VarHandleAccess.class);
    }

    private VarHandleAccess() {
    }

    public static int i32Load(int addr, byte[] m) {
        Objects.checkIndex(addr, m.length - 3);
        return (int) INT.get(m, addr);
    }

    public static int i32LoadAt(int addr, byte[] m, int offset) {
        if (addr < 0) {
            throw MemoryAccess.outOfBounds();
        }
        int ea = addr + offset;
        Objects.checkIndex(ea, m.length - 3);
        return (int) INT.get(m, ea);
    }

    public static long i64Load(int addr, byte[] m) {
        Objects.checkIndex(addr, m.length - 7);
        return (long) LONG.get(m, addr);
    }

    public static long i64LoadAt(int addr, byte[] m, int offset) {
        if (addr < 0) {
            throw MemoryAccess.outOfBounds();
        }
        int ea = addr + offset;
        Objects.checkIndex(ea, m.length - 7);
        return (long) LONG.get(m, ea);
    }





    public static int load16S(int addr, byte[] m) {
        Objects.checkIndex(addr, m.length - 1);
        return (short) SHORT.get(m, addr);
    }

    public static int load16SAt(int addr, byte[] m, int offset) {
        if (addr < 0) {
            throw MemoryAccess.outOfBounds();
        }
        int ea = addr + offset;
        Objects.checkIndex(ea, m.length - 1);
        return (short) SHORT.get(m, ea);
    }

    public static int load16U(int addr, byte[] m) {
        Objects.checkIndex(addr, m.length - 1);
        return (short) SHORT.get(m, addr) & 0xFFFF;
    }

    public static int load16UAt(int addr, byte[] m, int offset) {
        if (addr < 0) {
            throw MemoryAccess.outOfBounds();
        }
        int ea = addr + offset;
        Objects.checkIndex(ea, m.length - 1);
        return (short) SHORT.get(m, ea) & 0xFFFF;
    }

    public static long load32U(int addr, byte[] m) {
        Objects.checkIndex(addr, m.length - 3);
        return (int) INT.get(m, addr) & 0xFFFF_FFFFL;
    }

    public static long load32UAt(int addr, byte[] m, int offset) {
        if (addr < 0) {
            throw MemoryAccess.outOfBounds();
        }
        int ea = addr + offset;
        Objects.checkIndex(ea, m.length - 3);
        return (int) INT.get(m, ea) & 0xFFFF_FFFFL;
    }

    public static void i32Store(int addr, int v, byte[] m) {
        Objects.checkIndex(addr, m.length - 3);
        INT.set(m, addr, v);
    }

    public static void i32StoreAt(int addr, int v, byte[] m, int offset) {
        if (addr < 0) {
            throw MemoryAccess.outOfBounds();
        }
        int ea = addr + offset;
        Objects.checkIndex(ea, m.length - 3);
        INT.set(m, ea, v);
    }

    public static void i64Store(int addr, long v, byte[] m) {
        Objects.checkIndex(addr, m.length - 7);
        LONG.set(m, addr, v);
    }

    public static void i64StoreAt(int addr, long v, byte[] m, int offset) {
        if (addr < 0) {
            throw MemoryAccess.outOfBounds();
        }
        int ea = addr + offset;
        Objects.checkIndex(ea, m.length - 7);
        LONG.set(m, ea, v);
    }



    public static void store16(int addr, int v, byte[] m) {
        Objects.checkIndex(addr, m.length - 1);
        SHORT.set(m, addr, (short) v);
    }

    public static void store16At(int addr, int v, byte[] m, int offset) {
        if (addr < 0) {
            throw MemoryAccess.outOfBounds();
        }
        int ea = addr + offset;
        Objects.checkIndex(ea, m.length - 1);
        SHORT.set(m, ea, (short) v);
    }


    /**
     * Stores an unsettled f64 (an arithmetic result, whose NaN bits the platform chose): its raw bits, or the
     * canonical NaN for a NaN. The NaN test is one integer comparison of the bits, where {@code v != v}
     * compiles to two branches (nbody's loop stores six such values per iteration).
     */
    public static void f64StoreSettling(int addr, double v, byte[] m) {
        long bits = Double.doubleToRawLongBits(v);
        i64Store(addr, (bits & Long.MAX_VALUE) > 0x7FF0_0000_0000_0000L ? F64Ops.CANONICAL_NAN : bits, m);
    }

    public static void f64StoreSettlingAt(int addr, double v, byte[] m, int offset) {
        long bits = Double.doubleToRawLongBits(v);
        i64StoreAt(addr, (bits & Long.MAX_VALUE) > 0x7FF0_0000_0000_0000L ? F64Ops.CANONICAL_NAN : bits, m, offset);
    }

    /** {@link #f64StoreSettling} for f32. */
    public static void f32StoreSettling(int addr, float v, byte[] m) {
        int bits = Float.floatToRawIntBits(v);
        i32Store(addr, (bits & Integer.MAX_VALUE) > 0x7F80_0000 ? F32Ops.CANONICAL_NAN : bits, m);
    }

    public static void f32StoreSettlingAt(int addr, float v, byte[] m, int offset) {
        int bits = Float.floatToRawIntBits(v);
        i32StoreAt(addr, (bits & Integer.MAX_VALUE) > 0x7F80_0000 ? F32Ops.CANONICAL_NAN : bits, m, offset);
    }
}
