package dev.jwasm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {
    @TempDir
    Path dir;

    @Test
    void validBinaryModuleIsReportedValid() throws IOException {
        Capabilities.assumeValidator();
        Path file = Files.write(dir.resolve("empty.wasm"), new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0});
        Cli.Result r = Cli.run("validate", file.toString());
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals(file + ": valid\n", r.out());
    }

    @Test
    void everyFileIsReportedAndOneFailureFailsTheCommand() throws IOException {
        Capabilities.assumeTextFormat();
        Path good = Files.writeString(dir.resolve("good.wat"), "(module (func (result i32) i32.const 1))");
        Path bad = Files.writeString(dir.resolve("bad.wat"), "(module (func (result i32) f32.const 1))");
        Path missing = dir.resolve("missing.wasm");
        Cli.Result r = Cli.run("validate", good.toString(), bad.toString(), missing.toString());
        assertEquals(1, r.exitCode(), r::toString);
        assertEquals(good + ": valid\n", r.out());
        String[] errors = r.err().split("\n");
        assertEquals(2, errors.length, r::toString);
        assertTrue(errors[0].startsWith(bad + ": invalid module: type mismatch"), r::toString);
        assertTrue(errors[0].contains("offset 0x"), "gives the offset: " + errors[0]);
        assertEquals("cannot read '" + missing + "': no such file", errors[1]);
    }

    @Test
    void malformedBinaryGivesTheOffset() throws IOException {
        Capabilities.assumeDecoder();
        Path file = Files.write(dir.resolve("bad.wasm"), new byte[] {0, 'a', 's', 'm', 2, 0, 0, 0});
        Cli.Result r = Cli.run("validate", file.toString());
        assertEquals(1, r.exitCode(), r::toString);
        assertTrue(r.err().startsWith(file + ": malformed module: "), r::toString);
        assertTrue(r.err().contains("offset 0x"), r::toString);
    }
}
