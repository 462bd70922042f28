package dev.jwasm.jit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.jwasm.api.Tier;
import dev.jwasm.api.WasmModule;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The C yardstick programs of {@code shared/bench} (WASI command modules built by clang) print the same
 * checksums on the JIT as on the interpreter, at sizes small enough for the interpreter.
 */
class YardstickProgramsTest {
    private static String run(WasmModule module, Tier tier, String... args) throws IOException {
        Yardsticks.Run run = Yardsticks.run(module, tier, args);
        run.exit().ifPresent(code -> assertEquals(0, code, "exit code"));
        return run.stdout();
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"fib,22", "matmul,40", "sha256,1", "nbody,100", "sieve,200000", "qsort,20000",
        "mandelbrot,60", "lz,1", "strings,5000"})
    void programPrintsTheSameOnTheJitAsOnTheInterpreter(String program, String size) throws IOException {
        Optional<Path> bench = Yardsticks.benchDir();
        Assumptions.assumeTrue(bench.isPresent(), "shared/bench not found");
        WasmModule module = WasmModule.parse(bench.get().resolve("wasm/" + program + ".wasm"));
        String interp = run(module, Tier.INTERP, program, size);
        assertFalse(interp.isBlank(), "no output");
        assertEquals(interp, run(module, Tier.JIT, program, size));
    }
}
