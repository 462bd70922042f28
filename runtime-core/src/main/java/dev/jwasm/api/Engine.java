package dev.jwasm.api;

import java.time.Duration;

/**
 * Engine-wide settings: the execution tier and the limits every instance created through it gets.
 * Immutable and thread-safe; one engine can serve many modules and instances.
 *
 * <pre>{@code
 * Engine engine = Engine.builder().fuel(1_000_000).maxCallDepth(10_000).build();
 * }</pre>
 */
public final class Engine {
    /** Default maximum guest call depth. */
    public static final int DEFAULT_MAX_CALL_DEPTH = 20_000;

    private final Tier tier;
    private final long fuel;
    private final Duration timeout;
    private final long maxMemoryBytes;
    private final int maxCallDepth;

    private Engine(Builder b) {
        this.tier = b.tier;
        this.fuel = b.fuel;
        this.timeout = b.timeout;
        this.maxMemoryBytes = b.maxMemoryBytes;
        this.maxCallDepth = b.maxCallDepth;
    }

    /** An engine with default settings: {@link Tier#AUTO}, no fuel or time limit. */
    public static Engine create() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Tier tier() {
        return tier;
    }

    /** Instruction budget per instance, or -1 for unlimited. */
    public long fuel() {
        return fuel;
    }

    /** Wall-clock limit for each call from the host into an instance, or null for none. */
    public Duration timeout() {
        return timeout;
    }

    /** Largest size in bytes any one memory may grow to, or -1 for the module's own limits only. */
    public long maxMemoryBytes() {
        return maxMemoryBytes;
    }

    /** Maximum guest call depth before a "call stack exhausted" trap. */
    public int maxCallDepth() {
        return maxCallDepth;
    }

    /** Collects engine settings; {@link #build()} makes the immutable {@link Engine}. */
    public static final class Builder {
        private Tier tier = Tier.AUTO;
        private long fuel = -1;
        private Duration timeout;
        private long maxMemoryBytes = -1;
        private int maxCallDepth = DEFAULT_MAX_CALL_DEPTH;

        private Builder() {
        }

        public Builder tier(Tier tier) {
            this.tier = java.util.Objects.requireNonNull(tier);
            return this;
        }

        /** Instruction budget per instance (roughly one unit per instruction); -1 for unlimited. */
        public Builder fuel(long fuel) {
            this.fuel = fuel;
            return this;
        }

        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        public Builder maxMemoryBytes(long bytes) {
            this.maxMemoryBytes = bytes;
            return this;
        }

        public Builder maxCallDepth(int depth) {
            if (depth <= 0) {
                throw new IllegalArgumentException("call depth must be positive");
            }
            this.maxCallDepth = depth;
            return this;
        }

        public Engine build() {
            return new Engine(this);
        }
    }
}
