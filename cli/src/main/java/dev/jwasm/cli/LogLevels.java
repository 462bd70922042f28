package dev.jwasm.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.util.Locale;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

/** Sets the level of jwasm's diagnostics (the Logback root logger) from {@code --log-level}. */
final class LogLevels {
    /** Levels accepted by {@code --log-level}, for help text and completion. */
    static final String CHOICES = "error, warn, info, debug, trace, off";

    private static volatile boolean debug;
    private static volatile boolean changed;

    private LogLevels() {
    }

    /**
     * Applies {@code name} to the root logger.
     *
     * @throws IllegalArgumentException if the name is not one of {@link #CHOICES}
     */
    static void apply(String name) {
        Level level = parse(name);
        debug = level.toInt() <= Level.DEBUG_INT;
        changed = true;
        // Starts SLF4J, which picks its provider: the jwasm command's lazy one, or Logback directly.
        ILoggerFactory loggers = LoggerFactory.getILoggerFactory();
        if (LazyLogback.setLevel(level)) {
            return;
        }
        // Only Logback's root logger has a settable level; another SLF4J binding (in an embedding) keeps its own.
        if (loggers.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME) instanceof Logger root) {
            root.setLevel(level);
        }
    }

    /** @throws IllegalArgumentException if {@code name} is not one of {@link #CHOICES}; changes nothing */
    static void check(String name) {
        parse(name);
    }

    /** Whether {@code --log-level debug} (or trace) was given: the CLI then prints Java stack traces. */
    static boolean debugEnabled() {
        return debug;
    }

    /**
     * Back to the default (WARN) if {@code --log-level} changed it, so commands run one after another in
     * one JVM (tests) do not inherit each other's level. Does not start Logback when nothing changed.
     */
    static void reset() {
        if (changed) {
            apply("warn");
            changed = false;
        }
    }

    private static Level parse(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return switch (n) {
            case "error" -> Level.ERROR;
            case "warn", "warning" -> Level.WARN;
            case "info" -> Level.INFO;
            case "debug" -> Level.DEBUG;
            case "trace" -> Level.TRACE;
            case "off" -> Level.OFF;
            default -> throw new IllegalArgumentException(
                    "unknown log level '" + name + "' (expected one of " + CHOICES + ")");
        };
    }
}
