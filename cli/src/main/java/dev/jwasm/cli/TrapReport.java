package dev.jwasm.cli;

import dev.jwasm.api.WasmTrap;
import java.util.List;

/**
 * The text shown for a trap: its message and wasm backtrace, formatted as {@link WasmTrap#describe()} does
 * but kept readable for deep stacks: a run of identical frames (recursion) is shown once with a count, and
 * the listing stops after {@link #MAX_LINES} lines.
 */
final class TrapReport {
    /** Frame lines shown at most; a stack-exhaustion trap can have tens of thousands of frames. */
    static final int MAX_LINES = 50;
    /** Runs of identical frames at least this long are collapsed. */
    private static final int MIN_RUN = 3;

    private TrapReport() {
    }

    static String describe(WasmTrap trap) {
        StringBuilder sb = new StringBuilder(trap.getMessage());
        List<String> frames = trap.wasmBacktrace();
        if (frames.isEmpty()) {
            return sb.toString();
        }
        sb.append("\nwasm backtrace:");
        int i = 0;
        int lines = 0;
        while (i < frames.size()) {
            if (lines == MAX_LINES) {
                sb.append("\n  ... ").append(frames.size() - i).append(" more frames");
                break;
            }
            String frame = frames.get(i);
            int run = runLength(frames, i);
            sb.append("\n  ").append(i).append(": ").append(frame);
            if (run >= MIN_RUN) {
                sb.append("\n  ... ").append(frame).append(" repeated ").append(run - 1).append(" more times");
                i += run;
            } else {
                i++;
            }
            lines++;
        }
        return sb.toString();
    }

    private static int runLength(List<String> frames, int start) {
        String frame = frames.get(start);
        int end = start + 1;
        while (end < frames.size() && frames.get(end).equals(frame)) {
            end++;
        }
        return end - start;
    }
}
