package dev.jwasm.jit;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Process-wide counts of compiled functions and of fallbacks to the interpreter by reason. With
 * {@code -Djwasm.jit.stats=true} they are printed to stderr at exit ({@code =<file>}: written to that file) (to see what a workload leaves
 * interpreted).
 */
public final class JitStats {
    private static final LongAdder COMPILED = new LongAdder();
    private static final LongAdder OSR_ENTRIES = new LongAdder();
    private static final LongAdder SPLIT = new LongAdder();
    private static final LongAdder REGIONS = new LongAdder();
    private static final Map<String, LongAdder> FALLBACKS = new ConcurrentHashMap<>();

    static {
        String target = System.getProperty("jwasm.jit.stats", "");
        if (!target.isEmpty() && !target.equals("false")) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> report(target)));
        }
    }

    private JitStats() {
    }

    static void compiled(int count) {
        COMPILED.add(count);
    }

    static void fellBack(String reason) {
        FALLBACKS.computeIfAbsent(reason.replaceAll("\\d+", "N"), r -> new LongAdder()).increment();
    }

    private static void report(String target) {
        if (target.equals("true")) {
            System.err.println(summary());
            return;
        }
        try {
            java.nio.file.Files.writeString(java.nio.file.Path.of(target), summary() + System.lineSeparator());
        } catch (java.io.IOException e) {
            System.err.println(summary());
        }
    }

    /** A function was split into its entry method and {@code regions} outlined region methods. */
    static void split(int regions) {
        SPLIT.increment();
        REGIONS.add(regions);
    }

    /** How many functions were split into several methods because one would be too large for HotSpot. */
    public static long splitCount() {
        return SPLIT.sum();
    }

    /** How many region methods split functions were given in total. */
    public static long regionCount() {
        return REGIONS.sum();
    }

    static void osrEntered() {
        OSR_ENTRIES.increment();
    }

    /** How many interpreted activations continued in compiled code at a loop header. */
    public static long osrEntries() {
        return OSR_ENTRIES.sum();
    }

    public static long compiledCount() {
        return COMPILED.sum();
    }

    public static String summary() {
        Map<String, Long> sorted = new TreeMap<>();
        FALLBACKS.forEach((k, v) -> sorted.put(k, v.sum()));
        return "jwasm jit: " + COMPILED.sum() + " functions compiled (" + SPLIT.sum() + " split into "
                + REGIONS.sum() + " extra methods), " + OSR_ENTRIES.sum() + " OSR entries, interpreted: " + sorted;
    }
}
