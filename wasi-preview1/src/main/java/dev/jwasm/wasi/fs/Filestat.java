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
}
