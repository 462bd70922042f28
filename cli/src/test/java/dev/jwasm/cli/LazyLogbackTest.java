package dev.jwasm.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

/** The provider that starts Logback only when something is logged. */
class LazyLogbackTest {
    @Test
    void levelChecksAndSuppressedMessagesDoNotStartLogback() {
        LazyLogback provider = new LazyLogback();
        Logger log = provider.getLoggerFactory().getLogger("test");
        assertFalse(log.isDebugEnabled());
        assertFalse(log.isInfoEnabled());
        assertTrue(log.isWarnEnabled());
        assertTrue(log.isErrorEnabled());
        log.debug("not shown {}", 1);
        log.info("not shown either");
        assertFalse(provider.started());
    }

    @Test
    void theLevelSetBeforeStartDecidesTheChecks() {
        LazyLogback provider = new LazyLogback();
        Logger log = provider.getLoggerFactory().getLogger("test");
        provider.level(Level.DEBUG);
        assertTrue(log.isDebugEnabled());
        assertFalse(log.isTraceEnabled());
        provider.level(Level.OFF);
        assertFalse(log.isErrorEnabled());
        assertFalse(provider.started());
    }

    @Test
    void aMessageAtAnEnabledLevelStartsLogbackWhichThenAnswersTheChecks() {
        LazyLogback provider = new LazyLogback();
        Logger log = provider.getLoggerFactory().getLogger("test");
        provider.level(Level.ERROR);
        log.error("LazyLogbackTest: this line on stderr is expected");
        assertTrue(provider.started());
        assertFalse(log.isWarnEnabled());
        provider.level(Level.INFO);
        assertTrue(log.isInfoEnabled(), "the level reaches Logback's root logger once started");
        assertFalse(log.isDebugEnabled());
    }
}
