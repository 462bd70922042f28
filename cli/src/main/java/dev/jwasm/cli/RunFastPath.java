package dev.jwasm.cli;

import dev.jwasm.api.Tier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Parses the common {@code [--log-level L] run [options] MODULE [ARGS...]} command line without picocli.
 *
 * <p>Why: picocli is compiled for Java 5, so the class-data-sharing archive cannot hold its classes, and it
 * builds its command model by reflection; that was over a third of a {@code hello.wasm} run. This parser
 * fills the same {@link RunCommand} fields with the same converters ({@link Quantities}, {@link LogLevels})
 * and accepts only command lines it is sure about: anything else (help, other subcommands, unknown options,
 * bad or repeated values, {@code --}, {@code @argfiles}) returns null and goes to picocli, which then
 * parses it, reports errors and prints help exactly as before.
 */
final class RunFastPath {
    private static final String RUN = "run";
    private static final String LOG_LEVEL = "--log-level";
    private static final String NO_CACHE = "--no-cache";

    private final RunCommand run;
    private final List<String> logLevels = new ArrayList<>();
    private final Set<String> seen = new HashSet<>();

    private RunFastPath(Streams io) {
        run = new RunCommand(io);
        run.wasi = new WasiOptions();
        run.limits = new LimitOptions();
        run.cache = new CacheOptions();
    }

    /**
     * The run command {@code args} (with the subcommand already inserted by {@link Main#withDefaultCommand})
     * describes, with any {@code --log-level} applied; or null if picocli must handle the line.
     */
    static RunCommand parse(String[] args, Streams io) {
        for (String a : args) {
            if (a.startsWith("@")) {
                return null; // picocli expands argument files anywhere on the line
            }
        }
        RunFastPath p = new RunFastPath(io);
        int i = 0;
        while (i < args.length && args[i].startsWith(LOG_LEVEL)) {
            i = p.option(args, i, true);
            if (i < 0) {
                return null;
            }
        }
        if (i >= args.length || !args[i].equals(RUN)) {
            return null;
        }
        p.seen.clear(); // the top-level command and run may each have one --log-level
        i++;
        while (i < args.length && args[i].startsWith("-")) {
            i = p.option(args, i, false);
            if (i < 0) {
                return null;
            }
        }
        if (i >= args.length) {
            return null; // picocli reports the missing MODULE
        }
        p.run.module = args[i];
        p.run.args = new ArrayList<>(Arrays.asList(args).subList(i + 1, args.length));
        for (String level : p.logLevels) {
            LogLevels.apply(level);
        }
        return p.run;
    }

    /** Takes the option at {@code args[i]} and its value; returns the next index, or -1 to fall back. */
    private int option(String[] args, int i, boolean topLevel) {
        String word = args[i];
        if (word.equals(NO_CACHE) && !topLevel) { // the one option without a value
            run.cache.disabled = true;
            return seen.add(word) ? i + 1 : -1;
        }
        int eq = word.indexOf('=');
        String name = eq < 0 ? word : word.substring(0, eq);
        String value;
        int next;
        if (eq >= 0) {
            value = word.substring(eq + 1);
            next = i + 1;
        } else if (i + 1 < args.length && !args[i + 1].startsWith("-")) {
            value = args[i + 1];
            next = i + 2;
        } else {
            return -1; // no value, or one picocli might take for an option: let it decide
        }
        if (topLevel && !name.equals(LOG_LEVEL)) {
            return -1;
        }
        try {
            return accept(name, value) ? next : -1;
        } catch (IllegalArgumentException e) { // NumberFormatException too: picocli words the error
            return -1;
        }
    }

    private boolean accept(String name, String value) {
        switch (name) {
            case "--dir" -> run.wasi.dirs.add(value);
            case "--env" -> run.wasi.env.add(value);
            case "--tcplisten" -> run.wasi.listens.add(value);
            case "--preload" -> run.preloads.add(value);
            default -> {
                // Picocli rejects a single-valued option given twice.
                return seen.add(name) && acceptSingle(name, value);
            }
        }
        return true;
    }

    private boolean acceptSingle(String name, String value) {
        switch (name) {
            case "--invoke" -> run.invoke = value;
            case "--fuel" -> run.limits.fuel = Long.valueOf(decimal(value));
            case "--timeout" -> run.limits.timeout = Quantities.duration(value);
            case "--max-memory" -> run.limits.maxMemory = Quantities.bytes(value);
            case "--max-stack" -> run.limits.maxStack = Integer.parseInt(decimal(value));
            case "--tier" -> run.limits.tier = tier(value);
            case "--cache-dir" -> run.cache.directory = value;
            case LOG_LEVEL -> {
                LogLevels.check(value);
                logLevels.add(value);
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    /** Plain decimal digits only; other spellings (sign, hex, leading zeros) are left to picocli. */
    private static String decimal(String value) {
        if (value.isEmpty() || value.length() > 1 && value.charAt(0) == '0') {
            throw new IllegalArgumentException(value);
        }
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) < '0' || value.charAt(i) > '9') {
                throw new IllegalArgumentException(value);
            }
        }
        return value;
    }

    private static Tier tier(String value) {
        for (Tier t : Tier.values()) {
            if (t.name().equalsIgnoreCase(value)) {
                return t;
            }
        }
        throw new IllegalArgumentException(value);
    }
}
