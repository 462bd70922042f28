package dev.jwasm.wasi.fs;

import dev.jwasm.wasi.abi.Errno;
import dev.jwasm.wasi.abi.WasiErrnoException;
import java.io.IOException;
import java.io.InputStream;

/**
 * Standard input from a Java {@link InputStream}. In non-blocking mode a read with nothing
 * {@linkplain InputStream#available() available} fails with EAGAIN.
 */
public final class InputStreamDescriptor extends Descriptor {
    private final InputStream in;
    private final int fileType;
    private int peeked = -2;

    public InputStreamDescriptor(InputStream in, int fileType, long rights) {
        super(rights, 0, 0);
        this.in = in;
        this.fileType = fileType;
    }

    @Override
    public int fileType() {
        return fileType;
    }

    @Override
    public boolean isStream() {
        return true;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (peeked == -1) {
            return 0;
        }
        if (peeked >= 0) {
            buf[off] = (byte) peeked;
            peeked = -2;
            if (len == 1 || in.available() <= 0) {
                return 1;
            }
            int n = in.read(buf, off + 1, Math.min(len - 1, in.available()));
            return 1 + Math.max(n, 0);
        }
        if (isNonBlocking() && in.available() <= 0) {
            throw new WasiErrnoException(Errno.AGAIN);
        }
        int n = in.read(buf, off, len);
        return Math.max(n, 0);
    }

    @Override
    public long readyToRead() throws IOException {
        if (peeked != -2) {
            return peeked == -1 ? 0 : 1;
        }
        int available = in.available();
        return available > 0 ? available : -1;
    }

    /** Blocks until a byte (or end of input) arrives, keeping it for the next read. Used by poll_oneoff. */
    public void awaitInput() throws IOException {
        if (peeked == -2) {
            peeked = in.read();
        }
    }
}
