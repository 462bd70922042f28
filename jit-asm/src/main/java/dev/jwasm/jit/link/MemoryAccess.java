package dev.jwasm.jit.link;

import dev.jwasm.api.TrapKind;
import dev.jwasm.api.WasmTrap;
import dev.jwasm.core.numeric.F32Ops;
import dev.jwasm.core.numeric.F64Ops;
import dev.jwasm.core.runtime.BoundsChecks;
import dev.jwasm.core.runtime.InstanceImpl;
import dev.jwasm.core.runtime.MemoryInstance;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Objects;

/**
 * Memory operations called by generated code, other than the common 32-bit loads and stores, which are in
 * {@link UnsafeAccess} or {@link VarHandleAccess} ({@link #ACCESS_CLASS}): those with a static offset of 2^31
 * or more (never in bounds, so they trap), 64-bit memories (through {@link MemoryInstance}), growth and the
 * bulk-memory instructions. The 32-bit accessors here take any offset, with the same bounds check as the
 * small ones (see {@link UnsafeAccess}); tests compare both. Operands come in wasm stack order, then buffer
 * and offset.
 */
public final class MemoryAccess {
    private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    /** Whether accesses go through {@link RawBytes} (a constant C2 folds), else through the VarHandles. */
    private static final boolean RAW = RawBytes.AVAILABLE;
    /**
     * Internal name of the class whose small accessors generated code calls for offsets below 2^31: {@link
     * UnsafeAccess} where {@link RawBytes} is available, else {@link VarHandleAccess}. A compiled module's jar
     * records it, and a JVM that would choose the other refuses the jar.
     */
    public static final String ACCESS_CLASS = (RAW ? UnsafeAccess.class : VarHandleAccess.class).getName()
            .replace('.', '/');

    static {
        BoundsChecks.registerChecker(MemoryAccess.class);
    }

    private MemoryAccess() {
    }

    /**
     * Initialises this class and links its VarHandle call sites. Done when the JIT loads, because the first
     * use could otherwise happen deep in a guest recursion, where a StackOverflowError during class
     * initialisation or linkage would poison the class for the whole JVM.
     */
    public static void warmUp() {
        byte[] m = new byte[16];
        if (RAW) {
            UnsafeAccess.i64Store(0, UnsafeAccess.i64LoadAt(0, m, 8), m);
            UnsafeAccess.f64StoreSettlingAt(0, UnsafeAccess.load8U(0, m), m, 8);
        } else {
            VarHandleAccess.i64Store(0, VarHandleAccess.i64LoadAt(0, m, 8), m);
            VarHandleAccess.i32StoreAt(0, VarHandleAccess.i32Load(0, m) + VarHandleAccess.load16S(0, m), m, 4);
            VarHandleAccess.store16(0, VarHandleAccess.load16U(0, m), m);
        }
        i64Store(0, i64Load(0, m, 0), m, 8);
        i32Store(0, i32Load(0, m, 4) + load16S(0, m, 0) + load16U(0, m, 0) + (int) load32U(0, m, 0), m, 0);
        store16(0, load8S(0, m, 0) + load8U(0, m, 0), m, 0);
        store8(0, 0, m, 0);
    }

    private static WasmTrap oob() {
        return new WasmTrap(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS);
    }

    static WasmTrap outOfBounds() {
        return oob();
    }

    /* Each access is written out in full, like the small ones: see UnsafeAccess on C2's inlining budget. */

    public static int i32Load(int addr, byte[] m, int off) {
        int ea = addr + off;
        if (off < 0 || off != 0 && addr < 0) {
            throw oob();
        }
        Objects.checkIndex(ea, m.length - 3);
        return RAW ? RawBytes.U.getInt(m, RawBytes.BASE + ea) : (int) INT.get(m, ea);
    }

    public static long i64Load(int addr, byte[] m, int off) {
        int ea = addr + off;
        if (off < 0 || off != 0 && addr < 0) {
            throw oob();
        }
        Objects.checkIndex(ea, m.length - 7);
        return RAW ? RawBytes.U.getLong(m, RawBytes.BASE + ea) : (long) LONG.get(m, ea);
    }

    public static int load8S(int addr, byte[] m, int off) {
        int ea = addr + off;
        if (off < 0 || off != 0 && addr < 0) {
            throw oob();
        }
        Objects.checkIndex(ea, m.length);
        return RAW ? RawBytes.U.getByte(m, RawBytes.BASE + ea) : m[ea];
    }

    public static int load8U(int addr, byte[] m, int off) {
        int ea = addr + off;
        if (off < 0 || off != 0 && addr < 0) {
            throw oob();
        }
        Objects.checkIndex(ea, m.length);
        return (RAW ? RawBytes.U.getByte(m, RawBytes.BASE + ea) : m[ea]) & 0xFF;
    }

    public static int load16S(int addr, byte[] m, int off) {
        int ea = addr + off;
        if (off < 0 || off != 0 && addr < 0) {
            throw oob();
        }
        Objects.checkIndex(ea, m.length - 1);
        return RAW ? RawBytes.U.getShort(m, RawBytes.BASE + ea) : (short) SHORT.get(m, ea);
    }

    public static int load16U(int addr, byte[] m, int off) {
        int ea = addr + off;
        if (off < 0 || off != 0 && addr < 0) {
            throw oob();
        }
        Objects.checkIndex(ea, m.length - 1);
        return (RAW ? RawBytes.U.getShort(m, RawBytes.BASE + ea) : (short) SHORT.get(m, ea)) & 0xFFFF;
    }

    public static long load32U(int addr, byte[] m, int off) {
        int ea = addr + off;
        if (off < 0 || off != 0 && addr < 0) {
            throw oob();
        }
        Objects.checkIndex(ea, m.length - 3);
        return (RAW ? RawBytes.U.getInt(m, RawBytes.BASE + ea) : (int) INT.get(m, ea)) & 0xFFFF_FFFFL;
    }

    public static void i32Store(int addr, int v, byte[] m, int off) {
        int ea = addr + off;
        if (off < 0 || off != 0 && addr < 0) {
            throw oob();
        }
        Objects.checkIndex(ea, m.length - 3);
        if (RAW) {
            RawBytes.U.putInt(m, RawBytes.BASE + ea, v);
        } else {
            INT.set(m, ea, v);
        }
    }

    public static void i64Store(int addr, long v, byte[] m, int off) {
        int ea = addr + off;
        if (off < 0 || off != 0 && addr < 0) {
            throw oob();
        }
        Objects.checkIndex(ea, m.length - 7);
        if (RAW) {
            RawBytes.U.putLong(m, RawBytes.BASE + ea, v);
        } else {
            LONG.set(m, ea, v);
        }
    }

    /**
     * Stores an unsettled f64 (an arithmetic result, whose NaN bits the platform chose): its raw bits, then,
     * for the rare NaN, the canonical NaN over them. The NaN test is one integer comparison of the stored
     * bits, where {@code v != v} compiles to two branches (nbody's loop stores six such values per iteration).
     */
    public static void f64StoreSettling(int addr, double v, byte[] m, int off) {
        long bits = Double.doubleToRawLongBits(v);
        i64Store(addr, bits, m, off);
        if ((bits & Long.MAX_VALUE) > 0x7FF0_0000_0000_0000L) {
            i64Store(addr, F64Ops.CANONICAL_NAN, m, off);
        }
    }

    /** {@link #f64StoreSettling} for f32. */
    public static void f32StoreSettling(int addr, float v, byte[] m, int off) {
        int bits = Float.floatToRawIntBits(v);
        i32Store(addr, bits, m, off);
        if ((bits & Integer.MAX_VALUE) > 0x7F80_0000) {
            i32Store(addr, F32Ops.CANONICAL_NAN, m, off);
        }
    }

    public static void store8(int addr, int v, byte[] m, int off) {
        int ea = addr + off;
        if (off < 0 || off != 0 && addr < 0) {
            throw oob();
        }
        Objects.checkIndex(ea, m.length);
        if (RAW) {
            RawBytes.U.putByte(m, RawBytes.BASE + ea, (byte) v);
        } else {
            m[ea] = (byte) v;
        }
    }

    public static void store16(int addr, int v, byte[] m, int off) {
        int ea = addr + off;
        if (off < 0 || off != 0 && addr < 0) {
            throw oob();
        }
        Objects.checkIndex(ea, m.length - 1);
        if (RAW) {
            RawBytes.U.putShort(m, RawBytes.BASE + ea, (short) v);
        } else {
            SHORT.set(m, ea, (short) v);
        }
    }

    // ---- 64-bit memories ----

    private static long ea64(long addr, long offset) {
        long ea = addr + offset;
        // Unsigned overflow or an address beyond 2^63 can never be in bounds.
        return (addr < 0 || offset < 0 || ea < 0) ? -1 : ea;
    }

    public static int m64I32Load(long addr, MemoryInstance m, long off) {
        return m.loadI32(ea64(addr, off));
    }

    public static long m64I64Load(long addr, MemoryInstance m, long off) {
        return m.loadI64(ea64(addr, off));
    }

    public static int m64Load8S(long addr, MemoryInstance m, long off) {
        return m.loadI8(ea64(addr, off));
    }

    public static int m64Load8U(long addr, MemoryInstance m, long off) {
        return m.loadU8(ea64(addr, off));
    }

    public static int m64Load16S(long addr, MemoryInstance m, long off) {
        return m.loadI16(ea64(addr, off));
    }

    public static int m64Load16U(long addr, MemoryInstance m, long off) {
        return m.loadU16(ea64(addr, off));
    }

    public static long m64Load32U(long addr, MemoryInstance m, long off) {
        return m.loadI32(ea64(addr, off)) & 0xFFFF_FFFFL;
    }

    public static void m64I32Store(long addr, int v, MemoryInstance m, long off) {
        m.storeI32(ea64(addr, off), v);
    }

    public static void m64I64Store(long addr, long v, MemoryInstance m, long off) {
        m.storeI64(ea64(addr, off), v);
    }

    public static void m64Store8(long addr, int v, MemoryInstance m, long off) {
        m.storeI8(ea64(addr, off), v);
    }

    public static void m64Store16(long addr, int v, MemoryInstance m, long off) {
        m.storeI16(ea64(addr, off), v);
    }

    // ---- size, grow and bulk operations (operands already widened to unsigned longs) ----

    public static int grow32(int delta, MemoryInstance m) {
        return (int) m.grow(delta & 0xFFFF_FFFFL);
    }

    public static long grow64(long delta, MemoryInstance m) {
        return m.grow(delta);
    }

    public static void init(long d, long s, long n, InstanceImpl inst, int data, MemoryInstance m) {
        byte[] seg = inst.dataSegments[data];
        if (s + n > seg.length) {
            throw oob();
        }
        m.write(d, seg, (int) s, (int) n);
    }

    public static void dataDrop(InstanceImpl inst, int data) {
        inst.dataSegments[data] = new byte[0];
    }

    public static void copy(long d, long s, long n, MemoryInstance dst, MemoryInstance src) {
        MemoryInstance.copy(dst, d, src, s, n);
    }

    public static void fill(long d, long value, long n, MemoryInstance m) {
        m.fill(d, n, (byte) value);
    }
}
