package dev.jwasm.wasi;

import dev.jwasm.api.Memory;
import dev.jwasm.api.TrapKind;
import dev.jwasm.api.WasmTrap;
import dev.jwasm.core.model.Limits;
import dev.jwasm.core.model.MemoryType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/** A small heap memory for calling host functions without a runtime; traps like the real one. */
final class ByteArrayMemory implements Memory {
    private final ByteBuffer bytes;

    ByteArrayMemory(int pages) {
        bytes = ByteBuffer.allocate(pages * 65536).order(ByteOrder.LITTLE_ENDIAN);
    }

    @Override
    public MemoryType type() {
        return new MemoryType(new Limits(bytes.capacity() / 65536, -1, false, false));
    }

    @Override
    public long pages() {
        return bytes.capacity() / 65536;
    }

    @Override
    public long byteSize() {
        return bytes.capacity();
    }

    @Override
    public long grow(long deltaPages) {
        return -1;
    }

    private int at(long address, int len) {
        if (address < 0 || address + len > bytes.capacity()) {
            throw new WasmTrap(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS);
        }
        return (int) address;
    }

    @Override
    public byte readByte(long address) {
        return bytes.get(at(address, 1));
    }

    @Override
    public short readShort(long address) {
        return bytes.getShort(at(address, 2));
    }

    @Override
    public int readInt(long address) {
        return bytes.getInt(at(address, 4));
    }

    @Override
    public long readLong(long address) {
        return bytes.getLong(at(address, 8));
    }

    @Override
    public float readFloat(long address) {
        return bytes.getFloat(at(address, 4));
    }

    @Override
    public double readDouble(long address) {
        return bytes.getDouble(at(address, 8));
    }

    @Override
    public void writeByte(long address, byte value) {
        bytes.put(at(address, 1), value);
    }

    @Override
    public void writeShort(long address, short value) {
        bytes.putShort(at(address, 2), value);
    }

    @Override
    public void writeInt(long address, int value) {
        bytes.putInt(at(address, 4), value);
    }

    @Override
    public void writeLong(long address, long value) {
        bytes.putLong(at(address, 8), value);
    }

    @Override
    public void writeFloat(long address, float value) {
        bytes.putFloat(at(address, 4), value);
    }

    @Override
    public void writeDouble(long address, double value) {
        bytes.putDouble(at(address, 8), value);
    }

    @Override
    public byte[] read(long address, int length) {
        byte[] out = new byte[length];
        read(address, out, 0, length);
        return out;
    }

    @Override
    public void read(long address, byte[] dst, int dstOffset, int length) {
        System.arraycopy(bytes.array(), at(address, length), dst, dstOffset, length);
    }

    @Override
    public void write(long address, byte[] src, int srcOffset, int length) {
        System.arraycopy(src, srcOffset, bytes.array(), at(address, length), length);
    }

    @Override
    public void fill(long address, long length, byte value) {
        int start = at(address, (int) length);
        Arrays.fill(bytes.array(), start, start + (int) length, value);
    }
}
