package dev.jwasm.wasi.impl;

import dev.jwasm.wasi.abi.Errno;
import dev.jwasm.wasi.abi.Flags;
import dev.jwasm.wasi.abi.Rights;
import dev.jwasm.wasi.abi.WasiErrnoException;
import dev.jwasm.wasi.fs.Descriptor;
import dev.jwasm.wasi.net.ListenerDescriptor;
import dev.jwasm.wasi.net.SocketDescriptor;
import java.io.IOException;
import java.nio.channels.SocketChannel;

/**
 * {@code sock_accept}, {@code sock_recv}, {@code sock_send}, {@code sock_shutdown}. Only preopened listeners
 * and the connections they accept exist; there is no way to open any other socket.
 */
public final class SockFunctions implements FunctionRegistry.Group {
    private static final int SOCK_ACCEPT = 0;
    private static final int SOCK_RECV = 1;
    private static final int SOCK_SEND = 2;
    private static final int SOCK_SHUTDOWN = 3;

    private final WasiContext ctx;

    private SockFunctions(WasiContext ctx) {
        this.ctx = ctx;
    }

    public static void register(FunctionRegistry r, WasiContext ctx) {
        SockFunctions functions = new SockFunctions(ctx);
        r.add("sock_accept", "iii", functions, SOCK_ACCEPT);
        r.add("sock_recv", "iiiiii", functions, SOCK_RECV);
        r.add("sock_send", "iiiii", functions, SOCK_SEND);
        r.add("sock_shutdown", "ii", functions, SOCK_SHUTDOWN);
    }

    @Override
    public int call(int id, Call c) throws IOException {
        return switch (id) {
            case SOCK_ACCEPT -> sockAccept(c);
            case SOCK_RECV -> sockRecv(c);
            case SOCK_SEND -> sockSend(c);
            case SOCK_SHUTDOWN -> sockShutdown(c);
            default -> throw new IllegalArgumentException("no function " + id);
        };
    }

    private int sockAccept(Call c) throws IOException {
        ListenerDescriptor listener = ctx.fds().get(c.i32(0), ListenerDescriptor.class, Errno.NOTSOCK);
        listener.require(Rights.SOCK_ACCEPT);
        int flags = c.i32(1);
        WasiContext.checkFlags(flags & 0xFFFF_FFFFL, Flags.FDFLAGS_NONBLOCK);
        long out = c.u32(2);
        c.memory().check(out, 4);
        SocketChannel accepted = listener.accept();
        SocketDescriptor d;
        try {
            d = new SocketDescriptor(accepted, flags);
            c.memory().writeI32(out, ctx.fds().add(d));
        } catch (RuntimeException | java.io.IOException e) {
            accepted.close();
            throw e;
        }
        return 0;
    }

    private int sockRecv(Call c) throws IOException {
        SocketDescriptor s = socket(ctx, c.i32(0), Rights.FD_READ);
        int riflags = c.i32(3);
        WasiContext.checkFlags(riflags & 0xFFFF_FFFFL, Flags.RECV_PEEK | Flags.RECV_WAITALL);
        long[][] iovs = c.memory().iovecs(c.u32(1), c.u32(2));
        c.memory().check(c.u32(4), 4);
        c.memory().check(c.u32(5), 2);
        long n = receive(c, s, iovs, riflags);
        c.memory().writeI32(c.u32(4), (int) n);
        c.memory().writeU16(c.u32(5), 0);
        return 0;
    }

    private int sockSend(Call c) throws IOException {
        SocketDescriptor s = socket(ctx, c.i32(0), Rights.FD_WRITE);
        long[][] iovs = c.memory().iovecs(c.u32(1), c.u32(2));
        c.memory().check(c.u32(4), 4);
        long n = IoVectors.write(c.memory(), iovs, s, (buf, len, done) -> s.write(buf, 0, len));
        c.memory().writeI32(c.u32(4), (int) n);
        return 0;
    }

    private int sockShutdown(Call c) throws IOException {
        SocketDescriptor s = socket(ctx, c.i32(0), Rights.SOCK_SHUTDOWN);
        s.shutdown(c.i32(1));
        return 0;
    }

    private static long receive(Call c, SocketDescriptor s, long[][] iovs, int riflags) throws java.io.IOException {
        boolean peek = (riflags & Flags.RECV_PEEK) != 0;
        if ((riflags & Flags.RECV_WAITALL) == 0 || peek) {
            return IoVectors.read(c.memory(), iovs, s, (buf, len, done) -> s.receive(buf, 0, len, peek));
        }
        // MSG_WAITALL: keep reading until every buffer is full or the peer closes.
        long total = 0;
        for (long[] iov : iovs) {
            long filled = 0;
            while (filled < iov[1]) {
                long[][] rest = {{iov[0] + filled, iov[1] - filled}};
                long n = IoVectors.read(c.memory(), rest, s, (buf, len, done) -> s.receive(buf, 0, len, false));
                if (n == 0) {
                    return total + filled;
                }
                filled += n;
            }
            total += filled;
        }
        return total;
    }

    private static SocketDescriptor socket(WasiContext ctx, int fd, long rights) {
        Descriptor d = ctx.fds().get(fd);
        if (!(d instanceof SocketDescriptor s)) {
            throw new WasiErrnoException(d instanceof ListenerDescriptor ? Errno.NOTCONN : Errno.NOTSOCK);
        }
        s.require(rights);
        return s;
    }
}
