package dev.jwasm.core.runtime;

import dev.jwasm.api.Memory;
import dev.jwasm.api.TrapKind;
import dev.jwasm.api.WasmTrap;
import dev.jwasm.core.model.Limits;
import dev.jwasm.core.model.MemoryType;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A linear memory backed by one {@code byte[]}. Effective addresses are non-negative longs (an i32 address
 * plus its offset cannot overflow a long; memory64 callers map overflow to -1), so one unsigned-style check
 * against the array length covers every access.
 *
 * <p>A single Java array holds at most {@link #MAX_JVM_PAGES} pages of 64 KiB; growing past that, past the
 * declared maximum or past {@link dev.jwasm.api.Engine#maxMemoryBytes()} fails with -1.
 */
public final class MemoryInstance implements Memory {
    /** The most 64 KiB pages one byte[] can hold. */
    public static final long MAX_JVM_PAGES = 32767;

    private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final MemoryType type;
    private final long pageSize;
    private final long maxPages;
    private byte[] buffer;
    private long pages;

    private MemoryInstance(MemoryType type, long byteLimit) {
        this.type = type;
        this.pageSize = 1L << type.pageSizeLog2();
        Limits l = type.limits();
        long specMax = type.is64() ? (1L << 48) : (1L << 32) / pageSize;
        long max = l.hasMax() ? Math.min(l.max(), specMax) : specMax;
        max = Math.min(max, (Integer.MAX_VALUE - 8) / pageSize);
        if (byteLimit >= 0) {
            max = Math.min(max, byteLimit / pageSize);
        }
        this.maxPages = max;
        if (l.min() > maxPages) {
            throw new WasmTrap(TrapKind.MEMORY_LIMIT, "memory limit exceeded: initial size of " + l.min()
                    + " pages is more than this runtime supports");
        }
        this.pages = l.min();
        this.buffer = allocate(pages * pageSize);
    }

    private static byte[] allocate(long bytes) {
        try {
            return new byte[(int) bytes];
        } catch (OutOfMemoryError e) {
            throw new WasmTrap(TrapKind.MEMORY_LIMIT, "memory limit exceeded: cannot allocate " + bytes + " bytes");
        }
    }

    /** A host-created memory with no engine byte limit. */
    public static Memory create(MemoryType type) {
        return new MemoryInstance(type, -1);
    }

    /** A memory for an instance, limited to {@code byteLimit} bytes (-1 for none). */
    public static MemoryInstance allocate(MemoryType type, long byteLimit) {
        return new MemoryInstance(type, byteLimit);
    }

    /**
     * Internal, for the execution tiers: the current backing array. It is replaced when the memory grows,
     * so do not cache it across anything that can grow memory (calls, memory.grow).
     */
    public byte[] buffer() {
        return buffer;
    }

    @Override
    public MemoryType type() {
        return type;
    }

    /** The current type: limits with the current size as minimum, for import matching. */
    public long maxPagesAllowed() {
        return maxPages;
    }

    @Override
    public long pages() {
        return pages;
    }

    @Override
    public long byteSize() {
        return buffer.length;
    }

    @Override
    public long grow(long deltaPages) {
        long old = pages;
        if (deltaPages < 0 || deltaPages > maxPages - old) {
            return -1;
        }
        if (deltaPages == 0) {
            return old;
        }
        try {
            buffer = Arrays.copyOf(buffer, (int) ((old + deltaPages) * pageSize));
        } catch (OutOfMemoryError e) {
            return -1;
        }
        pages = old + deltaPages;
        return old;
    }

    /** The declared type with the current size as minimum (what an importer sees). */
    public Limits currentLimits() {
        Limits l = type.limits();
        return new Limits(pages, l.max(), l.is64(), l.shared());
    }

    // ---- bounds checks ----

    private static WasmTrap oob() {
        return new WasmTrap(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS);
    }

    /** Checks {@code [ea, ea+size)} lies inside the memory; {@code ea} < 0 means an overflowed address. */
    private int check(long ea, int size) {
        if (ea < 0 || ea > buffer.length - size) {
            throw oob();
        }
        return (int) ea;
    }

    /** Checks a range of {@code len} bytes (both as unsigned values widened to long, non-negative). */
    public void checkRange(long ea, long len) {
        if (ea < 0 || len < 0 || ea > buffer.length - len) {
            throw oob();
        }
    }

    // ---- tier accessors: effective address already includes the offset ----

    public int loadI32(long ea) {
        return (int) INT.get(buffer, check(ea, 4));
    }

    public long loadI64(long ea) {
        return (long) LONG.get(buffer, check(ea, 8));
    }

    public int loadI8(long ea) {
        return buffer[check(ea, 1)];
    }

    public int loadU8(long ea) {
        return buffer[check(ea, 1)] & 0xFF;
    }

    public int loadI16(long ea) {
        return (short) SHORT.get(buffer, check(ea, 2));
    }

    public int loadU16(long ea) {
        return (short) SHORT.get(buffer, check(ea, 2)) & 0xFFFF;
    }

    public void storeI8(long ea, long v) {
        buffer[check(ea, 1)] = (byte) v;
    }

    public void storeI16(long ea, long v) {
        SHORT.set(buffer, check(ea, 2), (short) v);
    }

    public void storeI32(long ea, long v) {
        INT.set(buffer, check(ea, 4), (int) v);
    }

    public void storeI64(long ea, long v) {
        LONG.set(buffer, check(ea, 8), v);
    }

    // ---- Memory API ----

    @Override
    public byte readByte(long address) {
        return (byte) loadI8(address);
    }

    @Override
    public short readShort(long address) {
        return (short) loadI16(address);
    }

    @Override
    public int readInt(long address) {
        return loadI32(address);
    }

    @Override
    public long readLong(long address) {
        return loadI64(address);
    }

    @Override
    public float readFloat(long address) {
        return Float.intBitsToFloat(loadI32(address));
    }

    @Override
    public double readDouble(long address) {
        return Double.longBitsToDouble(loadI64(address));
    }

    @Override
    public void writeByte(long address, byte value) {
        storeI8(address, value);
    }

    @Override
    public void writeShort(long address, short value) {
        storeI16(address, value);
    }

    @Override
    public void writeInt(long address, int value) {
        storeI32(address, value);
    }

    @Override
    public void writeLong(long address, long value) {
        storeI64(address, value);
    }

    @Override
    public void writeFloat(long address, float value) {
        storeI32(address, Float.floatToRawIntBits(value));
    }

    @Override
    public void writeDouble(long address, double value) {
        storeI64(address, Double.doubleToRawLongBits(value));
    }

    @Override
    public byte[] read(long address, int length) {
        byte[] out = new byte[length];
        read(address, out, 0, length);
        return out;
    }

    @Override
    public void read(long address, byte[] dst, int dstOffset, int length) {
        checkRange(address, length);
        System.arraycopy(buffer, (int) address, dst, dstOffset, length);
    }

    @Override
    public void write(long address, byte[] src, int srcOffset, int length) {
        checkRange(address, length);
        System.arraycopy(src, srcOffset, buffer, (int) address, length);
    }

    @Override
    public void fill(long address, long length, byte value) {
        checkRange(address, length);
        Arrays.fill(buffer, (int) address, (int) (address + length), value);
    }

    /** memory.copy semantics (overlapping ranges allowed); bounds checked before any write. */
    public static void copy(MemoryInstance dst, long dstAddr, MemoryInstance src, long srcAddr, long len) {
        src.checkRange(srcAddr, len);
        dst.checkRange(dstAddr, len);
        System.arraycopy(src.buffer, (int) srcAddr, dst.buffer, (int) dstAddr, (int) len);
    }
}
