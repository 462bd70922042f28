package dev.jwasm.wasi.fs;

import dev.jwasm.wasi.abi.Errno;
import dev.jwasm.wasi.abi.WasiErrnoException;
import java.io.IOException;
import java.nio.channels.SelectableChannel;

/**
 * An open WASI file descriptor: its type, rights and fdflags, and the I/O it supports. Operations a kind of
 * descriptor does not support fail with the errno POSIX gives for them (EBADF, ESPIPE, EISDIR...).
 */
public abstract class Descriptor {
    private long rightsBase;
    private long rightsInheriting;
    private int fdflags;

    protected Descriptor(long rightsBase, long rightsInheriting, int fdflags) {
        this.rightsBase = rightsBase;
        this.rightsInheriting = rightsInheriting;
        this.fdflags = fdflags;
    }

    /** The {@code filetype} reported by fdstat and filestat. */
    public abstract int fileType();

    public long rightsBase() {
        return rightsBase;
    }

    public long rightsInheriting() {
        return rightsInheriting;
    }

    public int fdflags() {
        return fdflags;
    }

    public void setFdflags(int fdflags) {
        this.fdflags = fdflags;
    }

    public boolean isNonBlocking() {
        return (fdflags & dev.jwasm.wasi.abi.Flags.FDFLAGS_NONBLOCK) != 0;
    }

    /** Narrows the rights; widening fails with ENOTCAPABLE (rights can only ever be dropped). */
    public void restrictRights(long base, long inheriting) {
        if ((base & ~rightsBase) != 0 || (inheriting & ~rightsInheriting) != 0) {
            throw new WasiErrnoException(Errno.NOTCAPABLE);
        }
        rightsBase = base;
        rightsInheriting = inheriting;
    }

    /** Fails with ENOTCAPABLE unless this descriptor holds every right in {@code rights}. */
    public void require(long rights) {
        if ((rightsBase & rights) != rights) {
            throw new WasiErrnoException(Errno.NOTCAPABLE);
        }
    }

    /**
     * True for pipes, terminals and sockets: a read returns what is available rather than filling every
     * buffer, so scatter reads stop after the first non-empty one instead of blocking again.
     */
    public boolean isStream() {
        return false;
    }

    /** Reads up to {@code len} bytes at the current position; 0 means end of file. */
    public int read(byte[] buf, int off, int len) throws IOException {
        throw new WasiErrnoException(Errno.BADF);
    }

    /** Writes up to {@code len} bytes; returns how many were written. */
    public int write(byte[] buf, int off, int len) throws IOException {
        throw new WasiErrnoException(Errno.BADF);
    }

    public int pread(byte[] buf, int off, int len, long position) throws IOException {
        throw new WasiErrnoException(Errno.SPIPE);
    }

    public int pwrite(byte[] buf, int off, int len, long position) throws IOException {
        throw new WasiErrnoException(Errno.SPIPE);
    }

    /** Moves the offset; returns the new offset. */
    public long seek(long offset, int whence) throws IOException {
        throw new WasiErrnoException(Errno.SPIPE);
    }

    public Filestat filestat() throws IOException {
        return Filestat.ofType(fileType());
    }

    public void sync(boolean metadata) throws IOException {
        // Nothing is buffered for most descriptors.
    }

    /** Bytes ready to read without blocking (0 at end of file), or -1 when a read would block. */
    public long readyToRead() throws IOException {
        return 0;
    }

    /** Whether a write would not block. */
    public boolean readyToWrite() {
        return true;
    }

    /** The channel for poll_oneoff to select on, or null if readiness is answered by {@link #readyToRead}. */
    public SelectableChannel selectableChannel() {
        return null;
    }

    public void close() throws IOException {
    }
}
