package dev.jwasm.wasi.fs;

import dev.jwasm.wasi.abi.Errno;
import dev.jwasm.wasi.abi.WasiErrnoException;
import java.io.IOException;
import java.io.InputStream;

/**
 * Standard input from a Java {@link InputStream}. Blocking reads go straight to the stream until the guest
 * first needs readiness (a non-blocking read or poll_oneoff); from then on an {@link InputPump} thread
 * reads ahead so "no data yet" (EAGAIN / not ready) and "end of input" can be told apart.
 */
public final class InputStreamDescriptor extends StreamDescriptor {
    private final InputStream in;
    private InputPump pump;

    public InputStreamDescriptor(InputStream in, int fileType, long rights) {
        super(fileType, rights);
        this.in = in;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (pump == null && !isNonBlocking()) {
            return Math.max(in.read(buf, off, len), 0);
        }
        InputPump p = pump();
        while (true) {
            int n = p.read(buf, off, len);
            if (n >= 0) {
                return n;
            }
            if (isNonBlocking()) {
                throw new WasiErrnoException(Errno.AGAIN);
            }
            awaitInput(-1);
        }
    }

    @Override
    public long readyToRead() {
        return pump().ready();
    }

    /** Waits up to {@code nanos} (forever if negative) until input or end of input is available. */
    public void awaitInput(long nanos) throws IOException {
        try {
            pump().await(nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WasiErrnoException(Errno.INTR);
        }
    }

    private InputPump pump() {
        if (pump == null) {
            pump = InputPump.start(in);
        }
        return pump;
    }
}
