package dev.jwasm.wasi.impl;

import dev.jwasm.wasi.abi.Errno;
import dev.jwasm.wasi.abi.Flags;
import dev.jwasm.wasi.abi.GuestMemory;
import dev.jwasm.wasi.abi.Layout;
import dev.jwasm.wasi.abi.Rights;
import dev.jwasm.wasi.abi.WasiErrnoException;
import dev.jwasm.wasi.fs.Descriptor;
import dev.jwasm.wasi.fs.DirectoryDescriptor;
import dev.jwasm.wasi.fs.PathResolver;
import dev.jwasm.wasi.fs.RegularFileDescriptor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** The descriptor-level {@code fd_*} functions other than data transfer and readdir. */
public final class FdFunctions implements FunctionRegistry.Group {
    private static final int FD_CLOSE = 0;
    private static final int FD_RENUMBER = 1;
    private static final int FD_DATASYNC = 2;
    private static final int FD_SYNC = 3;
    private static final int FD_ADVISE = 4;
    private static final int FD_ALLOCATE = 5;
    private static final int FD_FDSTAT_GET = 6;
    private static final int FD_FDSTAT_SET_FLAGS = 7;
    private static final int FD_FDSTAT_SET_RIGHTS = 8;
    private static final int FD_FILESTAT_GET = 9;
    private static final int FD_FILESTAT_SET_SIZE = 10;
    private static final int FD_FILESTAT_SET_TIMES = 11;
    private static final int FD_PRESTAT_GET = 12;
    private static final int FD_PRESTAT_DIR_NAME = 13;

    private final WasiContext ctx;

    private FdFunctions(WasiContext ctx) {
        this.ctx = ctx;
    }

    public static void register(FunctionRegistry r, WasiContext ctx) {
        FdFunctions functions = new FdFunctions(ctx);
        r.add("fd_close", "i", functions, FD_CLOSE);
        r.add("fd_renumber", "ii", functions, FD_RENUMBER);
        r.add("fd_datasync", "i", functions, FD_DATASYNC);
        r.add("fd_sync", "i", functions, FD_SYNC);
        r.add("fd_advise", "iIIi", functions, FD_ADVISE);
        r.add("fd_allocate", "iII", functions, FD_ALLOCATE);
        r.add("fd_fdstat_get", "ii", functions, FD_FDSTAT_GET);
        r.add("fd_fdstat_set_flags", "ii", functions, FD_FDSTAT_SET_FLAGS);
        r.add("fd_fdstat_set_rights", "iII", functions, FD_FDSTAT_SET_RIGHTS);
        r.add("fd_filestat_get", "ii", functions, FD_FILESTAT_GET);
        r.add("fd_filestat_set_size", "iI", functions, FD_FILESTAT_SET_SIZE);
        r.add("fd_filestat_set_times", "iIIi", functions, FD_FILESTAT_SET_TIMES);
        r.add("fd_prestat_get", "ii", functions, FD_PRESTAT_GET);
        r.add("fd_prestat_dir_name", "iii", functions, FD_PRESTAT_DIR_NAME);
    }

    @Override
    public int call(int id, Call c) throws IOException {
        return switch (id) {
            case FD_CLOSE -> fdClose(c);
            case FD_RENUMBER -> fdRenumber(c);
            case FD_DATASYNC -> fdDatasync(c);
            case FD_SYNC -> fdSync(c);
            case FD_ADVISE -> fdAdvise(c);
            case FD_ALLOCATE -> fdAllocate(c);
            case FD_FDSTAT_GET -> fdFdstatGet(c);
            case FD_FDSTAT_SET_FLAGS -> fdFdstatSetFlags(c);
            case FD_FDSTAT_SET_RIGHTS -> fdFdstatSetRights(c);
            case FD_FILESTAT_GET -> fdFilestatGet(c);
            case FD_FILESTAT_SET_SIZE -> fdFilestatSetSize(c);
            case FD_FILESTAT_SET_TIMES -> fdFilestatSetTimes(c);
            case FD_PRESTAT_GET -> fdPrestatGet(c);
            case FD_PRESTAT_DIR_NAME -> fdPrestatDirName(c);
            default -> throw new IllegalArgumentException("no function " + id);
        };
    }

    private int fdClose(Call c) throws IOException {
        ctx.fds().close(c.i32(0));
        return 0;
    }

    private int fdRenumber(Call c) throws IOException {
        ctx.fds().renumber(c.i32(0), c.i32(1));
        return 0;
    }

    private int fdDatasync(Call c) throws IOException {
        Descriptor d = ctx.fds().get(c.i32(0));
        d.require(Rights.FD_DATASYNC);
        d.sync(false);
        return 0;
    }

    private int fdSync(Call c) throws IOException {
        Descriptor d = ctx.fds().get(c.i32(0));
        d.require(Rights.FD_SYNC);
        d.sync(true);
        return 0;
    }

    private int fdAdvise(Call c) throws IOException {
        RegularFileDescriptor f = file(ctx, c.i32(0), Rights.FD_ADVISE);
        if (c.i32(3) < 0 || c.i32(3) > Flags.ADVICE_MAX || c.i64(1) < 0 || c.i64(2) < 0) {
            return Errno.INVAL;
        }
        return f == null ? Errno.BADF : 0;
    }

    private int fdAllocate(Call c) throws IOException {
        RegularFileDescriptor f = file(ctx, c.i32(0), Rights.FD_ALLOCATE);
        long offset = c.i64(1);
        long len = c.i64(2);
        if (offset < 0 || len <= 0) {
            return Errno.INVAL;
        }
        if (offset + len < 0) {
            return Errno.FBIG;
        }
        if (f.channel().size() < offset + len) {
            f.setSize(offset + len);
        }
        return 0;
    }

    private int fdFdstatGet(Call c) throws IOException {
        Descriptor d = ctx.fds().get(c.i32(0));
        GuestMemory m = c.memory();
        long out = c.u32(1);
        m.check(out, Layout.FDSTAT_SIZE);
        m.fill(out, Layout.FDSTAT_SIZE, (byte) 0);
        m.writeU8(out + Layout.FDSTAT_FILETYPE, d.fileType());
        m.writeU16(out + Layout.FDSTAT_FLAGS, d.fdflags());
        m.writeI64(out + Layout.FDSTAT_RIGHTS_BASE, d.rightsBase());
        m.writeI64(out + Layout.FDSTAT_RIGHTS_INHERITING, d.rightsInheriting());
        return 0;
    }

    private int fdFdstatSetFlags(Call c) throws IOException {
        Descriptor d = ctx.fds().get(c.i32(0));
        int flags = c.i32(1);
        WasiContext.checkFlags(flags & 0xFFFF_FFFFL, Flags.FDFLAGS_ALL);
        d.require(Rights.FD_FDSTAT_SET_FLAGS);
        if (d instanceof RegularFileDescriptor f && f.readOnlyMount() && (flags & Flags.FDFLAGS_APPEND) != 0) {
            return Errno.ROFS;
        }
        d.setFdflags(flags);
        return 0;
    }

    private int fdFdstatSetRights(Call c) throws IOException {
        ctx.fds().get(c.i32(0)).restrictRights(c.i64(1), c.i64(2));
        return 0;
    }

    private int fdFilestatGet(Call c) throws IOException {
        Descriptor d = ctx.fds().get(c.i32(0));
        d.require(Rights.FD_FILESTAT_GET);
        c.memory().check(c.u32(1), Layout.FILESTAT_SIZE);
        d.filestat().writeTo(c.memory(), c.u32(1));
        return 0;
    }

    private int fdFilestatSetSize(Call c) throws IOException {
        Descriptor d = ctx.fds().get(c.i32(0));
        if (!(d instanceof RegularFileDescriptor f)) {
            return d instanceof DirectoryDescriptor ? Errno.ISDIR : Errno.INVAL;
        }
        if (f.readOnlyMount()) {
            return Errno.ROFS;
        }
        d.require(Rights.FD_FILESTAT_SET_SIZE);
        if (c.i64(1) < 0) {
            return Errno.FBIG;
        }
        f.setSize(c.i64(1));
        return 0;
    }

    private int fdFilestatSetTimes(Call c) throws IOException {
        Descriptor d = ctx.fds().get(c.i32(0));
        Path target;
        if (d instanceof RegularFileDescriptor f) {
            if (f.readOnlyMount()) {
                return Errno.ROFS;
            }
            target = f.path();
        } else if (d instanceof DirectoryDescriptor dir) {
            dir.requireWritable();
            target = PathResolver.resolveSelf(dir);
        } else {
            return Errno.NOTSUP;
        }
        d.require(Rights.FD_FILESTAT_SET_TIMES);
        // The path named no symlink when checked; never follow one planted there since.
        Times.set(target, c.i64(1), c.i64(2), c.i32(3), ctx.clock(), false);
        return 0;
    }

    private int fdPrestatGet(Call c) throws IOException {
        byte[] name = preopenName(ctx, c.i32(0));
        GuestMemory m = c.memory();
        long out = c.u32(1);
        m.check(out, Layout.PRESTAT_SIZE);
        m.fill(out, Layout.PRESTAT_SIZE, (byte) 0);
        m.writeU8(out + Layout.PRESTAT_TAG, Flags.PREOPENTYPE_DIR);
        m.writeI32(out + Layout.PRESTAT_NAME_LEN, name.length);
        return 0;
    }

    private int fdPrestatDirName(Call c) throws IOException {
        byte[] name = preopenName(ctx, c.i32(0));
        if (c.u32(2) < name.length) {
            return Errno.NAMETOOLONG;
        }
        c.memory().write(c.u32(1), name);
        return 0;
    }

    /** The guest name of preopen {@code fd}; EBADF for anything else, which ends wasi-libc's preopen scan. */
    private static byte[] preopenName(WasiContext ctx, int fd) {
        Descriptor d = ctx.fds().get(fd);
        if (!(d instanceof DirectoryDescriptor dir) || !dir.isPreopen()) {
            throw new WasiErrnoException(Errno.BADF);
        }
        return dir.preopen().guestPath().getBytes(StandardCharsets.UTF_8);
    }

    /** The regular file {@code fd}: EBADF if absent, ESPIPE for streams, EISDIR for directories. */
    private static RegularFileDescriptor file(WasiContext ctx, int fd, long rights) {
        Descriptor d = ctx.fds().get(fd);
        if (d instanceof RegularFileDescriptor f) {
            d.require(rights);
            return f;
        }
        throw new WasiErrnoException(d instanceof DirectoryDescriptor ? Errno.ISDIR : Errno.SPIPE);
    }
}
