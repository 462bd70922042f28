package dev.jwasm.wasi.impl;

import dev.jwasm.wasi.abi.Errno;
import dev.jwasm.wasi.abi.Flags;
import dev.jwasm.wasi.abi.Rights;
import dev.jwasm.wasi.abi.WasiErrnoException;
import dev.jwasm.wasi.fs.Descriptor;
import dev.jwasm.wasi.fs.RegularFileDescriptor;
import java.io.IOException;

/** {@code fd_read}, {@code fd_write}, {@code fd_pread}, {@code fd_pwrite}, {@code fd_seek}, {@code fd_tell}. */
public final class FdIoFunctions implements FunctionRegistry.Group {
    private static final int FD_READ = 0;
    private static final int FD_PREAD = 1;
    private static final int FD_WRITE = 2;
    private static final int FD_PWRITE = 3;
    private static final int FD_SEEK = 4;
    private static final int FD_TELL = 5;

    private final WasiContext ctx;

    private FdIoFunctions(WasiContext ctx) {
        this.ctx = ctx;
    }

    public static void register(FunctionRegistry r, WasiContext ctx) {
        FdIoFunctions functions = new FdIoFunctions(ctx);
        r.add("fd_read", "iiii", functions, FD_READ);
        r.add("fd_pread", "iiiIi", functions, FD_PREAD);
        r.add("fd_write", "iiii", functions, FD_WRITE);
        r.add("fd_pwrite", "iiiIi", functions, FD_PWRITE);
        r.add("fd_seek", "iIii", functions, FD_SEEK);
        r.add("fd_tell", "ii", functions, FD_TELL);
    }

    @Override
    public int call(int id, Call c) throws IOException {
        return switch (id) {
            case FD_READ -> fdRead(c);
            case FD_PREAD -> fdPread(c);
            case FD_WRITE -> fdWrite(c);
            case FD_PWRITE -> fdPwrite(c);
            case FD_SEEK -> fdSeek(c);
            case FD_TELL -> fdTell(c);
            default -> throw new IllegalArgumentException("no function " + id);
        };
    }

    private int fdRead(Call c) throws IOException {
        Descriptor d = ctx.fds().get(c.i32(0));
        d.require(Rights.FD_READ);
        long[][] iovs = c.memory().iovecs(c.u32(1), c.u32(2));
        c.memory().check(c.u32(3), 4);
        long n = IoVectors.read(c.memory(), iovs, d);
        c.memory().writeI32(c.u32(3), (int) n);
        return 0;
    }

    private int fdPread(Call c) throws IOException {
        Descriptor d = ctx.fds().get(c.i32(0));
        d.require(Rights.FD_READ | Rights.FD_SEEK);
        long offset = nonNegative(c.i64(3));
        long[][] iovs = c.memory().iovecs(c.u32(1), c.u32(2));
        c.memory().check(c.u32(4), 4);
        long n = IoVectors.read(c.memory(), iovs, d, (buf, len, done) -> d.pread(buf, 0, len, offset + done));
        c.memory().writeI32(c.u32(4), (int) n);
        return 0;
    }

    private int fdWrite(Call c) throws IOException {
        Descriptor d = ctx.fds().get(c.i32(0));
        d.require(Rights.FD_WRITE);
        long[][] iovs = c.memory().iovecs(c.u32(1), c.u32(2));
        c.memory().check(c.u32(3), 4);
        long n = IoVectors.write(c.memory(), iovs, d);
        c.memory().writeI32(c.u32(3), (int) n);
        return 0;
    }

    private int fdPwrite(Call c) throws IOException {
        Descriptor d = ctx.fds().get(c.i32(0));
        d.require(Rights.FD_WRITE | Rights.FD_SEEK);
        long offset = nonNegative(c.i64(3));
        long[][] iovs = c.memory().iovecs(c.u32(1), c.u32(2));
        c.memory().check(c.u32(4), 4);
        long n = IoVectors.write(c.memory(), iovs, d, (buf, len, done) -> d.pwrite(buf, 0, len, offset + done));
        c.memory().writeI32(c.u32(4), (int) n);
        return 0;
    }

    private int fdSeek(Call c) throws IOException {
        Descriptor d = ctx.fds().get(c.i32(0));
        long offset = c.i64(1);
        int whence = c.i32(2);
        if (whence < Flags.WHENCE_SET || whence > Flags.WHENCE_END) {
            return Errno.INVAL;
        }
        // Asking for the position only needs fd_tell, as in the witx rights.
        d.require(whence == Flags.WHENCE_CUR && offset == 0 ? Rights.FD_TELL : Rights.FD_SEEK);
        c.memory().check(c.u32(3), 8);
        c.memory().writeI64(c.u32(3), d.seek(offset, whence));
        return 0;
    }

    private int fdTell(Call c) throws IOException {
        Descriptor d = ctx.fds().get(c.i32(0));
        d.require(Rights.FD_TELL);
        if (!(d instanceof RegularFileDescriptor f)) {
            return Errno.SPIPE;
        }
        c.memory().check(c.u32(1), 8);
        c.memory().writeI64(c.u32(1), f.position());
        return 0;
    }

    private static long nonNegative(long offset) {
        if (offset < 0) {
            throw new WasiErrnoException(Errno.INVAL);
        }
        return offset;
    }
}
