package dev.jwasm.cli;

import dev.jwasm.api.Engine;
import dev.jwasm.api.Tier;
import java.time.Duration;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** Resource limits and the execution tier of {@code jwasm run}, mapped onto {@link Engine.Builder}. */
final class LimitOptions {
    @Option(names = "--fuel", paramLabel = "N", order = 20,
            description = "Stop the guest with a trap after about N instructions.")
    Long fuel;

    @Option(names = "--timeout", paramLabel = "DURATION", order = 21, converter = DurationConverter.class,
            description = "Stop the guest with a trap after this wall-clock time, e.g. 500ms, 2s, 1m.")
    Duration timeout;

    @Option(names = "--max-memory", paramLabel = "BYTES", order = 22, converter = ByteSizeConverter.class,
            description = "Largest size any one linear memory may reach, e.g. 65536, 64K, 16M, 1G.")
    Long maxMemory;

    @Option(names = "--max-stack", paramLabel = "DEPTH", order = 23,
            description = "Maximum guest call depth (default: ${DEFAULT-VALUE}).")
    int maxStack = Engine.DEFAULT_MAX_CALL_DEPTH;

    @Option(names = "--tier", paramLabel = "TIER", order = 24,
            description = "Execution tier: interp, jit (compile every function before its first call) or auto "
                    + "(default: small modules compiled at instantiation, larger ones when hot).")
    Tier tier = Tier.AUTO;

    /** The engine these options describe. @throws CliException for a non-positive limit */
    Engine engine() {
        Engine.Builder b = Engine.builder().tier(Tiers.effective(tier));
        if (fuel != null) {
            requirePositive(fuel, "--fuel");
            b.fuel(fuel);
        }
        if (timeout != null) {
            b.timeout(timeout);
        }
        if (maxMemory != null) {
            b.maxMemoryBytes(maxMemory);
        }
        requirePositive(maxStack, "--max-stack");
        return b.maxCallDepth(maxStack).build();
    }

    private static void requirePositive(long value, String option) {
        if (value <= 0) {
            throw new CliException(option + " must be positive, got " + value, ExitCodes.USAGE);
        }
    }

    /** Picocli converter for {@link Quantities#duration}. */
    static final class DurationConverter implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            try {
                return Quantities.duration(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** Picocli converter for {@link Quantities#bytes}. */
    static final class ByteSizeConverter implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            try {
                return Quantities.bytes(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
