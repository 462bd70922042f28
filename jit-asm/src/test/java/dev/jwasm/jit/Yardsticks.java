package dev.jwasm.jit;

import dev.jwasm.api.Engine;
import dev.jwasm.api.Linker;
import dev.jwasm.api.Tier;
import dev.jwasm.api.WasmModule;
import dev.jwasm.wasi.Wasi;
import dev.jwasm.wasi.WasiConfig;
import dev.jwasm.wasi.WasiExitException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;

/** The yardstick programs of {@code shared/bench} (WASI commands) for tests: where they are and how to run one. */
public final class Yardsticks {
    private Yardsticks() {
    }

    /** What a run printed, and its {@code proc_exit} code if it called it (else {@code _start} returned). */
    public record Run(String stdout, OptionalInt exit) {
    }

    /**
     * The {@code shared/bench} directory (with {@code wasm/} and {@code expected/}): {@code -Djwasm.bench}, or
     * beside the repository seen from a module or from the root.
     */
    public static Optional<Path> benchDir() {
        return Stream.of(System.getProperty("jwasm.bench"), "../../shared/bench", "../shared/bench")
                .filter(p -> p != null && Files.isDirectory(Path.of(p, "wasm"))
                        && Files.isDirectory(Path.of(p, "expected")))
                .map(p -> Path.of(p).toAbsolutePath())
                .findFirst();
    }

    /** Runs the command {@code module} on a fresh instance with these argv words and captures its stdout. */
    public static Run run(WasmModule module, Tier tier, String... args) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        OptionalInt exit = OptionalInt.empty();
        try (Wasi wasi = Wasi.create(WasiConfig.builder().args(args).stdout(out).build())) {
            Linker linker = new Linker(Engine.builder().tier(tier).build());
            wasi.addTo(linker);
            try {
                linker.instantiate(module).function("_start").call();
            } catch (WasiExitException e) {
                exit = OptionalInt.of(e.exitCode());
            }
        }
        return new Run(out.toString(StandardCharsets.UTF_8), exit);
    }
}
