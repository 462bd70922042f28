package dev.jwasm.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.LogbackServiceProvider;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.Logger;
import org.slf4j.Marker;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.BasicMDCAdapter;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.spi.LoggingEventBuilder;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * The SLF4J provider of the {@code jwasm} command: Logback, started only when a message is actually logged.
 *
 * <p>Why: WASI and the runtime hold SLF4J loggers and log at debug level on every run; starting Logback
 * for that cost some 55 ms of a 300 ms {@code hello.wasm} run, although at the default level (warn)
 * nothing is printed. Until Logback starts, the loggers answer level checks from {@code --log-level}
 * (Logback's configuration in {@link LogSetup} sets only the root level); the first message at an enabled
 * level starts Logback and from then on every logger delegates to it. With
 * {@code -Dlogback.configurationFile} the file may set any level, so Logback starts at once.
 *
 * <p>{@link Main#main} selects this provider through the {@code slf4j.provider} property; embedders and
 * tests get Logback as found by SLF4J's service loader.
 */
public final class LazyLogback implements SLF4JServiceProvider {
    private static volatile LazyLogback active;

    /** Made when Logback starts: constructing it already builds a logger context (~2 ms at start-up). */
    private LogbackServiceProvider logback;
    private final IMarkerFactory markers = new BasicMarkerFactory();
    private final MDCAdapter mdc = new BasicMDCAdapter();
    private final ILoggerFactory loggers = new LazyLoggers();
    private volatile Level threshold = Level.WARN;
    private volatile boolean started;

    @Override
    public void initialize() {
        active = this;
        if (System.getProperty("logback.configurationFile") != null) {
            start();
        }
    }

    /**
     * Sets the root level: on Logback if it has started, else remembered for when it does.
     *
     * @return false if this provider is not SLF4J's, so the caller must set the level some other way
     */
    static boolean setLevel(Level level) {
        LazyLogback provider = active;
        if (provider == null) {
            return false;
        }
        provider.level(level);
        return true;
    }

    /** Sets the root level of this provider's loggers. */
    synchronized void level(Level level) {
        threshold = level;
        if (started) {
            root().setLevel(level);
        }
    }

    /** Whether Logback has been started (a message was logged). */
    boolean started() {
        return started;
    }

    private synchronized ILoggerFactory start() {
        if (!started) {
            logback = new LogbackServiceProvider();
            logback.initialize();
            started = true;
            if (System.getProperty("logback.configurationFile") == null) {
                root().setLevel(threshold);
            }
        }
        return logback.getLoggerFactory();
    }

    /** The threshold as an SLF4J level number ({@link org.slf4j.event.Level#toInt}). */
    private int threshold() {
        Level level = threshold;
        return level == Level.OFF ? Integer.MAX_VALUE : Level.toLocationAwareLoggerInteger(level);
    }

    private ch.qos.logback.classic.Logger root() {
        return (ch.qos.logback.classic.Logger) logback.getLoggerFactory().getLogger(Logger.ROOT_LOGGER_NAME);
    }

    @Override
    public ILoggerFactory getLoggerFactory() {
        return loggers;
    }

    @Override
    public IMarkerFactory getMarkerFactory() {
        return markers;
    }

    @Override
    public MDCAdapter getMDCAdapter() {
        return mdc;
    }

    @Override
    public String getRequestedApiVersion() {
        return LogbackServiceProvider.REQUESTED_API_VERSION;
    }

    /** A logger that answers level checks itself until Logback has started, then delegates to Logback's. */
    /** The factory, as a class rather than {@code LazyLogger::new}: no call site to bootstrap at start-up. */
    private final class LazyLoggers implements ILoggerFactory {
        @Override
        public Logger getLogger(String name) {
            return new LazyLogger(name);
        }
    }

    private final class LazyLogger extends LegacyAbstractLogger {
        private static final long serialVersionUID = 1L;

        LazyLogger(String name) {
            this.name = name;
        }

        private boolean enabled(org.slf4j.event.Level level) {
            return started ? start().getLogger(name).isEnabledForLevel(level) : level.toInt() >= threshold();
        }

        @Override
        public boolean isTraceEnabled() {
            return enabled(org.slf4j.event.Level.TRACE);
        }

        @Override
        public boolean isDebugEnabled() {
            return enabled(org.slf4j.event.Level.DEBUG);
        }

        @Override
        public boolean isInfoEnabled() {
            return enabled(org.slf4j.event.Level.INFO);
        }

        @Override
        public boolean isWarnEnabled() {
            return enabled(org.slf4j.event.Level.WARN);
        }

        @Override
        public boolean isErrorEnabled() {
            return enabled(org.slf4j.event.Level.ERROR);
        }

        @Override
        protected String getFullyQualifiedCallerName() {
            return null;
        }

        @Override
        protected void handleNormalizedLoggingCall(org.slf4j.event.Level level, Marker marker, String message,
                Object[] arguments, Throwable throwable) {
            LoggingEventBuilder event = start().getLogger(name).atLevel(level).setCause(throwable);
            if (marker != null) {
                event.addMarker(marker);
            }
            event.log(message, arguments == null ? new Object[0] : arguments);
        }
    }
}
