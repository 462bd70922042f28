package dev.jwasm.cli;

import dev.jwasm.api.Tier;
import org.slf4j.LoggerFactory;

/** Chooses the execution tier actually used for a {@code --tier} request. */
final class Tiers {
    /**
     * Whether the JIT (module jit-asm) is on the class path; without it {@code --tier jit} runs the
     * interpreter rather than failing, so scripts written for the JIT keep working.
     */
    private static final boolean JIT_AVAILABLE = dev.jwasm.core.runtime.TierUp.compilerAvailable();

    private Tiers() {
    }

    static Tier effective(Tier requested) {
        if (requested == Tier.JIT && !JIT_AVAILABLE) {
            LoggerFactory.getLogger(Tiers.class).debug("the JIT tier is not available yet; using the interpreter");
            return Tier.INTERP;
        }
        return requested;
    }
}
