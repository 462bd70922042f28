package dev.jwasm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwasm.api.TrapKind;
import dev.jwasm.api.WasmTrap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrapReportTest {
    @Test
    void shortBacktraceReadsExactlyAsTheTrapDescribesItself() {
        WasmTrap trap = trap(TrapKind.UNREACHABLE, List.of("inner", "outer", "_start"));
        assertEquals(trap.describe(), TrapReport.describe(trap));
        assertEquals("unreachable\nwasm backtrace:\n  0: inner\n  1: outer\n  2: _start", TrapReport.describe(trap));
    }

    @Test
    void trapWithoutFramesIsJustItsMessage() {
        assertEquals("all fuel consumed", TrapReport.describe(new WasmTrap(TrapKind.FUEL_EXHAUSTED)));
    }

    @Test
    void recursionIsCollapsedIntoOneFrameWithACount() {
        List<String> frames = new ArrayList<>(Collections.nCopies(1000, "fib"));
        frames.add("_start");
        assertEquals("call stack exhausted\nwasm backtrace:\n  0: fib\n  ... fib repeated 999 more times\n"
                + "  1000: _start", TrapReport.describe(trap(TrapKind.CALL_STACK_EXHAUSTED, frames)));
    }

    @Test
    void twoEqualFramesInARowAreShownAsTheyAre() {
        assertEquals("unreachable\nwasm backtrace:\n  0: f\n  1: f\n  2: g",
                TrapReport.describe(trap(TrapKind.UNREACHABLE, List.of("f", "f", "g"))));
    }

    @Test
    void longListingsStopAfterTheLineLimit() {
        List<String> frames = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            frames.add(i % 2 == 0 ? "even" : "odd");
        }
        String text = TrapReport.describe(trap(TrapKind.CALL_STACK_EXHAUSTED, frames));
        assertEquals(2 + TrapReport.MAX_LINES + 1, text.lines().count(), text);
        assertTrue(text.endsWith("\n  ... 450 more frames"), text);
    }

    private static WasmTrap trap(TrapKind kind, List<String> frames) {
        WasmTrap trap = new WasmTrap(kind);
        trap.setWasmBacktrace(frames);
        return trap;
    }
}
