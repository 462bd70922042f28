package dev.jwasm.cli;

import dev.jwasm.jit.link.MemoryAccess;

/**
 * Initialises, on a second thread, what nearly every {@code jwasm run} needs and is slow to set up although it
 * does not depend on the command line, while the main thread parses arguments and reads the module and its
 * cached code. Measured on a cached {@code hello.wasm} run (JFR samples of the main thread), these were a
 * fifth of its work:
 * <ul>
 *   <li>the little-endian VarHandles of linear memory, of the interpreter and of compiled code: creating the
 *       first VarHandle also starts the JDK's lambda machinery;</li>
 *   <li>{@link java.util.Formatter}, whose class initialisation compiles a regular expression: SLF4J formats a
 *       message with it while it binds its provider, which the first logger of any run makes it do.</li>
 * </ul>
 *
 * <p>Only classes whose initialisation depends on nothing of jwasm's are touched, so the two threads cannot
 * deadlock on each other's class initialisation; where the main thread needs one of them first, it waits for
 * the initialisation in progress (class initialisation runs once), so a run behaves the same with or without
 * this thread.
 */
final class StartupWarmUp implements Runnable {
    private StartupWarmUp() {
    }

    /** Starts the warm-up on a daemon thread (it never delays the process's exit). */
    static void start() {
        Thread t = new Thread(new StartupWarmUp(), "jwasm-warm-up");
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void run() {
        try {
            MemoryAccess.warmUp();
            Class.forName("dev.jwasm.core.runtime.MemoryInstance", true, StartupWarmUp.class.getClassLoader());
            String.format("%s", "");
        } catch (ClassNotFoundException | LinkageError e) {
            // An optimisation only: whatever is left, the main thread initialises when it needs it.
        }
    }
}
