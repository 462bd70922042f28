package dev.jwasm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.io.PrintStream;
import java.io.OutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** How {@code jwasm run} splits its own options from the guest's arguments. */
class RunArgumentsTest {
    @Test
    void everythingAfterTheModuleBelongsToTheGuest() {
        RunCommand run = parse("--env", "K=V", "--dir", "/tmp::/", "test.wasm", "--dir", "-x", "--", "arg");
        assertEquals("test.wasm", run.module);
        assertEquals(List.of("--dir", "-x", "--", "arg"), run.args);
        assertEquals(List.of("K=V"), run.wasi.env);
        assertEquals(List.of("/tmp::/"), run.wasi.dirs);
    }

    @Test
    void doubleDashBeforeTheModuleEndsJwasmsOptions() {
        RunCommand run = parse("--", "-odd-name.wasm", "a");
        assertEquals("-odd-name.wasm", run.module);
        assertEquals(List.of("a"), run.args);
    }

    @Test
    void optionsMayBeRepeatedAndUseEqualsSigns() {
        RunCommand run = parse("--env=A=1", "--env", "B", "--dir=.", "--fuel=5", "m.wasm");
        assertEquals(List.of("A=1", "B"), run.wasi.env);
        assertEquals(List.of("."), run.wasi.dirs);
        assertEquals(5L, run.limits.fuel);
    }

    private static RunCommand parse(String... args) {
        PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream());
        RunCommand run = new RunCommand(new Streams(InputStream.nullInputStream(), nowhere, nowhere));
        new CommandLine(run).setStopAtPositional(true).parseArgs(args);
        return run;
    }
}
