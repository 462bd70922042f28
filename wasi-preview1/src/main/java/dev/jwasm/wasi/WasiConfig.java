package dev.jwasm.wasi;

import dev.jwasm.wasi.fs.Preopen;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;

/**
 * What a WASI guest may see and touch. Everything is denied unless granted here: no arguments, no
 * environment, no files, no network, empty stdin, and stdout/stderr discarded. Grant stdio with
 * {@link Builder#inheritStdio()} (what a command-line runner wants) or the stream setters.
 *
 * <pre>{@code
 * WasiConfig config = WasiConfig.builder()
 *         .args("prog", "input.txt")
 *         .env("LANG", "C")
 *         .preopen(Path.of("data"), "/data", PreopenMode.READ_ONLY)
 *         .inheritStdio()
 *         .build();
 * }</pre>
 *
 * <p>Immutable.
 */
public final class WasiConfig {
    /** A TCP listener to open and hand to the guest as a preopened socket. */
    public record Listener(String host, int port) {
    }

    private final List<String> args;
    private final Map<String, String> env;
    private final List<Preopen> preopens;
    private final List<Listener> listeners;
    private final InputStream stdin;
    private final OutputStream stdout;
    private final OutputStream stderr;
    private final boolean stdioIsTerminal;
    private final WasiClock clock;
    private final Random random;

    private WasiConfig(Builder b) {
        this.args = List.copyOf(b.args);
        Map<String, String> e = new LinkedHashMap<>();
        if (b.inheritEnv) {
            e.putAll(System.getenv());
        }
        e.putAll(b.env);
        this.env = java.util.Collections.unmodifiableMap(e);
        this.preopens = List.copyOf(b.preopens);
        this.listeners = List.copyOf(b.listeners);
        this.stdin = b.stdin;
        this.stdout = b.stdout;
        this.stderr = b.stderr;
        this.stdioIsTerminal = b.stdioIsTerminal;
        this.clock = b.clock;
        this.random = b.random;
    }

    public static Builder builder() {
        return new Builder();
    }

    public List<String> args() {
        return args;
    }

    /** The variables the guest sees, in order. */
    public Map<String, String> env() {
        return env;
    }

    public List<Preopen> preopens() {
        return preopens;
    }

    public List<Listener> listeners() {
        return listeners;
    }

    public InputStream stdin() {
        return stdin;
    }

    public OutputStream stdout() {
        return stdout;
    }

    public OutputStream stderr() {
        return stderr;
    }

    /** Whether stdio is reported as a character device (so libc line-buffers it), as for a terminal. */
    public boolean stdioIsTerminal() {
        return stdioIsTerminal;
    }

    public WasiClock clock() {
        return clock;
    }

    /** The source of {@code random_get}: the one given to the builder, else the system's {@link SecureRandom}. */
    public Random random() {
        return random != null ? random : SystemRandom.INSTANCE;
    }

    /**
     * Created on first {@code random_get}: setting up the security providers behind a {@link SecureRandom}
     * costs some 20 ms at start-up, which most programs never need.
     */
    private static final class SystemRandom {
        static final Random INSTANCE = new SecureRandom();
    }

    /** Collects a {@link WasiConfig}. Not thread-safe. */
    public static final class Builder {
        private final List<String> args = new ArrayList<>();
        private final Map<String, String> env = new LinkedHashMap<>();
        private boolean inheritEnv;
        private final List<Preopen> preopens = new ArrayList<>();
        private final List<Listener> listeners = new ArrayList<>();
        private InputStream stdin = InputStream.nullInputStream();
        private OutputStream stdout = OutputStream.nullOutputStream();
        private OutputStream stderr = OutputStream.nullOutputStream();
        private boolean stdioIsTerminal;
        private WasiClock clock = WasiClock.system();
        private Random random; // null: the system's SecureRandom, created when first needed

        private Builder() {
        }

        /** Appends command-line arguments; the first is conventionally the program name. */
        public Builder args(String... values) {
            for (String a : values) {
                args.add(Objects.requireNonNull(a));
            }
            return this;
        }

        public Builder args(List<String> values) {
            return args(values.toArray(new String[0]));
        }

        /** Sets one environment variable (overrides an inherited one). */
        public Builder env(String name, String value) {
            if (name.isEmpty() || name.indexOf('=') >= 0) {
                throw new IllegalArgumentException("invalid environment variable name: " + name);
            }
            env.put(name, Objects.requireNonNull(value));
            return this;
        }

        /** Also exposes the whole host environment (explicit variables still win). Off by default. */
        public Builder inheritEnv() {
            inheritEnv = true;
            return this;
        }

        /**
         * Makes host directory {@code hostDir} (of any {@link java.nio.file.FileSystem}) visible as
         * {@code guestPath}. Preopens get descriptors 3, 4, ... in the order added.
         */
        public Builder preopen(Path hostDir, String guestPath, PreopenMode mode) {
            Objects.requireNonNull(mode);
            preopens.add(new Preopen(hostDir, guestPath, mode == PreopenMode.READ_ONLY));
            return this;
        }

        /**
         * Opens a TCP listener on {@code host:port} (port 0 picks a free one; see {@link Wasi#listenerAddresses})
         * and hands it to the guest, numbered after the preopened directories. The guest gets no other network
         * access.
         */
        public Builder listen(String host, int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port out of range: " + port);
            }
            listeners.add(new Listener(Objects.requireNonNull(host), port));
            return this;
        }

        public Builder listen(InetSocketAddress address) {
            return listen(address.getHostString(), address.getPort());
        }

        public Builder stdin(InputStream in) {
            stdin = Objects.requireNonNull(in);
            return this;
        }

        public Builder stdout(OutputStream out) {
            stdout = Objects.requireNonNull(out);
            return this;
        }

        public Builder stderr(OutputStream err) {
            stderr = Objects.requireNonNull(err);
            return this;
        }

        /** Connects the guest's stdin/stdout/stderr to this JVM's. */
        public Builder inheritStdio() {
            stdin = System.in;
            stdout = System.out;
            stderr = System.err;
            stdioIsTerminal = System.console() != null;
            return this;
        }

        public Builder clock(WasiClock c) {
            clock = Objects.requireNonNull(c);
            return this;
        }

        /** The source of {@code random_get}; a seeded {@link Random} makes runs reproducible. */
        public Builder random(Random r) {
            random = Objects.requireNonNull(r);
            return this;
        }

        public WasiConfig build() {
            return new WasiConfig(this);
        }
    }
}
