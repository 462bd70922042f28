package dev.jwasm.wasi.fs;

import java.io.IOException;
import java.io.OutputStream;

/** Standard output or error into a Java {@link OutputStream}, flushed after every write. */
public final class OutputStreamDescriptor extends Descriptor {
    private final OutputStream out;
    private final int fileType;

    public OutputStreamDescriptor(OutputStream out, int fileType, long rights) {
        super(rights, 0, 0);
        this.out = out;
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
