package dev.jwasm.cli;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;

/**
 * The standard streams of one CLI invocation: {@code out} and {@code err} for jwasm's own messages,
 * {@code in}, {@code guestOut} and {@code guestErr} as the guest's stdio. Tests pass in-memory streams;
 * {@link Main#main} passes the process's file descriptors.
 *
 * <p>The guest gets plain {@link OutputStream}s because a {@link PrintStream} swallows write errors: a guest
 * writing into a closed pipe ({@code jwasm run yes.wasm | head -1}) must see EPIPE, not write on forever.
 */
record Streams(InputStream in, PrintStream out, PrintStream err, OutputStream guestOut, OutputStream guestErr) {
    /** Streams whose guest side is the same as jwasm's own. */
    Streams(InputStream in, PrintStream out, PrintStream err) {
        this(in, out, err, out, err);
    }
}
