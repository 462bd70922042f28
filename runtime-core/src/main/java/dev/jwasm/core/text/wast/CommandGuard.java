package dev.jwasm.core.text.wast;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs each command on a worker thread with a large stack and a wall-clock limit, so deep recursion in
 * the runtime and a command that never ends (a runaway loop in a buggy tier) cannot take down or hang the
 * whole run. A command over the limit is interrupted, then stopped, and the script goes on with a fresh
 * worker.
 */
final class CommandGuard implements AutoCloseable {
    private static final long STOP_GRACE_MILLIS = 2_000;

    private final Duration limit;
    private final long stackSize;
    private ExecutorService worker;
    private Thread workerThread;

    CommandGuard(Duration limit, long stackSize) {
        this.limit = limit;
        this.stackSize = stackSize;
    }

    WastResult run(Reporter reporter, Callable<WastResult> command) {
        Future<WastResult> future = worker().submit(command);
        try {
            return future.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            abandonWorker(future);
            return reporter.failed("timed out after " + limit.toMillis() + " ms");
        } catch (ExecutionException e) {
            return reporter.unexpected("command crashed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            abandonWorker(future);
            return reporter.failed("interrupted");
        }
    }

    @Override
    public void close() {
        if (worker != null) {
            worker.shutdownNow();
            worker = null;
        }
    }

    private ExecutorService worker() {
        if (worker == null) {
            worker = Executors.newSingleThreadExecutor(task -> {
                Thread t = new Thread(null, task, "jwasm-wast-command", stackSize);
                t.setDaemon(true);
                workerThread = t;
                return t;
            });
        }
        return worker;
    }

    /** Interrupts the stuck command; if it ignores that, stops its thread as a last resort. */
    private void abandonWorker(Future<WastResult> future) {
        future.cancel(true);
        Thread stuck = workerThread;
        worker.shutdownNow();
        worker = null;
        workerThread = null;
        if (stuck == null) {
            return;
        }
        try {
            stuck.join(STOP_GRACE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (stuck.isAlive()) {
            stop(stuck);
        }
    }

    @SuppressWarnings({"deprecation", "removal"})
    private static void stop(Thread thread) {
        try {
            thread.stop();
        } catch (UnsupportedOperationException newerJdk) {
            // Thread.stop no longer works (JDK 20+): the daemon thread is left behind.
        }
    }
}
