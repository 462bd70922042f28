package dev.jwasm.wasi.impl;

import dev.jwasm.wasi.WasiClock;
import dev.jwasm.wasi.WasiConfig;
import dev.jwasm.wasi.abi.Errno;
import dev.jwasm.wasi.abi.WasiErrnoException;
import dev.jwasm.wasi.fs.DirectoryDescriptor;
import dev.jwasm.wasi.fs.FdTable;
import java.util.Random;

/** The state shared by all WASI functions of one guest: configuration and descriptor table. */
public final class WasiContext {
    private final WasiConfig config;
    private final FdTable fds;

    public WasiContext(WasiConfig config, FdTable fds) {
        this.config = config;
        this.fds = fds;
    }

    public WasiConfig config() {
        return config;
    }

    public FdTable fds() {
        return fds;
    }

    public WasiClock clock() {
        return config.clock();
    }

    public Random random() {
        return config.random();
    }

    /** The directory descriptor {@code fd}, which must hold {@code rights}. */
    public DirectoryDescriptor directory(int fd, long rights) {
        DirectoryDescriptor dir = fds.get(fd, DirectoryDescriptor.class, Errno.NOTDIR);
        dir.require(rights);
        return dir;
    }

    /** Fails with EINVAL if {@code value} has bits outside {@code allowed}. */
    public static void checkFlags(long value, long allowed) {
        if ((value & ~allowed) != 0) {
            throw new WasiErrnoException(Errno.INVAL);
        }
    }
}
