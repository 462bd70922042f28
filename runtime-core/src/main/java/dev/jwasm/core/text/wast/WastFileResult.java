package dev.jwasm.core.text.wast;

import java.time.Duration;
import java.util.List;

/**
 * The results of running one script, one per command in source order.
 *
 * @param file the script's name (usually its path)
 * @param elapsed wall-clock time the run took
 */
public record WastFileResult(String file, List<WastResult> results, Duration elapsed) {
    public WastFileResult {
        results = List.copyOf(results);
    }

    public long passed() {
        return count(WastStatus.PASSED);
    }

    public long failed() {
        return count(WastStatus.FAILED);
    }

    public long skipped() {
        return count(WastStatus.SKIPPED);
    }

    /** Passes whose error message did not contain the expected text. */
    public long messageMismatches() {
        return results.stream().filter(r -> r.remark() == WastRemark.MESSAGE_MISMATCH).count();
    }

    /** {@code assert_invalid} passes where the module was already rejected as malformed. */
    public long invalidAsMalformed() {
        return results.stream().filter(r -> r.remark() == WastRemark.INVALID_AS_MALFORMED).count();
    }

    /** True when no command failed (skips allowed). */
    public boolean ok() {
        return failed() == 0;
    }

    /** The failed results only. */
    public List<WastResult> failures() {
        return results.stream().filter(r -> r.status() == WastStatus.FAILED).toList();
    }

    private long count(WastStatus status) {
        return results.stream().filter(r -> r.status() == status).count();
    }
}
