package dev.jwasm.wasi.net;

import dev.jwasm.wasi.abi.Errno;
import dev.jwasm.wasi.abi.FileType;
import dev.jwasm.wasi.abi.Rights;
import dev.jwasm.wasi.abi.WasiErrnoException;
import dev.jwasm.wasi.fs.Descriptor;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;

/** A preopened TCP listening socket: the guest can only accept connections on it. */
public final class ListenerDescriptor extends Descriptor {
    private final ServerSocketChannel channel;

    private ListenerDescriptor(ServerSocketChannel channel) {
        super(Rights.LISTENER, Rights.SOCKET, 0);
        this.channel = channel;
    }

    /** Binds {@code host:port} (port 0 picks a free port). */
    public static ListenerDescriptor bind(String host, int port) throws IOException {
        ServerSocketChannel ch = ServerSocketChannel.open();
        try {
            ch.bind(new InetSocketAddress(host, port));
            ch.configureBlocking(false);
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
        return new ListenerDescriptor(ch);
    }

    public InetSocketAddress localAddress() throws IOException {
        return (InetSocketAddress) channel.getLocalAddress();
    }

    @Override
    public int fileType() {
        return FileType.SOCKET_STREAM;
    }

    /** Accepts one connection, waiting for it unless this listener is non-blocking (then EAGAIN). */
    public SocketChannel accept() throws IOException {
        while (true) {
            SocketChannel c = channel.accept();
            if (c != null) {
                return c;
            }
            if (isNonBlocking()) {
                throw new WasiErrnoException(Errno.AGAIN);
            }
            Readiness.await(channel, SelectionKey.OP_ACCEPT);
        }
    }

    @Override
    public int read(byte[] buf, int off, int len) {
        throw new WasiErrnoException(Errno.NOTCONN);
    }

    @Override
    public int write(byte[] buf, int off, int len) {
        throw new WasiErrnoException(Errno.NOTCONN);
    }

    @Override
    public long readyToRead() {
        return -1;
    }

    @Override
    public boolean readyToWrite() {
        return false;
    }

    @Override
    public SelectableChannel selectableChannel() {
        return channel;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
