package dev.jwasm.core.text.wast;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class WastSummaryTest {
    private static WastFileResult file(String name, WastResult... results) {
        return new WastFileResult(name, List.of(results), Duration.ZERO);
    }

    @Test
    void printsOneLinePerFileThenTheTotals() {
        WastSummary summary = new WastSummary()
                .add(file("a.wast", WastResult.passed("a.wast", 1, "module"), WastResult.passed("a.wast", 2, "invoke")))
                .add(file("b.wast", WastResult.passed("b.wast", 1, "module"),
                        WastResult.failed("b.wast", 3, "assert_return", "expected [i32:1], got [i32:2]")));
        assertEquals("PASS a.wast passed=2 failed=0 skipped=0\n"
                + "FAIL b.wast passed=1 failed=1 skipped=0\n"
                + "3 passed, 1 failed\n", summary.format());
    }

    @Test
    void skipsAndLooseMatchesAreCounted() {
        WastSummary summary = new WastSummary().add(file("c.wast",
                WastResult.skipped("c.wast", 1, "assert_return", "simd", "v128"),
                WastResult.passedWithRemark("c.wast", 2, "assert_invalid", WastRemark.MESSAGE_MISMATCH, "x"),
                WastResult.passedWithRemark("c.wast", 3, "assert_invalid", WastRemark.INVALID_AS_MALFORMED, "y")));
        assertEquals("PASS c.wast passed=2 failed=0 skipped=1\n"
                + "message mismatches: 1 (assert_invalid rejected as malformed: 1)\n"
                + "2 passed, 0 failed, 1 skipped\n", summary.format());
    }
}
