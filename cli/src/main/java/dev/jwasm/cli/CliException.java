package dev.jwasm.cli;

/**
 * An error the CLI reports as one line on stderr, {@code Error: <message>}, with the given exit status.
 * Never shown with a stack trace.
 */
final class CliException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int exitCode;

    CliException(String message) {
        this(message, ExitCodes.ERROR);
    }

    CliException(String message, int exitCode) {
        super(message, null, false, false);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }
}
