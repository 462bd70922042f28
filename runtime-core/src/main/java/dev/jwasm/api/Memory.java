package dev.jwasm.api;

import dev.jwasm.core.model.MemoryType;
import java.nio.charset.StandardCharsets;

/**
 * A linear memory. All multi-byte accesses are little-endian. An access outside the current size throws
 * a {@link WasmTrap} of kind {@link TrapKind#OUT_OF_BOUNDS_MEMORY_ACCESS}. Not thread-safe.
 */
public interface Memory extends Extern {
    MemoryType type();

    @Override
    default dev.jwasm.core.model.ExternType externType() {
        return type();
    }

    /** Current size in pages. */
    long pages();

    /** Current size in bytes. */
    long byteSize();

    /** Grows by {@code deltaPages}; returns the old size in pages, or -1 if the memory cannot grow so far. */
    long grow(long deltaPages);

    byte readByte(long address);

    short readShort(long address);

    int readInt(long address);

    long readLong(long address);

    float readFloat(long address);

    double readDouble(long address);

    void writeByte(long address, byte value);

    void writeShort(long address, short value);

    void writeInt(long address, int value);

    void writeLong(long address, long value);

    void writeFloat(long address, float value);

    void writeDouble(long address, double value);

    /** Copies {@code length} bytes starting at {@code address} into a new array. */
    byte[] read(long address, int length);

    /** Copies {@code length} bytes at {@code address} into {@code dst[dstOffset..]}. */
    void read(long address, byte[] dst, int dstOffset, int length);

    /** Copies {@code src[srcOffset .. srcOffset+length)} to {@code address}. */
    void write(long address, byte[] src, int srcOffset, int length);

    default void write(long address, byte[] src) {
        write(address, src, 0, src.length);
    }

    /** Decodes {@code length} bytes at {@code address} as UTF-8. */
    default String readString(long address, int length) {
        return new String(read(address, length), StandardCharsets.UTF_8);
    }

    /** Writes {@code s} as UTF-8 at {@code address} (no terminator); returns the number of bytes written. */
    default int writeString(long address, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        write(address, b);
        return b.length;
    }

    /** Fills {@code length} bytes at {@code address} with {@code value}. */
    void fill(long address, long length, byte value);

    /** A new host-owned memory of type {@code type}, zero-filled, for linking as an import. */
    static Memory create(MemoryType type) {
        return dev.jwasm.core.runtime.MemoryInstance.create(type);
    }
}
