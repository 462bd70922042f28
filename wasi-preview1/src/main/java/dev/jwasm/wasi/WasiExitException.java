package dev.jwasm.wasi;

/**
 * Thrown by {@code proc_exit}: the guest asked to terminate with {@link #exitCode()}. It unwinds the guest
 * and reaches the embedder, which decides what exiting means (the CLI exits the JVM with the code; a server
 * just discards the instance). WASI never calls {@link System#exit}.
 */
public final class WasiExitException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int exitCode;

    public WasiExitException(int exitCode) {
        super("wasi exit code " + exitCode, null, false, false);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
