package dev.jwasm.wasi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import dev.jwasm.wasi.abi.Errno;
import dev.jwasm.wasi.abi.Flags;
import dev.jwasm.wasi.abi.Layout;
import dev.jwasm.wasi.abi.Rights;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

class PollTest {
    private static void clock(WasiHarness h, int at, long userdata, int clockId, long timeout, int flags) {
        h.memory.writeLong(at + Layout.SUB_USERDATA, userdata);
        h.memory.writeByte(at + Layout.SUB_TAG, (byte) Flags.EVENT_CLOCK);
        h.memory.writeInt(at + Layout.SUB_CLOCK_ID, clockId);
        h.memory.writeLong(at + Layout.SUB_CLOCK_TIMEOUT, timeout);
        h.memory.writeShort(at + Layout.SUB_CLOCK_FLAGS, (short) flags);
    }

    private static void fd(WasiHarness h, int at, long userdata, int type, int fd) {
        h.memory.writeLong(at + Layout.SUB_USERDATA, userdata);
        h.memory.writeByte(at + Layout.SUB_TAG, (byte) type);
        h.memory.writeInt(at + Layout.SUB_FD, fd);
    }

    @Test
    void aRelativeClockSubscriptionSleepsOnTheInjectedClock() throws IOException {
        ArgsEnvClockRandomTest.FakeClock clock = new ArgsEnvClockRandomTest.FakeClock();
        try (WasiHarness h = new WasiHarness(WasiConfig.builder().clock(clock).build())) {
            int subs = h.alloc(Layout.SUBSCRIPTION_SIZE);
            int events = h.alloc(Layout.EVENT_SIZE);
            int n = h.alloc(4);
            clock(h, subs, 42, Flags.CLOCK_MONOTONIC, 5_000_000_000L, 0);
            h.ok("poll_oneoff", subs, events, 1, n);
            assertEquals(1, h.i32(n));
            assertEquals(42, h.i64(events + Layout.EVENT_USERDATA));
            assertEquals(0, h.memory.readShort(events + Layout.EVENT_ERROR));
            assertEquals(Flags.EVENT_CLOCK, h.memory.readByte(events + Layout.EVENT_TYPE));
            assertEquals(1_000 + 5_000_000_000L, clock.now);
        }
    }

    @Test
    void anAbsoluteDeadlineInThePastFiresAtOnce() throws IOException {
        ArgsEnvClockRandomTest.FakeClock clock = new ArgsEnvClockRandomTest.FakeClock();
        try (WasiHarness h = new WasiHarness(WasiConfig.builder().clock(clock).build())) {
            int subs = h.alloc(Layout.SUBSCRIPTION_SIZE);
            int events = h.alloc(Layout.EVENT_SIZE);
            int n = h.alloc(4);
            clock(h, subs, 1, Flags.CLOCK_MONOTONIC, 10, Flags.SUBSCRIPTION_CLOCK_ABSTIME);
            h.ok("poll_oneoff", subs, events, 1, n);
            assertEquals(1, h.i32(n));
            assertEquals(1_000, clock.now);
        }
    }

    @Test
    void aRealSleepWaitsRoughlyTheTimeout() throws IOException {
        try (WasiHarness h = new WasiHarness(WasiConfig.builder().build())) {
            int subs = h.alloc(Layout.SUBSCRIPTION_SIZE);
            int events = h.alloc(Layout.EVENT_SIZE);
            int n = h.alloc(4);
            clock(h, subs, 1, Flags.CLOCK_REALTIME, 30_000_000L, 0);
            long start = System.nanoTime();
            h.ok("poll_oneoff", subs, events, 1, n);
            assertTrue(System.nanoTime() - start >= 29_000_000L);
        }
    }

    @Test
    void filesAreAlwaysReadyAndBadDescriptorsReportAnErrorEvent() throws IOException {
        try (FileSystem fs = Jimfs.newFileSystem(Configuration.unix())) {
            Files.createDirectory(fs.getPath("/d"));
            Files.writeString(fs.getPath("/d/f"), "12345");
            try (WasiHarness h = new WasiHarness(WasiConfig.builder()
                    .preopen(fs.getPath("/d"), "/d", PreopenMode.READ_WRITE).build())) {
                int file = h.openOk(3, "f", 0, Rights.ALL);
                int subs = h.alloc(3 * Layout.SUBSCRIPTION_SIZE);
                int events = h.alloc(3 * Layout.EVENT_SIZE);
                int n = h.alloc(4);
                fd(h, subs, 1, Flags.EVENT_FD_READ, file);
                fd(h, subs + 48, 2, Flags.EVENT_FD_WRITE, 1);
                fd(h, subs + 96, 3, Flags.EVENT_FD_READ, 99);
                h.ok("poll_oneoff", subs, events, 3, n);
                assertEquals(3, h.i32(n));
                assertEquals(5, h.i64(events + Layout.EVENT_NBYTES));
                assertEquals(Flags.EVENT_FD_WRITE, h.memory.readByte(events + 32 + Layout.EVENT_TYPE));
                assertEquals(Errno.BADF, h.memory.readShort(events + 64 + Layout.EVENT_ERROR));
            }
        }
    }

    @Test
    void stdinWithoutInputTimesOutAndWithInputIsReady() throws IOException {
        PipedOutputStream writer = new PipedOutputStream();
        try (WasiHarness h = new WasiHarness(WasiConfig.builder().stdin(new PipedInputStream(writer)).build())) {
            int subs = h.alloc(2 * Layout.SUBSCRIPTION_SIZE);
            int events = h.alloc(2 * Layout.EVENT_SIZE);
            int n = h.alloc(4);
            fd(h, subs, 7, Flags.EVENT_FD_READ, 0);
            clock(h, subs + 48, 8, Flags.CLOCK_MONOTONIC, 20_000_000L, 0);
            h.ok("poll_oneoff", subs, events, 2, n);
            assertEquals(1, h.i32(n));
            assertEquals(8, h.i64(events));
            writer.write("hi".getBytes());
            writer.flush();
            h.ok("poll_oneoff", subs, events, 2, n);
            assertEquals(1, h.i32(n));
            assertEquals(7, h.i64(events));
            assertEquals(2, h.i64(events + Layout.EVENT_NBYTES));
            h.ok("fd_fdstat_set_flags", 0, Flags.FDFLAGS_NONBLOCK);
            assertEquals("hi", h.read(0, 10));
            assertEquals(Errno.AGAIN, h.call("fd_read", 0, h.iovec(h.alloc(4), 4), 1, h.alloc(4)));
            writer.close();
            h.ok("poll_oneoff", subs, events, 2, n);
            assertEquals(7, h.i64(events), "end of input is readable");
            assertEquals("", h.read(0, 10), "a non-blocking read at end of input is 0 bytes, not EAGAIN");
        }
    }

    @Test
    void pollWakesAsSoonAsStdinInputArrives() throws IOException {
        PipedOutputStream writer = new PipedOutputStream();
        try (WasiHarness h = new WasiHarness(WasiConfig.builder().stdin(new PipedInputStream(writer)).build())) {
            int subs = h.alloc(2 * Layout.SUBSCRIPTION_SIZE);
            int events = h.alloc(2 * Layout.EVENT_SIZE);
            int n = h.alloc(4);
            fd(h, subs, 7, Flags.EVENT_FD_READ, 0);
            clock(h, subs + 48, 8, Flags.CLOCK_MONOTONIC, 10_000_000_000L, 0);
            new Thread(() -> {
                try {
                    Thread.sleep(50);
                    writer.write('x');
                    writer.flush();
                } catch (IOException | InterruptedException e) {
                    // the poll below then times out and the assertion fails
                }
            }).start();
            long start = System.nanoTime();
            h.ok("poll_oneoff", subs, events, 2, n);
            assertEquals(7, h.i64(events));
            assertTrue(System.nanoTime() - start < 5_000_000_000L);
            assertEquals("x", h.read(0, 10));
        }
    }

    @Test
    void stdinAtEndOfInputIsReadyWithoutATimeout() throws IOException {
        try (WasiHarness h = new WasiHarness(WasiConfig.builder()
                .stdin(new ByteArrayInputStream(new byte[0])).build())) {
            int subs = h.alloc(Layout.SUBSCRIPTION_SIZE);
            int events = h.alloc(Layout.EVENT_SIZE);
            int n = h.alloc(4);
            fd(h, subs, 7, Flags.EVENT_FD_READ, 0);
            h.ok("poll_oneoff", subs, events, 1, n);
            assertEquals(1, h.i32(n));
            assertEquals(0, h.i64(events + Layout.EVENT_NBYTES));
        }
    }

    @Test
    void zeroSubscriptionsAndUnknownTypesAreInvalid() throws IOException {
        try (WasiHarness h = new WasiHarness(WasiConfig.builder().build())) {
            int subs = h.alloc(Layout.SUBSCRIPTION_SIZE);
            int events = h.alloc(Layout.EVENT_SIZE);
            int n = h.alloc(4);
            assertEquals(Errno.INVAL, h.call("poll_oneoff", subs, events, 0, n));
            h.memory.writeByte(subs + Layout.SUB_TAG, (byte) 9);
            assertEquals(Errno.INVAL, h.call("poll_oneoff", subs, events, 1, n));
            clock(h, subs, 5, 77, 1, 0);
            h.ok("poll_oneoff", subs, events, 1, n);
            assertEquals(Errno.INVAL, h.memory.readShort(events + Layout.EVENT_ERROR));
        }
    }
}
