package dev.jwasm.core.validate;

/** Typing rules of the 0xFE-prefixed atomic (threads) instructions. */
final class AtomicRules {
    private AtomicRules() {
    }

    static void apply(CodeValidator v, int op) {
        throw v.error("unsupported atomic instruction " + op);
    }
}
