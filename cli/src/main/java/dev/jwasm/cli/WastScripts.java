package dev.jwasm.cli;

import dev.jwasm.api.Tier;
import dev.jwasm.core.text.wast.WastFileResult;
import dev.jwasm.core.text.wast.WastResult;
import dev.jwasm.core.text.wast.WastRunner;
import dev.jwasm.core.text.wast.WastSummary;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The CLI's one point of contact with the WAST script runner ({@code dev.jwasm.core.text.wast}): runs
 * scripts and prints the runner's summary, one line per file and a closing {@code N passed, M failed}.
 */
final class WastScripts {
    private WastScripts() {
    }

    /**
     * Runs {@code files} in order, printing each file's line as it finishes and the totals at the end to
     * {@code out}, and every failed command ({@code file:line kind FAILED: why}) to {@code err}.
     *
     * @return true when no command of any script failed
     */
    static boolean run(List<Path> files, Tier tier, Duration commandTimeout, PrintStream out, PrintStream err) {
        WastRunner runner = WastRunner.builder().tier(tier).commandTimeout(commandTimeout).build();
        WastSummary summary = new WastSummary();
        for (Path file : files) {
            WastFileResult result = runner.run(file);
            for (WastResult failure : result.failures()) {
                err.println(failure);
            }
            out.println(WastSummary.fileLine(result));
            summary.add(result);
        }
        String notes = summary.notesLine();
        if (notes != null) {
            out.println(notes);
        }
        out.println(summary.totalLine());
        return summary.ok();
    }
}
