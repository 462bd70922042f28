package dev.jwasm.bench;

import dev.jwasm.api.WasmModule;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/** The committed workloads under {@code src/main/resources/workloads}. */
final class Workloads {
    private Workloads() {
    }

    /** Parses workload {@code file} (a {@code .wasm} or {@code .wat}). */
    static WasmModule module(String file) {
        return WasmModule.parse(bytes(file));
    }

    /** The text of workload resource {@code file}. */
    static String text(String file) {
        return new String(bytes(file), StandardCharsets.UTF_8);
    }

    /** The argument yardstick workload {@code program} runs with, from {@code sizes.properties}. */
    static int size(String program) {
        Properties sizes = new Properties();
        try {
            sizes.load(new StringReader(text("sizes.properties")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Integer.parseInt(sizes.getProperty(program));
    }

    private static byte[] bytes(String file) {
        try (InputStream in = Workloads.class.getResourceAsStream("/workloads/" + file)) {
            if (in == null) {
                throw new IllegalArgumentException("no workload " + file);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
