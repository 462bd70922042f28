package dev.jwasm.wasi.impl;

import dev.jwasm.wasi.abi.Errno;
import dev.jwasm.wasi.abi.Layout;
import dev.jwasm.wasi.abi.Rights;
import dev.jwasm.wasi.fs.DirectoryDescriptor;
import dev.jwasm.wasi.fs.DirectoryListing;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/**
 * {@code fd_readdir}: entries from {@code cookie} on, each a 24-byte dirent followed by its name, packed
 * until the buffer is full. The last entry is cut off at the end of the buffer; wasi-libc sees a full
 * buffer, notices the partial entry and calls again from that entry's cookie (with a bigger buffer if one
 * entry does not fit). Entry {@code i} has cookie {@code i}; its {@code d_next} is {@code i + 1}.
 */
public final class ReaddirFunction implements FunctionRegistry.Group {
    private static final int FD_READDIR = 0;

    private final WasiContext ctx;

    private ReaddirFunction(WasiContext ctx) {
        this.ctx = ctx;
    }

    public static void register(FunctionRegistry r, WasiContext ctx) {
        ReaddirFunction functions = new ReaddirFunction(ctx);
        r.add("fd_readdir", "iiiIi", functions, FD_READDIR);
    }

    @Override
    public int call(int id, Call c) throws IOException {
        return switch (id) {
            case FD_READDIR -> fdReaddir(c);
            default -> throw new IllegalArgumentException("no function " + id);
        };
    }

    private int fdReaddir(Call c) throws IOException {
        DirectoryDescriptor dir = ctx.fds().get(c.i32(0), DirectoryDescriptor.class, Errno.NOTDIR);
        dir.require(Rights.FD_READDIR);
        long buf = c.u32(1);
        long len = c.u32(2);
        long cookie = c.i64(3);
        long out = c.u32(4);
        c.memory().check(buf, len);
        c.memory().check(out, 4);
        List<DirectoryListing.Entry> entries = dir.listing(cookie);
        long used = 0;
        for (long i = cookie; i >= 0 && i < entries.size() && used < len; i++) {
            byte[] dirent = encode(entries.get((int) i), i + 1);
            int n = (int) Math.min(dirent.length, len - used);
            c.memory().write(buf + used, dirent, 0, n);
            used += n;
        }
        c.memory().writeI32(out, (int) used);
        return 0;
    }

    private static byte[] encode(DirectoryListing.Entry e, long next) {
        ByteBuffer b = ByteBuffer.allocate(Layout.DIRENT_SIZE + e.name().length).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(Layout.DIRENT_NEXT, next);
        b.putLong(Layout.DIRENT_INO, e.ino());
        b.putInt(Layout.DIRENT_NAMLEN, e.name().length);
        b.put(Layout.DIRENT_TYPE, (byte) e.fileType());
        b.position(Layout.DIRENT_SIZE);
        b.put(e.name());
        return b.array();
    }
}
