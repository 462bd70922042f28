package dev.jwasm.wasi.impl;

import dev.jwasm.wasi.abi.GuestMemory;
import dev.jwasm.wasi.abi.WasiErrnoException;
import dev.jwasm.wasi.fs.Descriptor;
import java.io.IOException;

/**
 * Scatter/gather I/O between guest iovecs and a descriptor through a bounded scratch buffer, so a huge
 * iovec never turns into a huge host allocation. Stops at the first short transfer; for streams after the
 * first transfer, so a read never blocks again once it has data. An error after some bytes moved reports
 * those bytes instead, as POSIX does.
 */
final class IoVectors {
    private static final int CHUNK = 64 * 1024;
    private static final long MAX_TOTAL = Integer.MAX_VALUE;

    /** One transfer of {@code len} bytes at scratch[0..], at byte {@code done} of the whole call. */
    @FunctionalInterface
    interface Transfer {
        int apply(byte[] scratch, int len, long done) throws IOException;
    }

    /**
     * A transfer at the descriptor's own position (fd_read, fd_write). A plain class rather than a lambda: nearly
     * every guest calls these, and each lambda costs its first caller a class spun at run time.
     */
    private static final class AtPosition implements Transfer {
        private final Descriptor d;
        private final boolean write;

        AtPosition(Descriptor d, boolean write) {
            this.d = d;
            this.write = write;
        }

        @Override
        public int apply(byte[] scratch, int len, long done) throws IOException {
            return write ? d.write(scratch, 0, len) : d.read(scratch, 0, len);
        }
    }

    private IoVectors() {
    }

    /** Reads into the iovecs from {@code d} at its position. */
    static long read(GuestMemory m, long[][] iovs, Descriptor d) throws IOException {
        return read(m, iovs, d, new AtPosition(d, false));
    }

    /** Writes the iovecs to {@code d} at its position. */
    static long write(GuestMemory m, long[][] iovs, Descriptor d) throws IOException {
        return write(m, iovs, d, new AtPosition(d, true));
    }

    static long read(GuestMemory m, long[][] iovs, Descriptor d, Transfer transfer) throws IOException {
        byte[] scratch = new byte[(int) Math.min(CHUNK, Math.max(1, total(iovs)))];
        long done = 0;
        try {
            for (long[] iov : iovs) {
                long addr = iov[0];
                long left = iov[1];
                while (left > 0 && done < MAX_TOTAL) {
                    int want = (int) Math.min(Math.min(left, scratch.length), MAX_TOTAL - done);
                    int n = transfer.apply(scratch, want, done);
                    m.write(addr, scratch, 0, n);
                    done += n;
                    addr += n;
                    left -= n;
                    if (n < want || d.isStream()) {
                        return done;
                    }
                }
            }
        } catch (IOException | WasiErrnoException e) {
            if (done == 0) {
                throw e;
            }
        }
        return done;
    }

    static long write(GuestMemory m, long[][] iovs, Descriptor d, Transfer transfer) throws IOException {
        byte[] scratch = new byte[(int) Math.min(CHUNK, Math.max(1, total(iovs)))];
        long done = 0;
        try {
            for (long[] iov : iovs) {
                long addr = iov[0];
                long left = iov[1];
                while (left > 0 && done < MAX_TOTAL) {
                    int want = (int) Math.min(Math.min(left, scratch.length), MAX_TOTAL - done);
                    m.read(addr, scratch, 0, want);
                    int n = transfer.apply(scratch, want, done);
                    done += n;
                    addr += n;
                    left -= n;
                    if (n < want) {
                        return done;
                    }
                }
            }
        } catch (IOException | WasiErrnoException e) {
            if (done == 0) {
                throw e;
            }
        }
        return done;
    }

    private static long total(long[][] iovs) {
        long t = 0;
        for (long[] iov : iovs) {
            t += iov[1];
        }
        return t;
    }
}
