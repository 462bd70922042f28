package dev.jwasm.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The benchmark thread's CPU time per iteration (JMH secondary results {@code cpuMs} and {@code calls}),
 * beside JMH's wall time: on a machine shared with other work it is the steadier figure, and it leaves
 * out compilation, which runs on other threads. Reading it costs about a microsecond, against calls of
 * tens of milliseconds.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.EVENTS)
public class CpuTime {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** CPU milliseconds spent in measured calls during this iteration. */
    public double cpuMs;
    /** Measured calls during this iteration. */
    public long calls;

    @Setup(Level.Iteration)
    public void reset() {
        cpuMs = 0;
        calls = 0;
    }

    long start() {
        return THREADS.getCurrentThreadCpuTime();
    }

    void stop(long start) {
        cpuMs += (THREADS.getCurrentThreadCpuTime() - start) / 1e6;
        calls++;
    }
}
