package dev.jwasm.wasi;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.time.Instant;

/**
 * The time sources behind {@code clock_time_get}, {@code clock_res_get} and {@code poll_oneoff} clock
 * subscriptions. Replace it in {@link WasiConfig.Builder#clock} for deterministic tests: {@link #sleep} is
 * how poll_oneoff waits when it has only clock subscriptions, so a fake clock can advance instead of sleeping.
 * Waits that also watch descriptors pass in real time, so a fake clock used with those must advance by itself.
 */
public interface WasiClock {
    /** Nanoseconds since 1970-01-01T00:00:00Z. */
    long realtimeNanos();

    /** Nanoseconds since an arbitrary fixed origin; never goes backwards. */
    long monotonicNanos();

    /** CPU time consumed by the process, in nanoseconds. */
    long processCpuNanos();

    /** CPU time consumed by the calling thread, in nanoseconds. */
    long threadCpuNanos();

    /** Resolution of each clock in nanoseconds. */
    default long resolutionNanos(int clockId) {
        return clockId == 0 ? 1_000 : 1;
    }

    /** Waits {@code nanos} nanoseconds of this clock's monotonic time. */
    default void sleep(long nanos) throws InterruptedException {
        if (nanos > 0) {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        }
    }

    /** The host's clocks. */
    static WasiClock system() {
        return SystemClock.INSTANCE;
    }

    /** {@link WasiClock#system()}. */
    final class SystemClock implements WasiClock {
        static final SystemClock INSTANCE = new SystemClock();
        private static final long ORIGIN = System.nanoTime();

        private SystemClock() {
        }

        @Override
        public long realtimeNanos() {
            Instant now = Instant.now();
            return now.getEpochSecond() * 1_000_000_000L + now.getNano();
        }

        @Override
        public long monotonicNanos() {
            return System.nanoTime() - ORIGIN;
        }

        @Override
        public long processCpuNanos() {
            return ProcessHandle.current().info().totalCpuDuration().map(Duration::toNanos)
                    .orElseGet(this::threadCpuNanos);
        }

        @Override
        public long threadCpuNanos() {
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long t = threads.isCurrentThreadCpuTimeSupported() ? threads.getCurrentThreadCpuTime() : -1;
            return t >= 0 ? t : monotonicNanos();
        }
    }
}
