package dev.jwasm.jit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.jwasm.api.Engine;
import dev.jwasm.api.Instance;
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
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The C yardstick programs of {@code shared/bench} (WASI command modules built by clang) print the same
 * checksums on the JIT as on the interpreter, at sizes small enough for the interpreter.
 */
class YardstickProgramsTest {
    private static Optional<Path> benchDir() {
        return Stream.of(System.getProperty("jwasm.bench"), "../../shared/bench", "../shared/bench",
                        "/work/shared/bench")
                .filter(p -> p != null && Files.isDirectory(Path.of(p, "wasm")))
                .map(Path::of)
                .findFirst();
    }

    private static String run(WasmModule module, Tier tier, String... args) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Wasi wasi = Wasi.create(WasiConfig.builder().args(args).stdout(out).build())) {
            Linker linker = new Linker(Engine.builder().tier(tier).build());
            wasi.addTo(linker);
            Instance instance = linker.instantiate(module);
            try {
                instance.function("_start").call();
            } catch (WasiExitException e) {
                assertEquals(0, e.exitCode(), "exit code");
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"fib,22", "matmul,40", "sha256,1", "nbody,100", "sieve,200000", "qsort,20000",
        "mandelbrot,60", "lz,1", "strings,5000"})
    void programPrintsTheSameOnTheJitAsOnTheInterpreter(String program, String size) throws IOException {
        Optional<Path> bench = benchDir();
        Assumptions.assumeTrue(bench.isPresent(), "shared/bench not found");
        WasmModule module = WasmModule.parse(bench.get().resolve("wasm/" + program + ".wasm"));
        String interp = run(module, Tier.INTERP, program, size);
        assertFalse(interp.isBlank(), "no output");
        assertEquals(interp, run(module, Tier.JIT, program, size));
    }
}
