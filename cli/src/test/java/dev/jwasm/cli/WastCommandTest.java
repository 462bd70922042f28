package dev.jwasm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WastCommandTest {
    @TempDir
    Path dir;

    @Test
    void passingScriptReportsItsCountsAndSucceeds() throws IOException {
        Capabilities.assumeWastRunner();
        Path script = Files.writeString(dir.resolve("ok.wast"), """
                (module (func (export "add") (param i32 i32) (result i32) local.get 0 local.get 1 i32.add))
                (assert_return (invoke "add" (i32.const 1) (i32.const 2)) (i32.const 3))
                (assert_trap (module (func (export "f") unreachable) (start 0)) "unreachable")
                (assert_invalid (module (func (result i32) i64.const 0)) "type mismatch")
                """);
        Cli.Result r = Cli.run("wast", script.toString());
        assertEquals(0, r.exitCode(), r::toString);
        // Every command counts, the module definition included.
        assertEquals("PASS " + script + " passed=4 failed=0 skipped=0\n4 passed, 0 failed\n", r.out());
        assertEquals("", r.err());
    }

    @Test
    void failingAssertionFailsTheCommand() throws IOException {
        Capabilities.assumeWastRunner();
        Path script = Files.writeString(dir.resolve("bad.wast"), """
                (module (func (export "one") (result i32) i32.const 1))
                (assert_return (invoke "one") (i32.const 2))
                """);
        Cli.Result r = Cli.run("wast", script.toString());
        assertEquals(1, r.exitCode(), r::toString);
        assertEquals("FAIL " + script + " passed=1 failed=1 skipped=0\n1 passed, 1 failed\n", r.out());
        assertTrue(r.err().startsWith(script + ":2 assert_return FAILED: "), "failures go to stderr:\n" + r.err());
    }

    @Test
    void missingScriptIsAOneLineError() {
        Path missing = dir.resolve("none.wast");
        Cli.Result r = Cli.run("wast", missing.toString());
        assertEquals(1, r.exitCode(), r::toString);
        assertEquals("Error: cannot read '" + missing + "': no such file\n", r.err());
    }
}
