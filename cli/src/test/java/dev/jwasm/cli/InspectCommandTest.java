package dev.jwasm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InspectCommandTest {
    private static final String MODULE = """
            (module $demo
              (import "env" "log" (func $log (param i32)))
              (import "env" "mem" (memory 1 2))
              (global $count (mut i32) (i32.const 0))
              (table 2 funcref)
              (func $add (export "add") (param i32 i32) (result i32) local.get 0 local.get 1 i32.add)
              (func $main call $main)
              (export "count" (global $count))
              (start $main))
            """;

    @TempDir
    Path dir;

    @Test
    void describesImportsExportsAndIndexSpaces() throws IOException {
        Capabilities.assumeTextFormat();
        Path file = Files.writeString(dir.resolve("demo.wat"), MODULE);
        Cli.Result r = Cli.run("inspect", file.toString());
        assertEquals(0, r.exitCode(), r::toString);
        String out = r.out();
        assertTrue(out.startsWith("module: " + file + "\n"), out);
        assertContains(out, "\nsections (");
        assertContains(out, "\n  type ");
        assertContains(out, "\n  code ");
        assertContains(out, "\nimports (2):\n  env.log: (func (param i32))\n  env.mem: (memory 1 2)\n");
        assertContains(out, "\nexports (2):\n  add: (func (param i32 i32) (result i32))\n"
                + "  count: (global (mut i32))\n");
        assertContains(out, "\nfunctions: 3 (1 imported, 2 defined)\n");
        assertContains(out, "\nmemories (1):\n  0: (memory 1 2) imported\n");
        assertContains(out, "\ntables (1):\n  0: (table 2 funcref)\n");
        assertContains(out, "\nglobals (1):\n  0: (global (mut i32))\n");
        assertContains(out, "\nstart: func 2");
    }

    @Test
    void sectionOffsetsAndSizesMatchTheBinary() throws IOException {
        Capabilities.assumeValidator();
        // type section with one () -> () type, then a custom section "note" holding "hi".
        byte[] module = {0, 'a', 's', 'm', 1, 0, 0, 0, 0x01, 0x04, 0x01, 0x60, 0x00, 0x00,
            0x00, 0x07, 0x04, 'n', 'o', 't', 'e', 'h', 'i'};
        Path file = Files.write(dir.resolve("t.wasm"), module);
        Cli.Result r = Cli.run("inspect", file.toString());
        assertEquals(0, r.exitCode(), r::toString);
        assertContains(r.out(), "\nsize: 23 bytes\n");
        assertContains(r.out(), "\nsections (2):\n  type                     offset 0x00000008  size 4\n"
                + "  custom \"note\"            offset 0x0000000e  size 7\n");
        assertContains(r.out(), "\ntypes: 1\n");
        assertContains(r.out(), "\ncustom sections (1):\n  \"note\": 2 bytes\n");
    }

    /**
     * The whole report for {@code inspect/demo.wat} against {@code inspect/demo.expected.txt}. After a
     * deliberate change to the report, regenerate the file with {@code -Djwasm.bless=true}.
     */
    @Test
    void reportMatchesTheGoldenFile() throws IOException {
        Capabilities.assumeTextFormat();
        Path golden = Path.of("src/test/resources/inspect/demo.expected.txt");
        Path module = Files.copy(Path.of("src/test/resources/inspect/demo.wat"), dir.resolve("demo.wat"));
        Cli.Result r = Cli.run("inspect", module.toString());
        assertEquals(0, r.exitCode(), r::toString);
        String report = r.out().replace(module.toString(), "demo.wat");
        if (Boolean.getBoolean("jwasm.bless")) {
            Files.writeString(golden, report);
        }
        assertEquals(Files.readString(golden), report, "differs from " + golden + " (bless with -Djwasm.bless=true)");
    }

    @Test
    void aModuleThatDoesNotLoadIsAnError() throws IOException {
        Capabilities.assumeDecoder();
        Path file = Files.write(dir.resolve("x.wasm"), new byte[] {1, 2, 3});
        Cli.Result r = Cli.run("inspect", file.toString());
        assertEquals(1, r.exitCode(), r::toString);
        assertTrue(r.err().startsWith("Error: " + file + ": malformed module"), r::toString);
    }

    private static void assertContains(String text, String part) {
        assertTrue(text.contains(part), () -> "expected\n" + part + "\nin\n" + text);
    }
}
