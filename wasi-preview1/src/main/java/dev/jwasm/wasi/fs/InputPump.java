package dev.jwasm.wasi.fs;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads an {@link InputStream} on a daemon thread into a bounded buffer, so readiness (data, end of input)
 * can be observed without blocking. {@link InputStream#available()} alone cannot tell "no data yet" from
 * "end of input", which non-blocking reads and poll_oneoff need to distinguish.
 */
final class InputPump {
    private static final int CAPACITY = 64 * 1024;
    private static final long MAX_WAIT_NANOS = 3_600_000_000_000L;

    private final InputStream in;
    private final byte[] buffer = new byte[CAPACITY];
    private int start;
    private int size;
    private boolean eof;
    private IOException error;

    private InputPump(InputStream in) {
        this.in = in;
    }

    static InputPump start(InputStream in) {
        InputPump pump = new InputPump(in);
        Thread t = new Thread(pump::run, "jwasm-wasi-stdin");
        t.setDaemon(true);
        t.start();
        return pump;
    }

    private void run() {
        byte[] chunk = new byte[8192];
        try {
            while (true) {
                int room = awaitRoom();
                int n = in.read(chunk, 0, Math.min(room, chunk.length));
                if (n < 0) {
                    finish(null);
                    return;
                }
                append(chunk, n);
            }
        } catch (IOException e) {
            finish(e);
        } catch (InterruptedException e) {
            finish(new java.io.InterruptedIOException("stdin pump interrupted"));
        }
    }

    private synchronized int awaitRoom() throws InterruptedException {
        while (size == CAPACITY) {
            wait();
        }
        return CAPACITY - size;
    }

    private synchronized void append(byte[] chunk, int n) {
        for (int i = 0; i < n; i++) {
            buffer[(start + size + i) % CAPACITY] = chunk[i];
        }
        size += n;
        notifyAll();
    }

    private synchronized void finish(IOException e) {
        eof = true;
        error = e;
        notifyAll();
    }

    /** Bytes readable now, 0 at end of input, -1 if a read would block. */
    synchronized long ready() {
        if (size > 0) {
            return size;
        }
        return eof ? 0 : -1;
    }

    /** Waits up to {@code nanos} (forever if negative) for data or end of input. */
    synchronized void await(long nanos) throws InterruptedException {
        // Callers re-check their own deadline, so a bounded wait keeps nanoTime arithmetic from overflowing.
        long deadline = System.nanoTime() + Math.min(nanos, MAX_WAIT_NANOS);
        while (size == 0 && !eof) {
            if (nanos < 0) {
                wait();
            } else {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                wait(left / 1_000_000, (int) (left % 1_000_000));
            }
        }
    }

    /** Reads up to {@code len} buffered bytes; -1 if none are buffered yet (0 at end of input). */
    synchronized int read(byte[] dst, int off, int len) throws IOException {
        if (size == 0) {
            if (error != null) {
                throw error;
            }
            return eof ? 0 : -1;
        }
        int n = Math.min(len, size);
        for (int i = 0; i < n; i++) {
            dst[off + i] = buffer[(start + i) % CAPACITY];
        }
        start = (start + n) % CAPACITY;
        size -= n;
        notifyAll();
        return n;
    }
}
