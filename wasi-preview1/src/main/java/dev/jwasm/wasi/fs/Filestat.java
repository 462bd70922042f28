package dev.jwasm.wasi.fs;

import dev.jwasm.wasi.abi.GuestMemory;
import dev.jwasm.wasi.abi.Layout;

/** The witx {@code filestat} record; times in nanoseconds since the epoch. */
public record Filestat(long dev, long ino, int fileType, long nlink, long size, long atim, long mtim, long ctim) {
    public static Filestat ofType(int fileType) {
        return new Filestat(0, 0, fileType, 1, 0, 0, 0, 0);
    }

    public void writeTo(GuestMemory memory, long address) {
        memory.check(address, Layout.FILESTAT_SIZE);
        memory.fill(address, Layout.FILESTAT_SIZE, (byte) 0);
        memory.writeI64(address + Layout.FILESTAT_DEV, dev);
        memory.writeI64(address + Layout.FILESTAT_INO, ino);
        memory.writeU8(address + Layout.FILESTAT_FILETYPE, fileType);
        memory.writeI64(address + Layout.FILESTAT_NLINK, nlink);
        memory.writeI64(address + Layout.FILESTAT_SIZE_FIELD, size);
        memory.writeI64(address + Layout.FILESTAT_ATIM, atim);
        memory.writeI64(address + Layout.FILESTAT_MTIM, mtim);
        memory.writeI64(address + Layout.FILESTAT_CTIM, ctim);
    }

    /** The wasi_unstable (snapshot 0) layout: nlink is a u32 at 20, the rest shifted, 56 bytes in all. */
    public void writeUnstableTo(GuestMemory memory, long address) {
        memory.check(address, 56);
        memory.fill(address, 56, (byte) 0);
        memory.writeI64(address, dev);
        memory.writeI64(address + 8, ino);
        memory.writeU8(address + 16, fileType);
        memory.writeI32(address + 20, (int) Math.min(nlink, 0xFFFF_FFFFL));
        memory.writeI64(address + 24, size);
        memory.writeI64(address + 32, atim);
        memory.writeI64(address + 40, mtim);
        memory.writeI64(address + 48, ctim);
    }
}
