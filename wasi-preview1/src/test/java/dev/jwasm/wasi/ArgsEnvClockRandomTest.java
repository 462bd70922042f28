package dev.jwasm.wasi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwasm.wasi.abi.Errno;
import java.io.IOException;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ArgsEnvClockRandomTest {
    /** A clock that only moves when told to (or when poll_oneoff sleeps on it). */
    static final class FakeClock implements WasiClock {
        long now = 1_000;

        @Override
        public long realtimeNanos() {
            return 1_700_000_000_000_000_000L + now;
        }

        @Override
        public long monotonicNanos() {
            return now;
        }

        @Override
        public long processCpuNanos() {
            return now / 2;
        }

        @Override
        public long threadCpuNanos() {
            return now / 4;
        }

        @Override
        public void sleep(long nanos) {
            now += nanos;
        }
    }

    @Test
    void argsAreCountedAndCopiedAsNulTerminatedStrings() throws IOException {
        try (WasiHarness h = new WasiHarness(WasiConfig.builder().args("prog", "héllo", "").build())) {
            int count = h.alloc(4);
            int size = h.alloc(4);
            h.ok("args_sizes_get", count, size);
            assertEquals(3, h.i32(count));
            assertEquals(5 + 7 + 1, h.i32(size));
            int argv = h.alloc(12);
            int buf = h.alloc(13);
            h.ok("args_get", argv, buf);
            assertEquals(buf, h.i32(argv));
            assertEquals("prog\0héllo\0\0", h.text(buf, 13));
            assertEquals(buf + 5, h.i32(argv + 4));
            assertEquals(buf + 12, h.i32(argv + 8));
        }
    }

    @Test
    void onlyTheConfiguredEnvironmentIsVisible() throws IOException {
        try (WasiHarness h = new WasiHarness(WasiConfig.builder().env("A", "1").env("B", "x=y").build())) {
            int count = h.alloc(4);
            int size = h.alloc(4);
            h.ok("environ_sizes_get", count, size);
            assertEquals(2, h.i32(count));
            assertEquals(4 + 6, h.i32(size));
            int env = h.alloc(8);
            int buf = h.alloc(10);
            h.ok("environ_get", env, buf);
            assertEquals("A=1\0B=x=y\0", h.text(buf, 10));
        }
    }

    @Test
    void inheritingTheHostEnvironmentIsExplicit() {
        assertTrue(WasiConfig.builder().build().env().isEmpty());
        assertEquals(System.getenv().size(), WasiConfig.builder().inheritEnv().build().env().size());
        assertThrows(IllegalArgumentException.class, () -> WasiConfig.builder().env("A=B", "c"));
    }

    @Test
    void clocksReadTheInjectedSource() throws IOException {
        FakeClock clock = new FakeClock();
        try (WasiHarness h = new WasiHarness(WasiConfig.builder().clock(clock).build())) {
            int out = h.alloc(8);
            h.ok("clock_time_get", 1, 1L, out);
            assertEquals(1_000, h.i64(out));
            h.ok("clock_time_get", 0, 1L, out);
            assertEquals(1_700_000_000_000_001_000L, h.i64(out));
            h.ok("clock_time_get", 2, 1L, out);
            assertEquals(500, h.i64(out));
            h.ok("clock_time_get", 3, 1L, out);
            assertEquals(250, h.i64(out));
            h.ok("clock_res_get", 1, out);
            assertEquals(1, h.i64(out));
            assertEquals(Errno.INVAL, h.call("clock_time_get", 4, 1L, out));
            assertEquals(Errno.INVAL, h.call("clock_res_get", -1, out));
        }
    }

    @Test
    void theSystemClocksAdvance() throws IOException {
        try (WasiHarness h = new WasiHarness(WasiConfig.builder().build())) {
            int a = h.alloc(8);
            int b = h.alloc(8);
            h.ok("clock_time_get", 1, 0L, a);
            h.ok("clock_time_get", 1, 0L, b);
            assertTrue(h.i64(b) >= h.i64(a));
            h.ok("clock_time_get", 0, 0L, a);
            assertTrue(Math.abs(h.i64(a) / 1_000_000 - System.currentTimeMillis()) < 10_000);
            h.ok("clock_time_get", 2, 0L, a);
            h.ok("clock_time_get", 3, 0L, b);
            assertTrue(h.i64(a) > 0 && h.i64(b) > 0);
        }
    }

    @Test
    void randomBytesComeFromTheInjectedSource() throws IOException {
        try (WasiHarness h = new WasiHarness(WasiConfig.builder().random(new Random(42)).build())) {
            int buf = h.alloc(100_000);
            h.ok("random_get", buf, 100_000);
            byte[] expected = new byte[65536];
            Random r = new Random(42);
            r.nextBytes(expected);
            assertArrayEquals(expected, h.memory.read(buf, 65536));
            h.ok("random_get", buf, 0);
        }
    }

    @Test
    void procExitThrowsTheExitCodeAndRaiseIsUnsupported() throws IOException {
        try (WasiHarness h = new WasiHarness(WasiConfig.builder().build())) {
            WasiExitException e = assertThrows(WasiExitException.class, () -> h.call("proc_exit", 7));
            assertEquals(7, e.exitCode());
            assertEquals(Errno.NOTSUP, h.call("proc_raise", 6));
            h.ok("sched_yield");
        }
    }

    @Test
    void all46FunctionsAreProvidedWithTheirWitxTypes() throws IOException {
        try (Wasi wasi = Wasi.create(WasiConfig.builder().build())) {
            assertEquals(46, wasi.functions().size());
            assertEquals("(func [i32, i64, i32, i32] -> [i32])", wasi.function("fd_seek").orElseThrow().type()
                    .toString());
            assertTrue(wasi.function("proc_exit").orElseThrow().type().results().isEmpty());
            assertFalse(wasi.function("sock_open").isPresent());
        }
    }
}
