package dev.jwasm.core.text.wast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class CommandGuardTest {
    private static final Reporter REPORTER = new Reporter("t.wast", 1, "invoke");

    @Test
    void aCommandThatIgnoresInterruptsIsStoppedAndTheNextOneStillRuns() {
        try (CommandGuard guard = new CommandGuard(Duration.ofMillis(200), 1 << 20)) {
            WastResult stuck = guard.run(REPORTER, () -> {
                while (true) {
                    try {
                        Thread.sleep(10);
                    } catch (InterruptedException ignored) {
                        // a badly behaved command keeps going
                    }
                }
            });
            assertEquals(WastStatus.FAILED, stuck.status());
            assertTrue(stuck.message().startsWith("timed out"), stuck::toString);
            assertEquals(WastStatus.PASSED, guard.run(REPORTER, REPORTER::passed).status());
        }
    }

    @Test
    void anErrorEscapingACommandBecomesAFailure() {
        try (CommandGuard guard = new CommandGuard(Duration.ofSeconds(5), 1 << 20)) {
            WastResult r = guard.run(REPORTER, () -> {
                throw new StackOverflowError();
            });
            assertEquals(WastStatus.FAILED, r.status());
            assertTrue(r.message().contains("StackOverflowError"), r::toString);
        }
    }

    @Test
    void commandsRunOnAThreadWithTheRequestedStack() {
        try (CommandGuard guard = new CommandGuard(Duration.ofSeconds(5), 64L << 20)) {
            WastResult r = guard.run(REPORTER, () -> recurse(200_000) == 200_000 ? REPORTER.passed()
                    : REPORTER.failed("wrong depth"));
            assertEquals(WastStatus.PASSED, r.status(), r::toString);
        }
    }

    private static int recurse(int n) {
        return n == 0 ? 0 : 1 + recurse(n - 1);
    }
}
