package dev.jwasm.core.text.wast;

import java.util.ArrayList;
import java.util.List;

/**
 * Totals over several script runs, formatted the way {@code jwasm wast} prints them:
 *
 * <pre>
 * PASS i32.wast passed=460 failed=0 skipped=0
 * FAIL f32.wast passed=2500 failed=14 skipped=0
 * message mismatches: 3 (assert_invalid rejected as malformed: 1)
 * 2960 passed, 14 failed
 * </pre>
 *
 * The notes line appears only when there is something to note; the last line gets {@code ", K skipped"}
 * when K &gt; 0. Not thread-safe.
 */
public final class WastSummary {
    private final List<WastFileResult> files = new ArrayList<>();

    public WastSummary add(WastFileResult result) {
        files.add(result);
        return this;
    }

    public List<WastFileResult> files() {
        return List.copyOf(files);
    }

    public long passed() {
        return files.stream().mapToLong(WastFileResult::passed).sum();
    }

    public long failed() {
        return files.stream().mapToLong(WastFileResult::failed).sum();
    }

    public long skipped() {
        return files.stream().mapToLong(WastFileResult::skipped).sum();
    }

    public long messageMismatches() {
        return files.stream().mapToLong(WastFileResult::messageMismatches).sum();
    }

    public long invalidAsMalformed() {
        return files.stream().mapToLong(WastFileResult::invalidAsMalformed).sum();
    }

    /** True when no command of any file failed. */
    public boolean ok() {
        return failed() == 0;
    }

    /** {@code PASS <file> passed=N failed=M skipped=K}, or {@code FAIL ...} when something failed. */
    public static String fileLine(WastFileResult r) {
        return (r.ok() ? "PASS " : "FAIL ") + r.file() + " passed=" + r.passed() + " failed=" + r.failed()
                + " skipped=" + r.skipped();
    }

    /** {@code N passed, M failed}, plus {@code , K skipped} when K &gt; 0. */
    public String totalLine() {
        long skipped = skipped();
        return passed() + " passed, " + failed() + " failed" + (skipped > 0 ? ", " + skipped + " skipped" : "");
    }

    /** The loose-match statistics, or null when every pass matched exactly. */
    public String notesLine() {
        long mismatches = messageMismatches();
        long asMalformed = invalidAsMalformed();
        if (mismatches == 0 && asMalformed == 0) {
            return null;
        }
        return "message mismatches: " + mismatches + " (assert_invalid rejected as malformed: " + asMalformed + ")";
    }

    /** One line per file, the notes line if any, then the totals line; lines end with {@code \n}. */
    public String format() {
        StringBuilder sb = new StringBuilder();
        for (WastFileResult r : files) {
            sb.append(fileLine(r)).append('\n');
        }
        String notes = notesLine();
        if (notes != null) {
            sb.append(notes).append('\n');
        }
        return sb.append(totalLine()).append('\n').toString();
    }
}
