package dev.jwasm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code jwasm run}: invoking exports, traps, limits and module errors, on real modules. */
class RunCommandTest {
    private static final String MATH = """
            (module
              (func $add (export "add") (param i32 i32) (result i32)
                local.get 0 local.get 1 i32.add)
              (func (export "half") (param f64) (result f64)
                local.get 0 f64.const 2 f64.div)
              (func (export "pair") (param i64) (result i64 i64)
                local.get 0 local.get 0 i64.const 1 i64.add)
              (memory (export "mem") 1))
            """;
    private static final String TRAPS = """
            (module
              (func $inner (export "inner") unreachable)
              (func $outer (export "outer") call $inner)
              (func $recurse (export "recurse") call $recurse)
              (func $spin (export "spin") (loop br 0)))
            """;

    @TempDir
    Path dir;

    @BeforeEach
    void needsTheRuntime() {
        Capabilities.assumeRuntime();
    }

    @Test
    void invokeCallsAnExportAndPrintsItsResult() throws IOException {
        Cli.Result r = Cli.run("run", "--invoke", "add", write("math.wat", MATH), "2", "40");
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("42\n", r.out());
        assertEquals("", r.err());
    }

    @Test
    void invokeParsesArgumentsByParameterTypeAndPrintsEveryResult() throws IOException {
        String math = write("math.wat", MATH);
        assertEquals("-1\n", Cli.run("run", "--invoke", "add", math, "0xffffffff", "0").out());
        assertEquals("1.25\n", Cli.run("run", "--invoke", "half", math, "2.5").out());
        assertEquals("inf\n", Cli.run("run", "--invoke", "half", math, "inf").out());
        assertEquals("7\n8\n", Cli.run("run", "--invoke", "pair", math, "7").out());
    }

    @Test
    void watFileStartingWithACommentIsReadAsText() throws IOException {
        String file = write("commented.wat", ";; adds\n(; block ;)\n" + MATH);
        assertEquals("5\n", Cli.run("run", "--invoke", "add", file, "2", "3").out());
        assertEquals(file + ": valid\n", Cli.run("validate", file).out());
    }

    @Test
    void negativeArgumentsAfterTheModuleAreValuesNotOptions() throws IOException {
        Cli.Result r = Cli.run("run", "--invoke", "add", write("math.wat", MATH), "-5", "-6");
        assertEquals("-11\n", r.out(), r::toString);
    }

    @Test
    void unknownExportIsAOneLineErrorListingTheFunctions() throws IOException {
        Cli.Result r = Cli.run("run", "--invoke", "sub", write("math.wat", MATH), "1", "2");
        assertEquals(1, r.exitCode());
        assertEquals("Error: unknown export 'sub'; exported functions: add, half, pair\n", r.err());
    }

    @Test
    void invokingAMemoryIsAnError() throws IOException {
        Cli.Result r = Cli.run("run", "--invoke", "mem", write("math.wat", MATH));
        assertEquals(1, r.exitCode());
        assertEquals("Error: export 'mem' is not a function\n", r.err());
    }

    @Test
    void wrongArgumentCountNamesTheExpectedTypes() throws IOException {
        Cli.Result r = Cli.run("run", "--invoke", "add", write("math.wat", MATH), "1");
        assertEquals(1, r.exitCode());
        assertEquals("Error: export 'add' takes 2 arguments (i32 i32), got 1\n", r.err());
    }

    @Test
    void wrongArgumentTypeNamesTheArgument() throws IOException {
        Cli.Result r = Cli.run("run", "--invoke", "add", write("math.wat", MATH), "1", "two");
        assertEquals(1, r.exitCode());
        assertEquals("Error: argument 2 of 'add' (i32): 'two' is not a valid i32\n", r.err());
    }

    @Test
    void trapExitsWith134AndPrintsTheWasmBacktraceWithFunctionNames() throws IOException {
        Cli.Result r = Cli.run("run", "--invoke", "outer", write("traps.wat", TRAPS));
        assertEquals(134, r.exitCode(), r::toString);
        assertTrue(r.err().startsWith("Error: unreachable"), r::toString);
        assertTrue(r.err().contains("wasm backtrace:"), r::toString);
        assertTrue(r.err().indexOf("inner") < r.err().indexOf("outer"), "innermost frame first:\n" + r.err());
        assertFalse(r.err().contains("\tat "), "no Java stack trace");
    }

    @Test
    void exhaustedCallStackNamesTheLimit() throws IOException {
        Cli.Result r = Cli.run("run", "--max-stack", "100", "--invoke", "recurse", write("traps.wat", TRAPS));
        assertEquals(134, r.exitCode(), r::toString);
        assertTrue(r.err().startsWith("Error: call stack exhausted"), r::toString);
        assertTrue(r.err().contains("--max-stack"), r::toString);
    }

    @Test
    void exhaustedFuelNamesTheLimit() throws IOException {
        Cli.Result r = Cli.run("run", "--fuel", "10000", "--invoke", "spin", write("traps.wat", TRAPS));
        assertEquals(134, r.exitCode(), r::toString);
        assertTrue(r.err().startsWith("Error: all fuel consumed"), r::toString);
        assertTrue(r.err().contains("--fuel"), r::toString);
    }

    @Test
    void timeoutStopsAnEndlessLoop() throws IOException {
        Cli.Result r = Cli.run("run", "--timeout", "200ms", "--invoke", "spin", write("traps.wat", TRAPS));
        assertEquals(134, r.exitCode(), r::toString);
        assertTrue(r.err().startsWith("Error: execution deadline exceeded"), r::toString);
        assertTrue(r.err().contains("--timeout"), r::toString);
    }

    @Test
    void memoryLargerThanMaxMemoryNamesTheLimit() throws IOException {
        Cli.Result r = Cli.run("run", "--max-memory", "64K", write("big.wat", "(module (memory 4))"));
        assertEquals(134, r.exitCode(), r::toString);
        assertTrue(r.err().startsWith("Error: memory limit exceeded"), r::toString);
        assertTrue(r.err().contains("--max-memory"), r::toString);
    }

    @Test
    void growingPastMaxMemoryFailsInsideTheGuest() throws IOException {
        String grow = write("grow.wat", "(module (memory 1) (func (export \"grow\") (result i32) i32.const 1 memory.grow))");
        assertEquals("-1\n", Cli.run("run", "--max-memory", "64K", "--invoke", "grow", grow).out());
        assertEquals("1\n", Cli.run("run", "--max-memory", "128K", "--invoke", "grow", grow).out());
    }

    @Test
    void malformedBinarySaysWhatAndWhere() throws IOException {
        Path file = dir.resolve("bad.wasm");
        Files.write(file, new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0, 0x01, 0x05, 0x01});
        Cli.Result r = Cli.run("run", file.toString());
        assertEquals(1, r.exitCode(), r::toString);
        assertTrue(r.err().startsWith("Error: " + file + ": malformed module: "), r::toString);
        assertTrue(r.err().contains("offset 0x"), r::toString);
        assertEquals(1, r.err().lines().count(), r::toString);
    }

    @Test
    void invalidModuleSaysWhatAndWhere() throws IOException {
        String file = write("invalid.wat", "(module (func (result i32) i64.const 1))");
        Cli.Result r = Cli.run("run", file);
        assertEquals(1, r.exitCode(), r::toString);
        assertTrue(r.err().startsWith("Error: " + file + ": invalid module: type mismatch"), r::toString);
        assertEquals(1, r.err().lines().count(), r::toString);
    }

    @Test
    void unresolvableImportIsALinkError() throws IOException {
        String file = write("needs.wat", "(module (import \"env\" \"f\" (func)))");
        Cli.Result r = Cli.run("run", file);
        assertEquals(1, r.exitCode(), r::toString);
        assertTrue(r.err().startsWith("Error: " + file + ": cannot link: unknown import"), r::toString);
    }

    @Test
    void preloadMakesAnotherModulesExportsImportable() throws IOException {
        String lib = write("lib.wat", "(module (func (export \"forty\") (result i32) i32.const 40))");
        String app = write("app.wat", """
                (module (import "lib" "forty" (func $forty (result i32)))
                  (func (export "answer") (result i32) call $forty i32.const 2 i32.add))
                """);
        Cli.Result r = Cli.run("run", "--preload", "lib=" + lib, "--invoke", "answer", app);
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("42\n", r.out());
    }

    @Test
    void invokeRunsAReactorsInitializeFirst() throws IOException {
        String reactor = write("reactor.wat", """
                (module (global $g (mut i32) (i32.const 0))
                  (func (export "_initialize") i32.const 42 global.set $g)
                  (func (export "get") (result i32) global.get $g))
                """);
        assertEquals("42\n", Cli.run("run", "--invoke", "get", reactor).out());
    }

    @Test
    void aModuleWithoutStartJustInstantiates() throws IOException {
        Cli.Result r = Cli.run(write("math.wat", MATH));
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("", r.out() + r.err());
    }

    @Test
    void everyTierRunsTheSameModule() throws IOException {
        String math = write("math.wat", MATH);
        for (String tier : new String[] {"interp", "jit", "auto"}) {
            assertEquals("3\n", Cli.run("run", "--tier", tier, "--invoke", "add", math, "1", "2").out(), tier);
        }
    }

    private String write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8).toString();
    }
}
