package dev.jwasm.cli;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses the human-friendly sizes and durations of the limit options ({@code --max-memory 64M}, {@code --timeout 2s}). */
final class Quantities {
    private static final Pattern BYTES = Pattern.compile("(\\d+)\\s*([kmg]?)(i?b)?");
    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h)?");

    /** About 31 years; keeps the nanosecond count far from overflow. */
    private static final double MAX_MILLIS = 1e12;

    private Quantities() {
    }

    /**
     * A byte count with an optional binary suffix: {@code 65536}, {@code 64K}, {@code 16M}, {@code 1G}
     * (also {@code KiB}, {@code MB}...; all powers of 1024).
     */
    static long bytes(String text) {
        Matcher m = BYTES.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("invalid size '" + text + "': expected BYTES with an optional K, M or G suffix");
        }
        int shift = switch (m.group(2)) {
            case "k" -> 10;
            case "m" -> 20;
            case "g" -> 30;
            default -> 0;
        };
        try {
            long n = Long.parseLong(m.group(1));
            if (n > (Long.MAX_VALUE >> shift)) {
                throw new NumberFormatException();
            }
            return n << shift;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalid size '" + text + "': too large");
        }
    }

    /** A duration: {@code 500ms}, {@code 2s}, {@code 1.5s}, {@code 1m}, {@code 1h}; a bare number is seconds. */
    static Duration duration(String text) {
        Matcher m = DURATION.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("invalid duration '" + text + "': expected e.g. 500ms, 2s, 1m");
        }
        String unit = m.group(2) == null ? "s" : m.group(2);
        double millisPerUnit = switch (unit) {
            case "ms" -> 1;
            case "m" -> 60_000;
            case "h" -> 3_600_000;
            default -> 1_000;
        };
        double millis = Double.parseDouble(m.group(1)) * millisPerUnit;
        if (millis <= 0) {
            throw new IllegalArgumentException("invalid duration '" + text + "': must be positive");
        }
        if (millis > MAX_MILLIS) {
            throw new IllegalArgumentException("invalid duration '" + text + "': too large");
        }
        return Duration.ofNanos(Math.round(millis * 1_000_000));
    }
}
