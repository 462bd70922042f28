package dev.jwasm.core.text.wast;

import dev.jwasm.api.Engine;
import dev.jwasm.api.Linker;
import dev.jwasm.api.TextFormatException;
import dev.jwasm.api.Tier;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Runs WebAssembly script ({@code .wast}) files such as the official testsuite: every command becomes a
 * {@link WastResult}, and no failure stops the rest of a script. Each run gets its own module registry
 * and fresh {@code spectest} memories and tables; the spectest functions and globals are shared.
 *
 * <pre>{@code
 * WastRunner runner = WastRunner.builder().tier(Tier.INTERP).build();
 * WastSummary summary = new WastSummary();
 * for (Path file : files) {
 *     WastFileResult result = runner.run(file);
 *     System.out.println(WastSummary.fileLine(result));
 *     summary.add(result);
 * }
 * System.out.println(summary.totalLine());
 * }</pre>
 *
 * <p>Thread-safe: concurrent runs share only the engine, the spectest functions and globals, and the
 * output sink (which must then tolerate concurrent calls).
 */
public final class WastRunner {
    /** Default wall-clock limit for one command. */
    public static final Duration DEFAULT_COMMAND_TIMEOUT = Duration.ofSeconds(20);
    private static final long DEFAULT_STACK_SIZE = 512L * 1024 * 1024;
    private static final Duration MAX_GUARD_GRACE = Duration.ofSeconds(5);

    private final Engine engine;
    private final SpectestModule spectest;
    private final Duration commandTimeout;
    private final long stackSize;

    private WastRunner(Builder b) {
        this.commandTimeout = b.commandTimeout;
        this.engine = b.engine != null ? b.engine
                : Engine.builder().tier(b.tier).timeout(b.commandTimeout).build();
        this.spectest = new SpectestModule(b.output);
        this.stackSize = b.stackSize;
    }

    /** A runner with the default engine (interpreter tier), discarding spectest prints. */
    public static WastRunner create() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Engine engine() {
        return engine;
    }

    /** Reads, parses and runs a script; a file that cannot be read or parsed gives one failed result. */
    public WastFileResult run(Path file) {
        String name = file.toString();
        long start = System.nanoTime();
        String source;
        try {
            source = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return scriptFailure(name, 0, "cannot read script: " + e, start);
        }
        return run(name, source);
    }

    /** Parses and runs script text; {@code name} labels the results. */
    public WastFileResult run(String name, String source) {
        long start = System.nanoTime();
        WastScript script;
        try {
            script = WastParser.parse(name, source);
        } catch (TextFormatException e) {
            return scriptFailure(name, e.line(), "cannot parse script: " + e.getMessage(), start);
        } catch (RuntimeException e) {
            return scriptFailure(name, 0, "cannot parse script: " + e, start);
        }
        return run(script);
    }

    /** Runs an already parsed script (parse once, run on several tiers). */
    public WastFileResult run(WastScript script) {
        long start = System.nanoTime();
        Linker linker = new Linker(engine);
        spectest.defineIn(linker);
        ScriptState state = new ScriptState(script.name(), linker);
        CommandDispatcher dispatcher = new CommandDispatcher(state);
        List<WastResult> results = new ArrayList<>(script.commands().size());
        try (CommandGuard guard = new CommandGuard(guardLimit(), stackSize)) {
            for (WastCommand command : script.commands()) {
                Reporter reporter = Reporter.of(script.name(), command);
                results.add(guard.run(reporter, () -> dispatcher.run(reporter, command)));
            }
        }
        return new WastFileResult(script.name(), results, Duration.ofNanos(System.nanoTime() - start));
    }

    /** The engine's own timeout traps first; the guard only catches a command that ignores it. */
    private Duration guardLimit() {
        Duration grace = commandTimeout.dividedBy(4);
        return commandTimeout.plus(grace.compareTo(MAX_GUARD_GRACE) > 0 ? MAX_GUARD_GRACE : grace);
    }

    private static WastFileResult scriptFailure(String name, int line, String message, long start) {
        WastResult failure = WastResult.failed(name, line, "script", message);
        return new WastFileResult(name, List.of(failure), Duration.ofNanos(System.nanoTime() - start));
    }

    /** Configures a {@link WastRunner}. */
    public static final class Builder {
        private Engine engine;
        private Tier tier = Tier.INTERP;
        private Consumer<String> output = line -> { };
        private Duration commandTimeout = DEFAULT_COMMAND_TIMEOUT;
        private long stackSize = DEFAULT_STACK_SIZE;

        private Builder() {
        }

        /** The engine to run modules on; when not set, one is built from {@link #tier} and the timeout. */
        public Builder engine(Engine engine) {
            this.engine = Objects.requireNonNull(engine);
            return this;
        }

        /** The tier of the default engine (ignored when {@link #engine} is set); default {@link Tier#INTERP}. */
        public Builder tier(Tier tier) {
            this.tier = Objects.requireNonNull(tier);
            return this;
        }

        /** Receives one line per value printed by the spectest {@code print*} functions; default: discarded. */
        public Builder output(Consumer<String> output) {
            this.output = Objects.requireNonNull(output);
            return this;
        }

        /**
         * Wall-clock limit for one command (default {@link #DEFAULT_COMMAND_TIMEOUT}). It becomes the default
         * engine's timeout; a command still running a few seconds later is abandoned and reported failed.
         */
        public Builder commandTimeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("timeout must be positive");
            }
            this.commandTimeout = timeout;
            return this;
        }

        /** Stack size in bytes of the thread that runs the commands (deep guest recursion needs room). */
        public Builder threadStackSize(long bytes) {
            if (bytes <= 0) {
                throw new IllegalArgumentException("stack size must be positive");
            }
            this.stackSize = bytes;
            return this;
        }

        public WastRunner build() {
            return new WastRunner(this);
        }
    }
}
