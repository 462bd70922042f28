package dev.jwasm.core.validate;

import dev.jwasm.core.model.GlobalType;

/**
 * Which instructions a constant expression may contain (WebAssembly 3.0 with extended-const and GC):
 * constants, {@code ref.null}, {@code ref.func}, {@code global.get} of a visible immutable global,
 * integer add/sub/mul, and the allocating GC instructions. Typing itself is the code validator's.
 */
final class ConstExprRules {
    private ConstExprRules() {
    }

    /** Throws "constant expression required" unless {@code op} (not yet consumed further) is constant. */
    static void check(CodeValidator v, int op) {
        switch (op) {
            case 0x0B, 0x41, 0x42, 0x43, 0x44, 0xD0, 0xD2, 0x6A, 0x6B, 0x6C, 0x7C, 0x7D, 0x7E -> {
            }
            case 0x23 -> checkGlobal(v);
            case 0xFB -> {
                int sub = peekU32(v);
                if (!(sub == 0 || sub == 1 || (sub >= 6 && sub <= 8) || (sub >= 26 && sub <= 28))) {
                    throw v.error("constant expression required");
                }
            }
            case 0xFD -> {
                if (peekU32(v) != 12) {
                    throw v.error("constant expression required");
                }
            }
            default -> throw v.error("constant expression required");
        }
    }

    private static int peekU32(CodeValidator v) {
        int at = v.r.pos();
        int value = v.r.u32();
        v.r.seek(at);
        return value;
    }

    private static void checkGlobal(CodeValidator v) {
        int at = v.r.pos();
        int x = v.r.index();
        v.r.seek(at);
        if (x >= v.constGlobalLimit) {
            throw v.error("unknown global " + x);
        }
        GlobalType g = v.global(x);
        if (g.mutable()) {
            throw v.error("constant expression required");
        }
    }
}
