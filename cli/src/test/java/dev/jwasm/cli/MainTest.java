package dev.jwasm.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The command line as a whole: help, version, usage errors, the default command and file errors. */
class MainTest {
    private static final Set<String> COMMANDS = Set.of("run", "wast", "validate", "help");

    @Test
    void versionNamesJwasmAndTheJavaRuntime() {
        Cli.Result r = Cli.run("--version");
        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.out().startsWith("jwasm "), r::toString);
        assertTrue(r.out().contains("Java " + System.getProperty("java.version")), r::toString);
    }

    @Test
    void helpListsEverySubcommand() {
        Cli.Result r = Cli.run("--help");
        assertEquals(0, r.exitCode());
        for (String c : new String[] {"run", "wast", "validate", "inspect", "compile", "completion"}) {
            assertTrue(r.out().contains("\n  " + c + " "), () -> c + " missing from\n" + r.out());
        }
    }

    @ParameterizedTest(name = "{0} --help")
    @ValueSource(strings = {"run", "wast", "validate", "inspect", "compile", "completion"})
    void everySubcommandHasHelp(String command) {
        Cli.Result r = Cli.run(command, "--help");
        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.out().startsWith("Usage: jwasm " + command), r::toString);
        assertEquals("", r.err());
    }

    @Test
    void runHelpDocumentsTheGrantAndLimitOptions() {
        String help = Cli.run("run", "--help").out();
        for (String option : new String[] {"--invoke", "--dir", ":ro", "--env", "--tcplisten", "--fuel",
            "--timeout", "--max-memory", "--max-stack", "--preload", "--tier", "--cache-dir", "--no-cache",
            "--log-level"}) {
            assertTrue(help.contains(option), () -> option + " missing from\n" + help);
        }
    }

    @Test
    void compileHelpDocumentsTheOutput() {
        String help = Cli.run("compile", "--help").out();
        assertTrue(help.contains("--output") && help.contains("'jwasm run"), help);
        Cli.Result r = Cli.run("compile", "missing.wasm");
        assertEquals(1, r.exitCode());
        assertEquals("Error: cannot read 'missing.wasm': no such file\n", r.err());
    }

    @Test
    void noArgumentsPrintsUsageAndFails() {
        Cli.Result r = Cli.run();
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("Usage: jwasm"), r::toString);
    }

    @Test
    void unknownOptionIsAOneLineUsageErrorWithAPointerToHelp() {
        Cli.Result r = Cli.run("run", "--frobnicate", "x.wasm");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().startsWith("Error: Unknown option: '--frobnicate'"), r::toString);
        assertTrue(r.err().contains("Try 'jwasm run --help'"), r::toString);
        assertFalse(r.err().contains("\tat "), "no Java stack trace");
    }

    @Test
    void badLimitValueNamesTheOption() {
        Cli.Result r = Cli.run("run", "--timeout", "soon", "x.wasm");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("--timeout"), r::toString);
        assertTrue(r.err().contains("invalid duration 'soon'"), r::toString);
    }

    @Test
    void unknownLogLevelIsAUsageError() {
        Cli.Result r = Cli.run("--log-level", "loud", "validate", "x.wasm");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("unknown log level 'loud'"), r::toString);
    }

    @Test
    void missingModuleFileIsAOneLineError(@TempDir Path dir) {
        String file = dir.resolve("missing.wasm").toString();
        Cli.Result r = Cli.run("run", file);
        assertEquals(1, r.exitCode());
        assertEquals("Error: cannot read '" + file + "': no such file\n", r.err());
        assertEquals("", r.out());
    }

    @Test
    void aDirectoryIsNotAModule(@TempDir Path dir) {
        Cli.Result r = Cli.run(dir.toString());
        assertEquals(1, r.exitCode());
        assertTrue(r.err().contains("is a directory"), r::toString);
    }

    @Test
    void aFileAsFirstWordMeansRun(@TempDir Path dir) {
        String file = dir.resolve("hello.wasm").toString();
        assertEquals(Cli.run("run", file).err(), Cli.run(file).err());
    }

    @Test
    void runIsInsertedBeforeTheFirstWordThatIsNotACommand() {
        assertArrayEquals(new String[] {"run", "a.wasm", "x"},
                Main.withDefaultCommand(new String[] {"a.wasm", "x"}, COMMANDS));
        assertArrayEquals(new String[] {"run", "--dir", ".", "a.wasm"},
                Main.withDefaultCommand(new String[] {"--dir", ".", "a.wasm"}, COMMANDS));
        assertArrayEquals(new String[] {"--log-level", "debug", "run", "a.wasm"},
                Main.withDefaultCommand(new String[] {"--log-level", "debug", "a.wasm"}, COMMANDS));
        assertArrayEquals(new String[] {"--log-level=info", "run", "a.wasm"},
                Main.withDefaultCommand(new String[] {"--log-level=info", "a.wasm"}, COMMANDS));
    }

    @Test
    void commandsAndTopLevelFlagsAreLeftAlone() {
        for (String[] args : new String[][] {{"validate", "x"}, {"--version"}, {"-h"}, {}, {"help", "run"}}) {
            assertArrayEquals(args, Main.withDefaultCommand(args, COMMANDS));
        }
    }

    @Test
    void completionPrintsABashScriptForEveryCommand() {
        Cli.Result r = Cli.run("completion");
        assertEquals(0, r.exitCode());
        assertTrue(r.out().startsWith("#!/usr/bin/env bash"), r::toString);
        assertTrue(r.out().contains("complete -F _complete_jwasm"), "registers the completion function");
        assertTrue(r.out().contains("--max-memory"), "knows the run options");
    }

    @Test
    void badGrantsAreReportedBeforeAnythingRuns(@TempDir Path dir) throws Exception {
        Path module = Files.write(dir.resolve("m.wat"), "(module)".getBytes());
        Cli.Result r = Cli.run("run", "--dir", dir.resolve("nope") + "::/", module.toString());
        // Without a decoder the module fails first; either way the exit status is 1 and names the problem.
        assertEquals(1, r.exitCode(), r::toString);
        assertEquals(1, r.err().lines().count(), r::toString);
    }
}
