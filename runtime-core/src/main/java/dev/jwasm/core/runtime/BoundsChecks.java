package dev.jwasm.core.runtime;

import dev.jwasm.api.TrapKind;
import dev.jwasm.api.WasmTrap;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns a compiled tier's failed bounds check into the out-of-bounds trap at the host boundary.
 *
 * <p>A compiled tier may check memory bounds with {@link java.util.Objects#checkIndex(int, int)}, which
 * HotSpot's C2 treats like an array's own range check: it merges the checks of neighbouring accesses on one
 * address and hoists them out of counted loops, where an explicit comparison stays in every access. A failing
 * check throws {@link IndexOutOfBoundsException}. Catching it at each access would cost the inlining budget
 * those checks save, so it travels to the host boundary ({@link FunctionInstance#call}) and becomes the trap
 * there, provided the code that threw it is a class registered here. A host function's own
 * IndexOutOfBoundsException reaches the host unchanged.
 */
public final class BoundsChecks {
    private static final Set<String> CHECKERS = ConcurrentHashMap.newKeySet();

    private BoundsChecks() {
    }

    /** Registers a class whose {@code Objects.checkIndex} failures are out-of-bounds memory accesses. */
    public static void registerChecker(Class<?> checker) {
        CHECKERS.add(checker.getName());
    }

    /**
     * The trap {@code e} stands for, or null when it is not a failed bounds check: its first frame outside
     * the JDK must be a registered class. Without a stack trace (a JVM run with
     * {@code -XX:-StackTraceInThrowable}) the origin is unknown, and a guest's failed access must not escape
     * as a Java exception, so it is taken for a trap, with the exception as its cause.
     */
    public static WasmTrap asTrap(IndexOutOfBoundsException e) {
        StackTraceElement[] frames = e.getStackTrace();
        if (frames.length == 0) {
            return new WasmTrap(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS,
                    TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS.message(), e);
        }
        for (StackTraceElement frame : frames) {
            String cls = frame.getClassName();
            if (!cls.startsWith("java.") && !cls.startsWith("jdk.")) {
                return CHECKERS.contains(cls) ? new WasmTrap(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS) : null;
            }
        }
        return null;
    }
}
