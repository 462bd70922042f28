package dev.jwasm.wasi.abi;

import dev.jwasm.api.Memory;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;

/**
 * Bounds-checked access to the guest's linear memory. Guest pointers and lengths are unsigned 32-bit
 * values; every access is checked against the memory's current size first and a bad one throws
 * {@link WasiErrnoException} with {@link Errno#FAULT}, so a hostile pointer never becomes a host exception
 * or a trap. A missing memory behaves like an empty one.
 */
public final class GuestMemory {
    private final Memory memory;

    public GuestMemory(Memory memory) {
        this.memory = memory;
    }

    /** Treats an i32 argument as an unsigned address or length. */
    public static long u32(int value) {
        return value & 0xFFFF_FFFFL;
    }

    /** Fails with EFAULT unless {@code [address, address + length)} lies inside the memory. */
    public void check(long address, long length) {
        long size = memory == null ? 0 : memory.byteSize();
        if (address < 0 || length < 0 || address + length > size || address + length < address) {
            throw new WasiErrnoException(Errno.FAULT);
        }
    }

    public int readU8(long address) {
        check(address, 1);
        return memory.readByte(address) & 0xFF;
    }

    public int readU16(long address) {
        check(address, 2);
        return memory.readShort(address) & 0xFFFF;
    }

    public int readI32(long address) {
        check(address, 4);
        return memory.readInt(address);
    }

    public long readI64(long address) {
        check(address, 8);
        return memory.readLong(address);
    }

    public void writeU8(long address, int value) {
        check(address, 1);
        memory.writeByte(address, (byte) value);
    }

    public void writeU16(long address, int value) {
        check(address, 2);
        memory.writeShort(address, (short) value);
    }

    public void writeI32(long address, int value) {
        check(address, 4);
        memory.writeInt(address, value);
    }

    public void writeI64(long address, long value) {
        check(address, 8);
        memory.writeLong(address, value);
    }

    public byte[] read(long address, int length) {
        check(address, length);
        return memory.read(address, length);
    }

    public void read(long address, byte[] dst, int offset, int length) {
        check(address, length);
        memory.read(address, dst, offset, length);
    }

    public void write(long address, byte[] src, int offset, int length) {
        check(address, length);
        memory.write(address, src, offset, length);
    }

    public void write(long address, byte[] src) {
        write(address, src, 0, src.length);
    }

    public void fill(long address, long length, byte value) {
        check(address, length);
        memory.fill(address, length, value);
    }

    /**
     * Reads a guest string (pointer + length, no terminator) as strict UTF-8: invalid UTF-8 or an embedded NUL
     * fails with EILSEQ / EINVAL, as a path containing them cannot name a host file faithfully.
     */
    public String readString(long address, long length) {
        if (length > Integer.MAX_VALUE - 8) {
            throw new WasiErrnoException(Errno.FAULT);
        }
        byte[] bytes = read(address, (int) length);
        for (byte b : bytes) {
            if (b == 0) {
                throw new WasiErrnoException(Errno.INVAL);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new WasiErrnoException(Errno.ILSEQ);
        }
    }

    /** The {@code (buf, len)} pairs of an iovec/ciovec array, each checked against the memory. */
    public long[][] iovecs(long address, long count) {
        if (count > 1024) {
            // IOV_MAX: a larger count is an invalid argument rather than a reason to allocate.
            throw new WasiErrnoException(Errno.INVAL);
        }
        check(address, count * Layout.IOVEC_SIZE);
        long[][] result = new long[(int) count][];
        for (int i = 0; i < count; i++) {
            long buf = u32(readI32(address + (long) i * Layout.IOVEC_SIZE));
            long len = u32(readI32(address + (long) i * Layout.IOVEC_SIZE + 4));
            check(buf, len);
            result[i] = new long[] {buf, len};
        }
        return result;
    }
}
