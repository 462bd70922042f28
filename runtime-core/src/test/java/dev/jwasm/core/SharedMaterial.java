package dev.jwasm.core;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Where tests find the team's shared material ({@code ../shared} beside the repository): the official
 * testsuite and the yardstick modules. Maven runs a module's tests in the module's directory, so the
 * repository's sibling is {@code ../../shared}; {@code ../shared} covers a run from the repository root.
 * Paths are returned even when absent, for callers that skip with a message.
 */
public final class SharedMaterial {
    private SharedMaterial() {
    }

    /** The testsuite root: {@code -Djwasm.testsuite}, else {@code JWASM_TESTSUITE}, else beside the repository. */
    public static Path testsuite() {
        String configured = System.getProperty("jwasm.testsuite", System.getenv("JWASM_TESTSUITE"));
        return configured != null ? Path.of(configured) : besideRepository("testsuite");
    }

    /** The yardstick modules ({@code bench/wasm}): {@code -Djwasm.bench.wasm}, else beside the repository. */
    public static Path benchWasm() {
        String configured = System.getProperty("jwasm.bench.wasm");
        return configured != null ? Path.of(configured) : besideRepository("bench/wasm");
    }

    private static Path besideRepository(String relative) {
        return Stream.of("../../shared/", "../shared/")
                .map(prefix -> Path.of(prefix + relative).toAbsolutePath().normalize())
                .filter(Files::isDirectory)
                .findFirst()
                .orElse(Path.of("../../shared/" + relative).toAbsolutePath().normalize());
    }
}
