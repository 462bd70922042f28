package dev.jwasm.wasi.impl;

import dev.jwasm.wasi.WasiClock;
import dev.jwasm.wasi.abi.Errno;
import dev.jwasm.wasi.abi.Flags;
import dev.jwasm.wasi.abi.WasiErrnoException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

/** Applies {@code fstflags} timestamp changes to a host file. */
final class Times {
    private Times() {
    }

    static void set(Path path, long atim, long mtim, int fstFlags, WasiClock clock, boolean follow)
            throws IOException {
        WasiContext.checkFlags(fstFlags, Flags.FST_ATIM | Flags.FST_ATIM_NOW | Flags.FST_MTIM | Flags.FST_MTIM_NOW);
        if (both(fstFlags, Flags.FST_ATIM | Flags.FST_ATIM_NOW) || both(fstFlags, Flags.FST_MTIM | Flags.FST_MTIM_NOW)) {
            throw new WasiErrnoException(Errno.INVAL);
        }
        long now = clock.realtimeNanos();
        FileTime access = pick(fstFlags, Flags.FST_ATIM, Flags.FST_ATIM_NOW, atim, now);
        FileTime modified = pick(fstFlags, Flags.FST_MTIM, Flags.FST_MTIM_NOW, mtim, now);
        if (access == null && modified == null) {
            return;
        }
        LinkOption[] options = follow ? new LinkOption[0] : new LinkOption[] {LinkOption.NOFOLLOW_LINKS};
        BasicFileAttributeView view = Files.getFileAttributeView(path, BasicFileAttributeView.class, options);
        if (view == null) {
            throw new WasiErrnoException(Errno.NOTSUP);
        }
        view.setTimes(modified, access, null);
    }

    private static boolean both(int flags, int mask) {
        return (flags & mask) == mask;
    }

    private static FileTime pick(int flags, int explicit, int nowFlag, long value, long now) {
        if ((flags & explicit) != 0) {
            return fromNanos(value);
        }
        if ((flags & nowFlag) != 0) {
            return fromNanos(now);
        }
        return null;
    }

    private static FileTime fromNanos(long nanos) {
        return FileTime.from(Instant.ofEpochSecond(Long.divideUnsigned(nanos, 1_000_000_000L),
                Long.remainderUnsigned(nanos, 1_000_000_000L)));
    }
}
