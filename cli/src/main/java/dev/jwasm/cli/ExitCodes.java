package dev.jwasm.cli;

/** Process exit statuses of the {@code jwasm} command. A guest's {@code proc_exit} code passes through as is. */
final class ExitCodes {
    /** Success. */
    static final int OK = 0;
    /** The module could not be read, parsed, validated or linked, or another error the user can fix. */
    static final int ERROR = 1;
    /** The command line itself was wrong (picocli's convention), or a feature is not available. */
    static final int USAGE = 2;
    /** The guest trapped; 128 + SIGABRT, as wasmtime reports a trap. */
    static final int TRAP = 134;

    private ExitCodes() {
    }
}
