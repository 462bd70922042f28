package dev.jwasm.jit.emit;

import static org.objectweb.asm.Opcodes.*;

/**
 * Value kinds of the emitters' type stack and their JVM opcodes. {@code 'I'} is i32, {@code 'J'} i64,
 * {@code 'F'} f32 as a JVM float, {@code 'D'} f64 as a JVM double, {@code 'A'} a reference. The lower-case
 * {@code 'f'} and {@code 'd'} are unsettled floats: a NaN among them may have platform-dependent bits and
 * stands for the canonical NaN (arithmetic results; also values that are never NaN, such as constants).
 * They live on the operand stack and in lazy float locals until an instruction could observe their bits,
 * where {@link NanCanonicaliser} turns them into upper-case (exact) values.
 */
final class Kinds {
    private Kinds() {
    }

    /** The kind with its NaN flag cleared: what the JVM holds. */
    static char exact(char k) {
        return k == 'f' ? 'F' : k == 'd' ? 'D' : k;
    }

    /** Whether {@code k} may hold a NaN with platform-dependent bits. */
    static boolean unsettled(char k) {
        return k == 'f' || k == 'd';
    }

    /** The kind of an arithmetic result of float kind {@code k}. */
    static char unsettledOf(char k) {
        return exact(k) == 'F' ? 'f' : 'd';
    }

    /** Whether a value of kind {@code k} takes two JVM slots. */
    static boolean wide(char k) {
        char x = exact(k);
        return x == 'J' || x == 'D';
    }

    static int load(char k) {
        return switch (exact(k)) {
            case 'I' -> ILOAD;
            case 'J' -> LLOAD;
            case 'F' -> FLOAD;
            case 'D' -> DLOAD;
            default -> ALOAD;
        };
    }

    static int store(char k) {
        return switch (exact(k)) {
            case 'I' -> ISTORE;
            case 'J' -> LSTORE;
            case 'F' -> FSTORE;
            case 'D' -> DSTORE;
            default -> ASTORE;
        };
    }

    static int ret(char k) {
        return switch (exact(k)) {
            case 'I' -> IRETURN;
            case 'J' -> LRETURN;
            case 'F' -> FRETURN;
            case 'D' -> DRETURN;
            default -> ARETURN;
        };
    }

    /** The instruction pushing the kind's default value (zero bits, or null). */
    static int zero(char k) {
        return switch (exact(k)) {
            case 'I' -> ICONST_0;
            case 'J' -> LCONST_0;
            case 'F' -> FCONST_0;
            case 'D' -> DCONST_0;
            default -> ACONST_NULL;
        };
    }
}
