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
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** The descriptor-level {@code fd_*} functions other than data transfer and readdir. */
public final class FdFunctions {
    private FdFunctions() {
    }

    public static void register(FunctionRegistry r, WasiContext ctx) {
        r.add("fd_close", "i", c -> {
            ctx.fds().close(c.i32(0));
            return 0;
        });
        r.add("fd_renumber", "ii", c -> {
            ctx.fds().renumber(c.i32(0), c.i32(1));
            return 0;
        });
        r.add("fd_datasync", "i", c -> {
            Descriptor d = ctx.fds().get(c.i32(0));
            d.require(Rights.FD_DATASYNC);
            d.sync(false);
            return 0;
        });
        r.add("fd_sync", "i", c -> {
            Descriptor d = ctx.fds().get(c.i32(0));
            d.require(Rights.FD_SYNC);
            d.sync(true);
            return 0;
        });
        r.add("fd_advise", "iIIi", c -> {
            RegularFileDescriptor f = file(ctx, c.i32(0), Rights.FD_ADVISE);
            if (c.i32(3) < 0 || c.i32(3) > Flags.ADVICE_MAX || c.i64(1) < 0 || c.i64(2) < 0) {
                return Errno.INVAL;
            }
            return f == null ? Errno.BADF : 0;
        });
        r.add("fd_allocate", "iII", c -> {
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
        });
        registerFdstat(r, ctx);
        registerFilestat(r, ctx);
        registerPrestat(r, ctx);
    }

    private static void registerFdstat(FunctionRegistry r, WasiContext ctx) {
        r.add("fd_fdstat_get", "ii", c -> {
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
        });
        r.add("fd_fdstat_set_flags", "ii", c -> {
            Descriptor d = ctx.fds().get(c.i32(0));
            int flags = c.i32(1);
            WasiContext.checkFlags(flags & 0xFFFF_FFFFL, Flags.FDFLAGS_ALL);
            d.require(Rights.FD_FDSTAT_SET_FLAGS);
            if (d instanceof RegularFileDescriptor f && f.readOnlyMount() && (flags & Flags.FDFLAGS_APPEND) != 0) {
                return Errno.ROFS;
            }
            d.setFdflags(flags);
            return 0;
        });
        r.add("fd_fdstat_set_rights", "iII", c -> {
            ctx.fds().get(c.i32(0)).restrictRights(c.i64(1), c.i64(2));
            return 0;
        });
    }

    private static void registerFilestat(FunctionRegistry r, WasiContext ctx) {
        r.add("fd_filestat_get", "ii", c -> {
            Descriptor d = ctx.fds().get(c.i32(0));
            d.require(Rights.FD_FILESTAT_GET);
            c.memory().check(c.u32(1), Layout.FILESTAT_SIZE);
            d.filestat().writeTo(c.memory(), c.u32(1));
            return 0;
        });
        r.add("fd_filestat_set_size", "iI", c -> {
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
        });
        r.add("fd_filestat_set_times", "iIIi", c -> {
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
        });
    }

    private static void registerPrestat(FunctionRegistry r, WasiContext ctx) {
        r.add("fd_prestat_get", "ii", c -> {
            byte[] name = preopenName(ctx, c.i32(0));
            GuestMemory m = c.memory();
            long out = c.u32(1);
            m.check(out, Layout.PRESTAT_SIZE);
            m.fill(out, Layout.PRESTAT_SIZE, (byte) 0);
            m.writeU8(out + Layout.PRESTAT_TAG, Flags.PREOPENTYPE_DIR);
            m.writeI32(out + Layout.PRESTAT_NAME_LEN, name.length);
            return 0;
        });
        r.add("fd_prestat_dir_name", "iii", c -> {
            byte[] name = preopenName(ctx, c.i32(0));
            if (c.u32(2) < name.length) {
                return Errno.NAMETOOLONG;
            }
            c.memory().write(c.u32(1), name);
            return 0;
        });
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
