package dev.jwasm.wasi.fs;

import java.io.IOException;
import java.io.OutputStream;

/** Standard output or error into a Java {@link OutputStream}, flushed after every write. */
public final class OutputStreamDescriptor extends StreamDescriptor {
    private final OutputStream out;

    public OutputStreamDescriptor(OutputStream out, int fileType, long rights) {
        super(fileType, rights);
        this.out = out;
    }

    @Override
    public int write(byte[] buf, int off, int len) throws IOException {
        out.write(buf, off, len);
        out.flush();
        return len;
    }

    @Override
    public long readyToRead() {
        return -1;
    }

    @Override
    public void sync(boolean metadata) throws IOException {
        out.flush();
    }
}
