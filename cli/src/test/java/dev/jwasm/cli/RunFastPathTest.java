package dev.jwasm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** The picocli-free parser of the common {@code run} line: same results as picocli, or hands the line over. */
class RunFastPathTest {
    private static final Set<String> COMMANDS = Set.of("run", "wast", "validate", "inspect", "compile",
            "completion", "help");
    private static final PrintStream NOWHERE = new PrintStream(OutputStream.nullOutputStream());
    private static final Streams IO = new Streams(InputStream.nullInputStream(), NOWHERE, NOWHERE);

    @AfterEach
    void resetLogLevel() {
        LogLevels.reset();
    }

    @ParameterizedTest(name = "jwasm {0}")
    @ValueSource(strings = {
        "hello.wasm",
        "hello.wasm a b c",
        "run hello.wasm --dir . -x --",
        "run --dir . --env HELLO=hi hello.wasm a",
        "--dir . --env HELLO=hi hello.wasm a",
        "run --dir=/tmp::/ --dir a::b:ro --env=K=V --env HOME --tcplisten 127.0.0.1:0 m.wasm",
        "run --invoke add --fuel 1000 --timeout 2s --max-memory 16M --max-stack 500 m.wat 1 2",
        "run --invoke=fac --fuel=7 --timeout=500ms --max-memory=64K --max-stack=1 m.wasm 5",
        "run --tier interp m.wasm",
        "run --tier JIT m.wasm",
        "run --tier=Auto m.wasm",
        "run --preload env=lib.wasm --preload other=x.wat m.wasm",
        "--log-level info run m.wasm",
        "--log-level info --dir . m.wasm",
        "--log-level=debug run --log-level warn --dir . m.wasm x",
        "run --fuel 9223372036854775807 --max-stack 2147483647 m.wasm",
        "run --no-cache m.wasm -x",
        "run --cache-dir /tmp/c --no-cache m.wasm",
        "run --cache-dir=c --tier jit m.jar a",
    })
    void commonLinesParseAsPicocliParsesThem(String line) {
        String[] full = Main.withDefaultCommand(line.split(" "), COMMANDS);
        RunCommand fast = RunFastPath.parse(full, IO);
        assertNotNull(fast, "fast path should take: " + line);
        assertEquals(describe(picocli(full)), describe(fast));
    }

    @ParameterizedTest(name = "jwasm {0}")
    @ValueSource(strings = {
        "--help", "--version", "run --help", "run -h hello.wasm", "run -V", "validate m.wasm", "help run",
        "wast x.wast", "inspect m.wasm", "completion", "run", "run --dir .", "--log-level debug",
        "run --frobnicate m.wasm", "run --dir", "run --fuel m.wasm", "run --fuel -5 m.wasm",
        "run --fuel 0x10 m.wasm", "run --fuel 010 m.wasm", "run --fuel 99999999999999999999 m.wasm",
        "run --max-stack 3000000000 m.wasm", "run --timeout soon m.wasm", "run --max-memory lots m.wasm",
        "run --tier fast m.wasm", "run --log-level loud m.wasm", "--log-level loud run m.wasm",
        "run --fuel 1 --fuel 2 m.wasm", "run --invoke a --invoke b m.wasm", "run -- -odd.wasm",
        "run @args.txt", "run m.wasm @args.txt", "run --dir -x m.wasm",
        "run --no-cache --no-cache m.wasm", "run --no-cache=true m.wasm",
        "run --cache-dir a --cache-dir b m.wasm",
    })
    void everythingElseIsLeftToPicocli(String line) {
        String[] full = Main.withDefaultCommand(line.split(" "), COMMANDS);
        assertNull(RunFastPath.parse(full, IO));
    }

    @Test
    void logLevelIsAppliedOnlyWhenTheFastPathTakesTheLine() {
        RunFastPath.parse(new String[] {"--log-level", "debug", "run", "--frobnicate", "m.wasm"}, IO);
        assertEquals(false, LogLevels.debugEnabled());
        RunFastPath.parse(new String[] {"--log-level", "debug", "run", "m.wasm"}, IO);
        assertEquals(true, LogLevels.debugEnabled());
    }

    @Test
    void aRunTakenByTheFastPathReportsErrorsAsBefore() {
        Cli.Result r = Cli.run("run", "--fuel", "0", "missing.wasm");
        assertEquals(2, r.exitCode(), r::toString);
        assertEquals("Error: --fuel must be positive, got 0\n", r.err());
        Cli.Result missing = Cli.run("run", "missing.wasm");
        assertEquals(1, missing.exitCode(), missing::toString);
    }

    private static RunCommand picocli(String[] full) {
        CommandLine cl = Main.commandLine(IO, new ErrorReporter(NOWHERE), "run");
        cl.parseArgs(full);
        return cl.getSubcommands().get("run").getCommand();
    }

    private static String describe(RunCommand r) {
        LimitOptions l = r.limits;
        return String.join("\n", "invoke=" + r.invoke, "preloads=" + r.preloads, "dirs=" + r.wasi.dirs,
                "env=" + r.wasi.env, "listens=" + r.wasi.listens, "fuel=" + l.fuel, "timeout=" + l.timeout,
                "maxMemory=" + l.maxMemory, "maxStack=" + l.maxStack, "tier=" + l.tier, "module=" + r.module,
                "args=" + r.args, "debug=" + LogLevels.debugEnabled(), "cacheDir=" + r.cache.directory,
                "noCache=" + r.cache.disabled);
    }
}
