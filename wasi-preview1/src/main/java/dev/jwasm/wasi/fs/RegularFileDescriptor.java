package dev.jwasm.wasi.fs;

import dev.jwasm.wasi.abi.Errno;
import dev.jwasm.wasi.abi.FileType;
import dev.jwasm.wasi.abi.Flags;
import dev.jwasm.wasi.abi.WasiErrnoException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** An open regular file, backed by a {@link SeekableByteChannel} of any {@link java.nio.file.FileSystem}. */
public final class RegularFileDescriptor extends Descriptor {
    private final SeekableByteChannel channel;
    private final Path path;
    private final boolean readOnlyMount;

    public RegularFileDescriptor(SeekableByteChannel channel, Path path, boolean readOnlyMount, long base,
            long inheriting, int fdflags) {
        super(base, inheriting, fdflags);
        this.channel = channel;
        this.path = path;
        this.readOnlyMount = readOnlyMount;
    }

    @Override
    public int fileType() {
        return FileType.REGULAR_FILE;
    }

    public Path path() {
        return path;
    }

    public boolean readOnlyMount() {
        return readOnlyMount;
    }

    public SeekableByteChannel channel() {
        return channel;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
        int n = channel.read(ByteBuffer.wrap(buf, off, len));
        return Math.max(n, 0);
    }

    @Override
    public int write(byte[] buf, int off, int len) throws IOException {
        if ((fdflags() & Flags.FDFLAGS_APPEND) != 0) {
            channel.position(channel.size());
        }
        return channel.write(ByteBuffer.wrap(buf, off, len));
    }

    @Override
    public int pread(byte[] buf, int off, int len, long position) throws IOException {
        if (channel instanceof FileChannel fc) {
            return Math.max(fc.read(ByteBuffer.wrap(buf, off, len), position), 0);
        }
        long saved = channel.position();
        try {
            channel.position(position);
            return Math.max(channel.read(ByteBuffer.wrap(buf, off, len)), 0);
        } finally {
            channel.position(saved);
        }
    }

    @Override
    public int pwrite(byte[] buf, int off, int len, long position) throws IOException {
        if (channel instanceof FileChannel fc) {
            return fc.write(ByteBuffer.wrap(buf, off, len), position);
        }
        long saved = channel.position();
        try {
            channel.position(position);
            return channel.write(ByteBuffer.wrap(buf, off, len));
        } finally {
            channel.position(saved);
        }
    }

    @Override
    public long seek(long offset, int whence) throws IOException {
        long base = switch (whence) {
            case Flags.WHENCE_SET -> 0;
            case Flags.WHENCE_CUR -> channel.position();
            case Flags.WHENCE_END -> channel.size();
            default -> throw new WasiErrnoException(Errno.INVAL);
        };
        long target = base + offset;
        if (target < 0 || (offset > 0 && target < base)) {
            throw new WasiErrnoException(Errno.INVAL);
        }
        channel.position(target);
        return target;
    }

    public long position() throws IOException {
        return channel.position();
    }

    /** Truncates or zero-extends the file to {@code size} bytes, keeping the position. */
    public void setSize(long size) throws IOException {
        long current = channel.size();
        if (size < current) {
            long pos = channel.position();
            channel.truncate(size);
            channel.position(pos);
        } else if (size > current) {
            pwrite(new byte[1], 0, 1, size - 1);
        }
    }

    @Override
    public Filestat filestat() throws IOException {
        try {
            Filestat s = FileStats.stat(path);
            return new Filestat(s.dev(), s.ino(), FileType.REGULAR_FILE, s.nlink(), channel.size(), s.atim(),
                    s.mtim(), s.ctim());
        } catch (NoSuchFileException e) {
            // Unlinked while open: the data is still there.
            return new Filestat(0, 0, FileType.REGULAR_FILE, 0, channel.size(), 0, 0, 0);
        }
    }

    @Override
    public void sync(boolean metadata) throws IOException {
        if (channel instanceof FileChannel fc) {
            fc.force(metadata);
        }
    }

    @Override
    public long readyToRead() throws IOException {
        return Math.max(0, channel.size() - channel.position());
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
