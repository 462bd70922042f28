package dev.jwasm.spec;

import dev.jwasm.api.Tier;
import java.util.List;

/** The execution tiers the testsuite runs on: the one place to add a tier (the JIT) when it lands. */
final class SpecTiers {
    static final List<Tier> TIERS = List.of(Tier.INTERP, Tier.JIT);

    private SpecTiers() {
    }
}
