package dev.jwasm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code jwasm run} of WASI commands: stdio, argv, environment, directories and exit codes. */
class WasiRunTest {
    /** Writes "hi\n" to the descriptor given as the only parameter of $say. */
    private static final String SAY_HI = """
            (module
              (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
              (memory (export "memory") 1)
              (data (i32.const 16) "hi\\n")
              (func $say (param $fd i32)
                (i32.store (i32.const 0) (i32.const 16))
                (i32.store (i32.const 4) (i32.const 3))
                (drop (call $fd_write (local.get $fd) (i32.const 0) (i32.const 1) (i32.const 8))))
              (func (export "_start") (call $say (i32.const 1)) (call $say (i32.const 2))))
            """;
    /** Exits with argc * 10 + the number of environment variables. */
    private static final String COUNT_ARGS_AND_ENV = """
            (module
              (import "wasi_snapshot_preview1" "args_sizes_get" (func $args (param i32 i32) (result i32)))
              (import "wasi_snapshot_preview1" "environ_sizes_get" (func $env (param i32 i32) (result i32)))
              (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
              (memory (export "memory") 1)
              (func (export "_start")
                (drop (call $args (i32.const 0) (i32.const 4)))
                (drop (call $env (i32.const 8) (i32.const 12)))
                (call $exit (i32.add (i32.mul (i32.load (i32.const 0)) (i32.const 10)) (i32.load (i32.const 8))))))
            """;
    private static final Path HELLO = Path.of("../../shared/bench/wasm/hello.wasm");

    @TempDir
    Path dir;

    @BeforeEach
    void needsWasi() {
        Capabilities.assumeWasi();
    }

    @Test
    void guestStdoutAndStderrReachTheCallersStreams() throws IOException {
        Cli.Result r = Cli.run("run", write("hi.wat", SAY_HI));
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("hi\n", r.out());
        assertEquals("hi\n", r.err());
    }

    @Test
    void procExitCodeBecomesTheExitStatus() throws IOException {
        String module = write("count.wat", COUNT_ARGS_AND_ENV);
        assertEquals(10, Cli.run("run", module).exitCode(), "argv[0] only, no environment by default");
        assertEquals(32, Cli.run("run", "--env", "A=1", "--env", "B=", module, "x", "--y").exitCode());
        assertEquals(30, Cli.run(module, "a", "b").exitCode(), "run is the default command");
    }

    @Test
    void aModuleOfAnOldToolchainImportingWasiUnstableRuns() throws IOException {
        String module = write("old.wat", COUNT_ARGS_AND_ENV.replace("wasi_snapshot_preview1", "wasi_unstable"));
        assertEquals(21, Cli.run("run", "--env", "A=1", module, "x").exitCode());
    }

    @Test
    void bareEnvNameCopiesOnlyVariablesTheHostHas() throws IOException {
        String module = write("count.wat", COUNT_ARGS_AND_ENV);
        assertEquals(10, Cli.run("run", "--env", "JWASM_SURELY_UNSET_VARIABLE", module).exitCode());
        assertEquals(11, Cli.run("run", "--env", "PATH", module).exitCode());
    }

    @Test
    void missingPreopenDirectoryIsAOneLineError() throws IOException {
        String module = write("hi.wat", SAY_HI);
        Cli.Result r = Cli.run("run", "--dir", dir.resolve("nope") + "::/", module);
        assertEquals(1, r.exitCode(), r::toString);
        assertEquals("Error: --dir " + dir.resolve("nope") + ": no such directory\n", r.err());
    }

    @Test
    void tcplistenOpensALoopbackListenerForTheGuest() throws IOException {
        Cli.Result r = Cli.run("run", "--tcplisten", "127.0.0.1:0", write("hi.wat", SAY_HI));
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("hi\n", r.out());
    }

    @Test
    void listenerThatCannotBeBoundIsAOneLineError() throws IOException {
        Cli.Result r = Cli.run("run", "--tcplisten", "203.0.113.1:1", write("hi.wat", SAY_HI));
        assertEquals(1, r.exitCode(), r::toString);
        assertTrue(r.err().startsWith("Error: cannot set up WASI: "), r::toString);
        assertEquals(1, r.err().lines().count(), r::toString);
    }

    @Test
    void helloSeesItsArgumentsEnvironmentAndPreopenedFile() throws IOException {
        Assumptions.assumeTrue(Files.isRegularFile(HELLO), "shared/bench/wasm/hello.wasm not beside this checkout");
        Files.writeString(dir.resolve("hello.txt"), "greetings from the host\n");
        Cli.Result r = Cli.run("run", "--env", "HELLO=world", "--dir", dir + "::.", HELLO.toString(), "a", "-b");
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("argv[0]=" + HELLO + "\nargv[1]=a\nargv[2]=-b\nenv HELLO=world\n"
                + "file: greetings from the host\nclock: ok\n", r.out());
    }

    @Test
    void withoutADirTheGuestSeesNoFiles() {
        Assumptions.assumeTrue(Files.isRegularFile(HELLO), "shared/bench/wasm/hello.wasm not beside this checkout");
        Cli.Result r = Cli.run("run", HELLO.toString());
        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.out().contains("env HELLO=(unset)\nfile: hello.txt not found\n"), r::toString);
    }

    @Test
    void trapInsideAWasiCommandExitsWith134() throws IOException {
        String module = write("trap.wat", """
                (module (import "wasi_snapshot_preview1" "proc_exit" (func (param i32)))
                  (memory (export "memory") 1)
                  (func $crash unreachable)
                  (func (export "_start") call $crash))
                """);
        Cli.Result r = Cli.run("run", module);
        assertEquals(134, r.exitCode(), r::toString);
        assertTrue(r.err().startsWith("Error: unreachable\nwasm backtrace:\n  0: crash\n"), r::toString);
    }

    private String write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text).toString();
    }
}
