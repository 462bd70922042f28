package dev.jwasm.core.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.jwasm.api.TrapKind;
import dev.jwasm.api.WasmTrap;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/** Which IndexOutOfBoundsExceptions become the out-of-bounds trap: only those a registered checker threw. */
class BoundsChecksTest {
    /** Stands for a tier's accessor class. */
    static final class Checker {
        static void check(int index, int length) {
            Objects.checkIndex(index, length);
        }
    }

    static {
        BoundsChecks.registerChecker(Checker.class);
    }

    @Test
    void aFailedCheckInARegisteredClassIsTheOutOfBoundsTrap() {
        IndexOutOfBoundsException e = thrown(() -> Checker.check(8, 4));
        WasmTrap trap = BoundsChecks.asTrap(e);
        assertEquals(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS, trap.kind());
        assertEquals("out of bounds memory access", trap.getMessage());
    }

    @Test
    void anyOtherCodesIndexOutOfBoundsExceptionIsNotATrap() {
        assertNull(BoundsChecks.asTrap(thrown(() -> Objects.checkIndex(8, 4))));
        assertNull(BoundsChecks.asTrap(thrown(() -> {
            throw new IndexOutOfBoundsException("host");
        })));
    }

    @Test
    void withoutAStackTraceTheOriginIsUnknownSoItIsTakenForATrap() {
        IndexOutOfBoundsException e = new IndexOutOfBoundsException("no trace");
        e.setStackTrace(new StackTraceElement[0]);
        WasmTrap trap = BoundsChecks.asTrap(e);
        assertEquals(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS, trap.kind());
        assertSame(e, trap.getCause());
    }

    private static IndexOutOfBoundsException thrown(Runnable r) {
        try {
            r.run();
        } catch (IndexOutOfBoundsException e) {
            return e;
        }
        throw new AssertionError("nothing thrown");
    }
}
