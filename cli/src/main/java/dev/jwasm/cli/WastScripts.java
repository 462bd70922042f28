package dev.jwasm.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * The CLI's one point of contact with the WAST script runner ({@code dev.jwasm.core.text.wast}): runs
 * scripts and prints the runner's summary, one line per file and a closing {@code N passed, M failed}.
 */
final class WastScripts {
    private WastScripts() {
    }

    /** Whether this build contains the script runner (false until it lands). */
    static boolean available() {
        return false;
    }

    /**
     * Runs {@code files} in order and prints their summary to {@code out}.
     *
     * @return true when no command of any script failed
     */
    static boolean run(List<Path> files, PrintStream out, PrintStream err) {
        throw new CliException("this build has no WAST script runner yet (dev.jwasm.core.text.wast)");
    }
}
