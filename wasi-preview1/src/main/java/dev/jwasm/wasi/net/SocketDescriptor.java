package dev.jwasm.wasi.net;

import dev.jwasm.wasi.abi.Errno;
import dev.jwasm.wasi.abi.FileType;
import dev.jwasm.wasi.abi.Flags;
import dev.jwasm.wasi.abi.Rights;
import dev.jwasm.wasi.abi.WasiErrnoException;
import dev.jwasm.wasi.fs.Descriptor;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.NotYetConnectedException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;

/**
 * A connected TCP stream from {@code sock_accept}. The channel always runs non-blocking; blocking mode (no
 * NONBLOCK fdflag) is emulated by waiting on a selector, so both modes share one code path. Bytes looked at
 * with {@code RECV_PEEK} or by poll_oneoff are kept in a small buffer and returned by the next read.
 */
public final class SocketDescriptor extends Descriptor {
    private final SocketChannel channel;
    private final ByteBuffer peeked = ByteBuffer.allocate(64 * 1024).flip();
    private boolean eof;

    public SocketDescriptor(SocketChannel channel, int fdflags) throws IOException {
        super(Rights.SOCKET, 0, fdflags);
        channel.configureBlocking(false);
        this.channel = channel;
    }

    @Override
    public int fileType() {
        return FileType.SOCKET_STREAM;
    }

    @Override
    public boolean isStream() {
        return true;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
        return receive(buf, off, len, false);
    }

    /** Reads (or with {@code peek}, copies without consuming) up to {@code len} bytes; 0 at end of stream. */
    public int receive(byte[] buf, int off, int len, boolean peek) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (!peeked.hasRemaining() && !eof) {
            fill(!isNonBlocking());
        }
        if (!peeked.hasRemaining()) {
            if (eof) {
                return 0;
            }
            throw new WasiErrnoException(Errno.AGAIN);
        }
        int n = Math.min(len, peeked.remaining());
        if (peek) {
            peeked.duplicate().get(buf, off, n);
        } else {
            peeked.get(buf, off, n);
        }
        return n;
    }

    /** Moves whatever the socket has into the peek buffer; with {@code block}, waits for at least a byte. */
    private void fill(boolean block) throws IOException {
        peeked.compact();
        try {
            while (true) {
                int n;
                try {
                    n = channel.read(peeked);
                } catch (NotYetConnectedException e) {
                    throw new WasiErrnoException(Errno.NOTCONN);
                }
                if (n < 0) {
                    eof = true;
                    return;
                }
                if (n > 0 || !block) {
                    return;
                }
                Readiness.await(channel, SelectionKey.OP_READ);
            }
        } finally {
            peeked.flip();
        }
    }

    @Override
    public int write(byte[] buf, int off, int len) throws IOException {
        ByteBuffer src = ByteBuffer.wrap(buf, off, len);
        while (true) {
            channel.write(src);
            if (!src.hasRemaining()) {
                return len;
            }
            if (isNonBlocking()) {
                if (src.position() == off) {
                    throw new WasiErrnoException(Errno.AGAIN);
                }
                return src.position() - off;
            }
            Readiness.await(channel, SelectionKey.OP_WRITE);
        }
    }

    /** Bytes known to be readable without blocking, or -1 if poll_oneoff must ask the selector. */
    @Override
    public long readyToRead() throws IOException {
        if (peeked.hasRemaining()) {
            return peeked.remaining();
        }
        return eof ? 0 : -1;
    }

    /** Called by poll_oneoff once the selector reports the socket readable: learn how much (or EOF). */
    public long probe() throws IOException {
        if (!peeked.hasRemaining() && !eof) {
            fill(false);
        }
        return peeked.remaining();
    }

    public boolean atEof() {
        return eof && !peeked.hasRemaining();
    }

    @Override
    public boolean readyToWrite() {
        return false;
    }

    @Override
    public SelectableChannel selectableChannel() {
        return channel;
    }

    /** shutdown(2): {@code how} is a non-empty subset of SHUT_RD | SHUT_WR. */
    public void shutdown(int how) throws IOException {
        if (how == 0 || (how & ~(Flags.SHUT_RD | Flags.SHUT_WR)) != 0) {
            throw new WasiErrnoException(Errno.INVAL);
        }
        if (!channel.isConnected()) {
            throw new WasiErrnoException(Errno.NOTCONN);
        }
        if ((how & Flags.SHUT_RD) != 0) {
            channel.shutdownInput();
        }
        if ((how & Flags.SHUT_WR) != 0) {
            channel.shutdownOutput();
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
