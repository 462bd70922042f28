package dev.jwasm.wasi.fs;

import dev.jwasm.wasi.abi.Errno;
import dev.jwasm.wasi.abi.FileType;
import dev.jwasm.wasi.abi.WasiErrnoException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A directory inside a preopen: the preopen itself ({@link #isPreopen()}) or one opened below it. It is
 * remembered as components below the preopen root rather than as a host handle, so every use re-walks
 * them with the sandbox checks of {@link PathResolver}.
 */
public final class DirectoryDescriptor extends Descriptor {
    private final Preopen preopen;
    private final List<String> components;
    private final boolean isPreopen;
    private List<DirectoryListing.Entry> listing;

    public DirectoryDescriptor(Preopen preopen, List<String> components, boolean isPreopen, long base,
            long inheriting, int fdflags) {
        super(base, inheriting, fdflags);
        this.preopen = preopen;
        this.components = List.copyOf(components);
        this.isPreopen = isPreopen;
    }

    @Override
    public int fileType() {
        return FileType.DIRECTORY;
    }

    public Preopen preopen() {
        return preopen;
    }

    /** Components below the preopen root, already free of {@code .}, {@code ..} and symlinks when opened. */
    public List<String> components() {
        return components;
    }

    public boolean isPreopen() {
        return isPreopen;
    }

    public boolean readOnly() {
        return preopen.readOnly();
    }

    /** The host path this descriptor named when it was opened (not re-checked: use PathResolver for that). */
    public Path hostPath() {
        return PathResolver.toHost(preopen.hostRoot(), components);
    }

    /** Fails with EROFS on a read-only mount. */
    public void requireWritable() {
        if (preopen.readOnly()) {
            throw new WasiErrnoException(Errno.ROFS);
        }
    }

    @Override
    public int read(byte[] buf, int off, int len) {
        throw new WasiErrnoException(Errno.ISDIR);
    }

    @Override
    public int write(byte[] buf, int off, int len) {
        throw new WasiErrnoException(Errno.ISDIR);
    }

    @Override
    public int pread(byte[] buf, int off, int len, long position) {
        throw new WasiErrnoException(Errno.ISDIR);
    }

    @Override
    public int pwrite(byte[] buf, int off, int len, long position) {
        throw new WasiErrnoException(Errno.ISDIR);
    }

    @Override
    public Filestat filestat() throws IOException {
        return FileStats.stat(PathResolver.resolveSelf(this));
    }

    /**
     * The entries for fd_readdir. Listed afresh when a reader starts over (cookie 0) and kept otherwise, so
     * cookies stay valid across calls while a large directory is read in pieces.
     */
    public List<DirectoryListing.Entry> listing(long cookie) throws IOException {
        if (listing == null || cookie == 0) {
            listing = DirectoryListing.list(this);
        }
        return listing;
    }
}
