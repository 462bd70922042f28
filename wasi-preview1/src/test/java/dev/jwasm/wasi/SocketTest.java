package dev.jwasm.wasi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwasm.wasi.abi.Errno;
import dev.jwasm.wasi.abi.FileType;
import dev.jwasm.wasi.abi.Flags;
import dev.jwasm.wasi.abi.Layout;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class SocketTest {
    private WasiHarness h;
    private InetSocketAddress address;

    @BeforeEach
    void setUp() throws IOException {
        h = new WasiHarness(WasiConfig.builder().listen("127.0.0.1", 0).build());
        address = h.wasi.listenerAddresses().get(0);
        assertTrue(address.getPort() > 0);
    }

    @AfterEach
    void tearDown() {
        h.close();
    }

    private int accept(int flags) {
        int out = h.alloc(4);
        h.ok("sock_accept", 3, flags, out);
        return h.i32(out);
    }

    @Test
    void theListenerIsFd3AndAStreamSocket() {
        int out = h.alloc(Layout.FDSTAT_SIZE);
        h.ok("fd_fdstat_get", 3, out);
        assertEquals(FileType.SOCKET_STREAM, h.memory.readByte(out));
        assertEquals(Errno.BADF, h.call("fd_prestat_get", 3, h.alloc(8)), "ends wasi-libc's preopen scan");
    }

    @Test
    void aNonBlockingAcceptWithoutAClientIsEagain() {
        // sock_accept's flags are those of the new connection; the listener's own mode is its fdflags.
        h.ok("fd_fdstat_set_flags", 3, Flags.FDFLAGS_NONBLOCK);
        assertEquals(Errno.AGAIN, h.call("sock_accept", 3, 0, h.alloc(4)));
        assertEquals(Errno.INVAL, h.call("sock_accept", 3, Flags.FDFLAGS_APPEND, h.alloc(4)));
    }

    @Test
    void anAcceptedConnectionEchoesThroughRecvAndSend() throws IOException {
        try (Socket client = new Socket(address.getAddress(), address.getPort())) {
            int conn = accept(0);
            assertEquals(4, conn);
            OutputStream out = client.getOutputStream();
            out.write("ping".getBytes(StandardCharsets.UTF_8));
            out.flush();
            int buf = h.alloc(16);
            int n = h.alloc(4);
            int flags = h.alloc(2);
            h.ok("sock_recv", conn, h.iovec(buf, 16), 1, Flags.RECV_PEEK, n, flags);
            assertEquals("ping", h.text(buf, h.i32(n)).substring(0, h.i32(n)));
            h.ok("sock_recv", conn, h.iovec(buf, 4), 1, Flags.RECV_WAITALL, n, flags);
            assertEquals("ping", h.text(buf, 4));
            h.ok("sock_send", conn, h.iovec(buf, 4), 1, 0, n);
            assertEquals(4, h.i32(n));
            InputStream in = client.getInputStream();
            assertEquals("ping", new String(in.readNBytes(4), StandardCharsets.UTF_8));
            assertEquals(Errno.SUCCESS, h.write(conn, "pong"));
            assertEquals("pong", new String(in.readNBytes(4), StandardCharsets.UTF_8));
            h.ok("sock_shutdown", conn, Flags.SHUT_WR);
            assertEquals(-1, in.read());
            assertEquals(Errno.INVAL, h.call("sock_shutdown", conn, 0));
        }
    }

    @Test
    void nonBlockingRecvWithoutDataIsEagainAndPollWakesOnData() throws IOException {
        try (Socket client = new Socket(address.getAddress(), address.getPort())) {
            int conn = accept(Flags.FDFLAGS_NONBLOCK);
            int buf = h.alloc(16);
            int n = h.alloc(4);
            assertEquals(Errno.AGAIN, h.call("sock_recv", conn, h.iovec(buf, 16), 1, 0, n, h.alloc(2)));
            int subs = h.alloc(Layout.SUBSCRIPTION_SIZE * 2);
            int events = h.alloc(Layout.EVENT_SIZE * 2);
            h.memory.writeLong(subs, 1);
            h.memory.writeByte(subs + Layout.SUB_TAG, (byte) Flags.EVENT_FD_READ);
            h.memory.writeInt(subs + Layout.SUB_FD, conn);
            h.memory.writeLong(subs + 48, 2);
            h.memory.writeByte(subs + 48 + Layout.SUB_TAG, (byte) Flags.EVENT_CLOCK);
            h.memory.writeInt(subs + 48 + Layout.SUB_CLOCK_ID, Flags.CLOCK_MONOTONIC);
            h.memory.writeLong(subs + 48 + Layout.SUB_CLOCK_TIMEOUT, 10_000_000_000L);
            new Thread(() -> {
                try {
                    Thread.sleep(50);
                    client.getOutputStream().write(new byte[] {1, 2, 3});
                } catch (IOException | InterruptedException e) {
                    // the assertion below fails
                }
            }).start();
            h.ok("poll_oneoff", subs, events, 2, n);
            assertEquals(1, h.i32(n));
            assertEquals(1, h.i64(events));
            assertEquals(3, h.i64(events + Layout.EVENT_NBYTES));
            assertEquals("\1\2\3", h.read(conn, 16));
            client.shutdownOutput();
            h.ok("poll_oneoff", subs, events, 1, n);
            assertEquals(Flags.EVENT_FD_READWRITE_HANGUP, h.memory.readShort(events + Layout.EVENT_FLAGS));
            assertEquals("", h.read(conn, 16));
        }
    }

    @Test
    void pollReportsAPendingConnectionOnTheListener() throws IOException {
        int subs = h.alloc(Layout.SUBSCRIPTION_SIZE);
        int events = h.alloc(Layout.EVENT_SIZE);
        int n = h.alloc(4);
        h.memory.writeByte(subs + Layout.SUB_TAG, (byte) Flags.EVENT_FD_READ);
        h.memory.writeInt(subs + Layout.SUB_FD, 3);
        try (Socket client = new Socket(address.getAddress(), address.getPort())) {
            assertTrue(client.isConnected());
            h.ok("poll_oneoff", subs, events, 1, n);
            assertEquals(1, h.i32(n));
            assertTrue(accept(0) > 3);
        }
    }

    @Test
    void socketCallsOnOtherDescriptorsAreNotsock() {
        assertEquals(Errno.NOTSOCK, h.call("sock_recv", 1, h.iovec(0, 0), 1, 0, h.alloc(4), h.alloc(2)));
        assertEquals(Errno.NOTCONN, h.call("sock_send", 3, h.iovec(0, 0), 1, 0, h.alloc(4)));
        assertEquals(Errno.BADF, h.call("sock_shutdown", 42, 1));
    }
}
