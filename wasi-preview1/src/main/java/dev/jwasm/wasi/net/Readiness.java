package dev.jwasm.wasi.net;

import java.io.IOException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.Selector;

/** Blocks on one non-blocking channel until it is ready for {@code ops}, for descriptors in blocking mode. */
final class Readiness {
    private Readiness() {
    }

    static void await(SelectableChannel channel, int ops) throws IOException {
        try (Selector selector = Selector.open()) {
            channel.register(selector, ops);
            while (selector.select() == 0) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new java.io.InterruptedIOException("interrupted while waiting for a socket");
                }
            }
        }
    }
}
