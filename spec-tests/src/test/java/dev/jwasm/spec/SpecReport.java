package dev.jwasm.spec;

import dev.jwasm.api.Tier;
import dev.jwasm.core.text.wast.WastFileResult;
import dev.jwasm.core.text.wast.WastRemark;
import dev.jwasm.core.text.wast.WastResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Collects the per-file outcome of the spec run and writes {@code target/spec-summary.md} and, when
 * blessing, {@code target/expected-failures.generated.txt}.
 */
final class SpecReport {
    /** Counts of one file on one tier; {@code failed} excludes the expected failures. */
    record Row(String file, Tier tier, long passed, long failed, long expectedFailed, long skipped,
               long messageMismatches, long invalidAsMalformed, Duration elapsed) {
    }

    /** Heads the generated list, which is meant to be copied over expected-failures.txt as it is. */
    static final String HEADER = """
            # Known failures of the spec testsuite: file.wast[:line] [@tier]  # reason
            # Generated with -Djwasm.spec.bless=true (see spec-tests/README.md); replace TODO reasons with real ones.
            # A listed command that passes fails the build: remove its line.
            """;

    private static final int MAX_LISTED = 500;

    private final List<Row> rows = new ArrayList<>();
    private final List<String> currentFailures = new ArrayList<>();
    private final List<String> looseMatches = new ArrayList<>();
    private final long started = System.nanoTime();

    synchronized void record(String file, Tier tier, WastFileResult result, ExpectedFailures expected) {
        long expectedFailed = result.failures().stream()
                .filter(r -> expected.lookup(file, r.line(), tier).isPresent())
                .count();
        rememberFailures(file, tier, result, expected);
        result.results().stream()
                .filter(r -> r.remark() != WastRemark.NONE)
                .forEach(r -> looseMatches.add("- " + r.location() + " " + r.kind() + " (" + tier + "): " + r.message()));
        rows.add(new Row(file, tier, result.passed(), result.failed() - expectedFailed, expectedFailed,
                result.skipped(), result.messageMismatches(), result.invalidAsMalformed(), result.elapsed()));
    }

    /**
     * Lines for the generated list, keeping the current list's reasons and granularity: a file listed as a
     * whole stays one entry, and so does a proposal's file that is not listed yet (proposals are tracked as
     * a whole until someone implements them); otherwise one entry per failing command.
     */
    private void rememberFailures(String file, Tier tier, WastFileResult result, ExpectedFailures expected) {
        List<WastResult> failures = result.failures();
        if (failures.isEmpty()) {
            return;
        }
        String tierTag = SpecTiers.TIERS.size() > 1 ? " @" + tier.name().toLowerCase(Locale.ROOT) : "";
        Optional<ExpectedFailures.Entry> wholeFile = expected.find(file, 0, tier);
        if (wholeFile.isPresent()) {
            currentFailures.add(file + tierTag + "  # " + wholeFile.get().reason());
        } else if (file.startsWith("proposals/") && expected.entriesFor(file, tier).isEmpty()) {
            currentFailures.add(file + tierTag + "  # TODO proposal " + file.split("/")[1] + ": "
                    + failures.size() + " failing commands");
        } else {
            for (WastResult r : failures) {
                String reason = expected.find(file, r.line(), tier)
                        .map(ExpectedFailures.Entry::reason)
                        .orElseGet(() -> category(r));
                currentFailures.add(file + ":" + r.line() + tierTag + "  # " + reason);
            }
        }
    }

    synchronized boolean isEmpty() {
        return rows.isEmpty();
    }

    /** A reason placeholder for the generated expected-failures list, from what kind of failure it is. */
    static String category(WastResult r) {
        String m = r.message();
        String what;
        if (m.startsWith("timed out")) {
            what = "timeout";
        } else if (m.contains("is not available")) {
            what = "depends on a module that failed";
        } else if (m.startsWith("module failed to compile")) {
            what = "module rejected";
        } else if (m.startsWith("module failed to instantiate")) {
            what = "instantiation failed";
        } else if (m.contains(", got ") && !m.contains("Exception")) {
            what = "wrong outcome";
        } else {
            what = "error";
        }
        String detail = m.length() > 100 ? m.substring(0, 100) + "..." : m;
        return "TODO " + r.kind() + ", " + what + ": " + detail.replace('\n', ' ');
    }

    synchronized void writeSummary(Path target) throws IOException {
        Files.createDirectories(target.getParent());
        Files.writeString(target, markdown(), StandardCharsets.UTF_8);
    }

    synchronized void writeGeneratedExpectedFailures(Path target) throws IOException {
        Files.createDirectories(target.getParent());
        StringBuilder sb = new StringBuilder(HEADER);
        currentFailures.forEach(line -> sb.append(line).append('\n'));
        Files.writeString(target, sb.toString(), StandardCharsets.UTF_8);
    }

    private String markdown() {
        StringBuilder sb = new StringBuilder("# Spec testsuite summary\n\n");
        sb.append("| file | tier | passed | failed | expected-fail | skipped | ms |\n");
        sb.append("|---|---|---:|---:|---:|---:|---:|\n");
        long[] totals = new long[6];
        for (Row r : rows) {
            sb.append("| ").append(r.file()).append(" | ").append(r.tier()).append(" | ").append(r.passed())
                    .append(" | ").append(r.failed()).append(" | ").append(r.expectedFailed()).append(" | ")
                    .append(r.skipped()).append(" | ").append(r.elapsed().toMillis()).append(" |\n");
            totals[0] += r.passed();
            totals[1] += r.failed();
            totals[2] += r.expectedFailed();
            totals[3] += r.skipped();
            totals[4] += r.messageMismatches();
            totals[5] += r.invalidAsMalformed();
        }
        long elapsed = Duration.ofNanos(System.nanoTime() - started).toMillis();
        sb.append("| **total** | | **").append(totals[0]).append("** | **").append(totals[1]).append("** | **")
                .append(totals[2]).append("** | **").append(totals[3]).append("** | ").append(elapsed)
                .append(" |\n\n");
        sb.append("Passes whose error message differs from the reference interpreter's: ").append(totals[4])
                .append("; assert_invalid modules already rejected as malformed: ").append(totals[5]).append(".\n");
        if (!looseMatches.isEmpty()) {
            sb.append("\n## Loose matches\n\n");
            looseMatches.stream().limit(MAX_LISTED).forEach(line -> sb.append(line.replace('\n', ' ')).append('\n'));
            if (looseMatches.size() > MAX_LISTED) {
                sb.append("- ... and ").append(looseMatches.size() - MAX_LISTED).append(" more\n");
            }
        }
        return sb.toString();
    }

    /**
     * The totals printed at the end of the run: known failures on their own line, then a closing line in the
     * plain {@code N passed, M failed, K skipped} form CI reads, where M counts only unexpected failures.
     */
    synchronized String totals() {
        long passed = rows.stream().mapToLong(Row::passed).sum();
        long failed = rows.stream().mapToLong(Row::failed).sum();
        long skipped = rows.stream().mapToLong(Row::skipped).sum();
        long expectedFailed = rows.stream().mapToLong(Row::expectedFailed).sum();
        return "spec: " + expectedFailed + " known failures (expected-failures.txt)\n"
                + "spec: " + passed + " passed, " + failed + " failed, " + skipped + " skipped";
    }
}
