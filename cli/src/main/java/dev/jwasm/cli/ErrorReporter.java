package dev.jwasm.cli;

import dev.jwasm.api.LinkException;
import dev.jwasm.api.TrapKind;
import dev.jwasm.api.WasmException;
import dev.jwasm.api.WasmTrap;
import java.io.PrintStream;
import java.util.OptionalInt;

/**
 * Turns whatever ended a command into a message on stderr and an exit status. Users see one line (plus
 * the wasm backtrace for a trap), never a Java stack trace unless {@code --log-level debug} asked for it.
 */
final class ErrorReporter {
    private final PrintStream err;

    ErrorReporter(PrintStream err) {
        this.err = err;
    }

    /** Reports {@code t} and returns the exit status for it. */
    int report(Throwable t) {
        OptionalInt exit = WasiSupport.exitCode(t);
        if (exit.isPresent()) {
            return exit.getAsInt();
        }
        int status = describe(t);
        if (LogLevels.debugEnabled()) {
            t.printStackTrace(err);
        }
        err.flush();
        return status;
    }

    private int describe(Throwable t) {
        if (t instanceof CliException e) {
            err.println("Error: " + e.getMessage());
            return e.exitCode();
        }
        if (t instanceof WasmTrap trap) {
            err.println("Error: " + TrapReport.describe(trap));
            printLimitHint(trap.kind());
            return ExitCodes.TRAP;
        }
        if (t instanceof LinkException e) {
            err.println("Error: cannot link: " + e.getMessage());
            return ExitCodes.ERROR;
        }
        if (t instanceof WasmException e) {
            err.println("Error: " + ModuleFiles.describe(e));
            return ExitCodes.ERROR;
        }
        return describeUnexpected(t);
    }

    private int describeUnexpected(Throwable t) {
        if (t instanceof StackOverflowError) {
            // The runtime should have turned this into a trap; still, a guest must not see a JVM crash.
            err.println("Error: " + TrapKind.CALL_STACK_EXHAUSTED.message() + " (host stack overflow)");
            return ExitCodes.TRAP;
        }
        if (t instanceof OutOfMemoryError) {
            err.println("Error: out of memory (give the JVM more with JAVA_OPTS=-Xmx..., or lower the guest's needs)");
            return ExitCodes.ERROR;
        }
        if (t instanceof UnsupportedOperationException) {
            err.println("Error: not supported yet: " + t.getMessage());
            return ExitCodes.ERROR;
        }
        err.println("Error: internal error: " + t);
        if (!LogLevels.debugEnabled()) {
            err.println("(run with --log-level debug to see the Java stack trace)");
        }
        return ExitCodes.ERROR;
    }

    /** Names the option that sets an exhausted limit, so the user knows what to raise. */
    private void printLimitHint(TrapKind kind) {
        String option = switch (kind) {
            case FUEL_EXHAUSTED -> "--fuel";
            case TIMEOUT -> "--timeout";
            case CALL_STACK_EXHAUSTED -> "--max-stack";
            case MEMORY_LIMIT -> "--max-memory";
            default -> null;
        };
        if (option != null) {
            err.println("(limit set by " + option + "; raise it to let the guest run further)");
        }
    }
}
