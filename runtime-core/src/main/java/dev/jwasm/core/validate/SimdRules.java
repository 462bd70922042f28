package dev.jwasm.core.validate;

/** Typing rules of the 0xFD-prefixed SIMD instructions. */
final class SimdRules {
    private SimdRules() {
    }

    static void apply(CodeValidator v, int op) {
        throw v.error("unsupported SIMD instruction " + op);
    }
}
