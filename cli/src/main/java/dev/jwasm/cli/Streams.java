package dev.jwasm.cli;

import java.io.InputStream;
import java.io.PrintStream;

/**
 * The standard streams one CLI invocation uses, for its own messages and as the guest's stdio. Tests
 * pass in-memory streams; {@link Main#main} passes the process's file descriptors.
 */
record Streams(InputStream in, PrintStream out, PrintStream err) {
}
