package dev.jwasm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwasm.jit.JitStats;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code jwasm compile} and {@code jwasm run FILE.jar}, and the compiled-module cache of {@code jwasm run}. */
class CompileCommandTest {
    /** Prints "sum 4950\n" (0 + 1 + ... + 99, through an indirect call per step) and exits 3. */
    private static final String SUM = """
            (module
              (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
              (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
              (type $step (func (param i32 i32) (result i32)))
              (table 1 funcref)
              (elem (i32.const 0) $add)
              (memory (export "memory") 1)
              (data (i32.const 16) "sum ")
              (func $add (type $step) (i32.add (local.get 0) (local.get 1)))
              (func $digits (param $n i32) (param $at i32) (result i32)
                (if (i32.ge_u (local.get $n) (i32.const 10))
                  (then (local.set $at (call $digits (i32.div_u (local.get $n) (i32.const 10)) (local.get $at)))))
                (i32.store8 (local.get $at) (i32.add (i32.const 48) (i32.rem_u (local.get $n) (i32.const 10))))
                (i32.add (local.get $at) (i32.const 1)))
              (func (export "_start") (local $i i32) (local $sum i32) (local $end i32)
                (loop $next
                  (local.set $sum (call_indirect (type $step) (local.get $sum) (local.get $i) (i32.const 0)))
                  (br_if $next (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 1))) (i32.const 100))))
                (local.set $end (call $digits (local.get $sum) (i32.const 20)))
                (i32.store8 (local.get $end) (i32.const 10))
                (i32.store (i32.const 0) (i32.const 16))
                (i32.store (i32.const 4) (i32.sub (i32.add (local.get $end) (i32.const 1)) (i32.const 16)))
                (drop (call $fd_write (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 8)))
                (call $exit (i32.const 3))))
            """;
    private static final Path HELLO = Path.of("../../shared/bench/wasm/hello.wasm");

    @TempDir
    Path dir;

    @BeforeEach
    void needsWasi() {
        Capabilities.assumeWasi();
    }

    private String write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text).toString();
    }

    private String cacheDir() {
        return dir.resolve("cache").toString();
    }

    @Test
    void aCompiledJarRunsLikeItsModule() throws IOException {
        String wat = write("sum.wat", SUM);
        String jar = dir.resolve("sum.jar").toString();
        Cli.Result compile = Cli.run("compile", wat, "-o", jar);
        assertEquals(0, compile.exitCode(), compile::toString);
        assertEquals("", compile.out() + compile.err());
        Cli.Result fromJar = Cli.run("run", "--no-cache", jar);
        Cli.Result fromText = Cli.run("run", "--no-cache", wat);
        assertEquals(3, fromJar.exitCode(), fromJar::toString);
        assertEquals("sum 4950\n", fromJar.out());
        assertEquals(fromText.toString(), fromJar.toString());
    }

    @Test
    void theCHelloProgramRunsFromAJar() throws IOException {
        Assumptions.assumeTrue(Files.isRegularFile(HELLO), "shared/bench not found");
        Files.writeString(dir.resolve("hello.txt"), "a line\n");
        String jar = dir.resolve("hello.jar").toString();
        assertEquals(0, Cli.run("compile", "-o", jar, HELLO.toString()).exitCode());
        String grant = dir + "::.";
        Cli.Result fromJar = Cli.run("run", "--dir", grant, "--env", "HELLO=hi", jar, "x");
        Cli.Result fromWasm = Cli.run("run", "--no-cache", "--dir", grant, "--env", "HELLO=hi", HELLO.toString(), "x");
        assertEquals(0, fromJar.exitCode(), fromJar::toString);
        assertTrue(fromJar.out().contains("file: a line"), fromJar::toString);
        // argv[0] is the file named on the command line; everything else is the same.
        assertEquals(fromWasm.out().replace(HELLO.toString(), jar), fromJar.out());
    }

    @Test
    void theOutputDefaultsToTheModuleNameWithJarExtension() throws IOException {
        String wat = write("sum.wat", SUM);
        assertEquals(0, Cli.run("compile", wat).exitCode());
        assertTrue(Files.isRegularFile(dir.resolve("sum.jar")));
    }

    @Test
    void anOutputInAMissingDirectoryIsReported() throws IOException {
        String out = dir.resolve("missing/sum.jar").toString();
        Cli.Result r = Cli.run("compile", write("sum.wat", SUM), "-o", out);
        assertEquals(1, r.exitCode(), r::toString);
        assertEquals("Error: cannot write '" + out + "': no such directory\n", r.err());
    }

    @Test
    void aStaleJarIsRefusedInOneLine() throws IOException {
        Path jar = dir.resolve("sum.jar");
        assertEquals(0, Cli.run("compile", write("sum.wat", SUM), "-o", jar.toString()).exitCode());
        Path stale = dir.resolve("stale.jar");
        rewriteManifest(jar, stale, "Jwasm-Version: ", "Jwasm-Version: 0.0.0-old ");
        Cli.Result r = Cli.run("run", stale.toString());
        assertEquals(1, r.exitCode(), r::toString);
        assertTrue(r.err().startsWith("Error: " + stale + ": compiled module is stale: written by jwasm 0.0.0-old "),
                r::toString);
        assertTrue(r.err().endsWith(": compile the module again\n"), r::toString);
        assertEquals(1, r.err().lines().count(), r::toString);
    }

    @Test
    void aForeignJarIsRefusedInOneLine() throws IOException {
        Path jar = dir.resolve("other.jar");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new ZipEntry("README"));
        }
        Cli.Result r = Cli.run("run", jar.toString());
        assertEquals(1, r.exitCode(), r::toString);
        assertEquals("Error: " + jar + ": not a jwasm compiled module: the jar has no manifest\n", r.err());
    }

    @Test
    void compilingAnInvalidModuleFailsLikeRunningIt() throws IOException {
        String bad = write("bad.wat", "(module (func (result i32) (i64.const 1)))");
        Cli.Result r = Cli.run("compile", bad);
        assertEquals(1, r.exitCode(), r::toString);
        assertTrue(r.err().startsWith("Error: " + bad + ": invalid module: type mismatch"), r::toString);
        assertFalse(Files.exists(dir.resolve("bad.jar")));
    }

    @Test
    void theSecondRunOfAModuleLoadsItFromTheCache() throws IOException {
        String wasm = binary("sum.wasm");
        Cli.Result first = Cli.run("run", "--cache-dir", cacheDir(), wasm);
        assertEquals(3, first.exitCode(), first::toString);
        assertEquals(1, cacheEntries().size());
        long compiled = JitStats.compiledCount();
        Cli.Result second = Cli.run("run", "--cache-dir", cacheDir(), wasm);
        assertEquals(first.toString(), second.toString());
        assertEquals(compiled, JitStats.compiledCount(), "the second run compiled");
    }

    @Test
    void aTextModuleIsCachedByItsBinaryEncoding() throws IOException {
        String wat = write("sum.wat", SUM);
        Cli.Result first = Cli.run("run", "--cache-dir", cacheDir(), wat);
        assertEquals(3, first.exitCode(), first::toString);
        assertEquals("sum 4950\n", first.out());
        assertEquals(1, cacheEntries().size());
        long compiled = JitStats.compiledCount();
        Cli.Result second = Cli.run("run", "--cache-dir", cacheDir(), wat);
        assertEquals(first.toString(), second.toString());
        assertEquals(compiled, JitStats.compiledCount(), "the second run compiled");
        // The binary encoding of the same text is the same entry.
        assertEquals(3, Cli.run("run", "--cache-dir", cacheDir(), binary("sum.wasm")).exitCode());
        assertEquals(1, cacheEntries().size());
        assertEquals(compiled, JitStats.compiledCount(), "the binary of the same text compiled again");
    }

    @Test
    void malformedTextIsReportedWithTheCacheOn() throws IOException {
        String wat = write("bad.wat", "(module (func (i32.add))");
        Cli.Result r = Cli.run("run", "--cache-dir", cacheDir(), wat);
        assertEquals(1, r.exitCode(), r::toString);
        assertTrue(r.err().startsWith("Error: " + wat + ": malformed text:"), r::toString);
        assertFalse(Files.exists(dir.resolve("cache")), "nothing cached for a broken module");
    }

    @Test
    void aCorruptCacheEntryIsReplaced() throws IOException {
        String wasm = binary("sum.wasm");
        assertEquals(3, Cli.run("run", "--cache-dir", cacheDir(), wasm).exitCode());
        Path entry = cacheEntries().get(0);
        Files.write(entry, new byte[] {'P', 'K', 3, 4, 1, 2, 3});
        Cli.Result r = Cli.run("run", "--cache-dir", cacheDir(), wasm);
        assertEquals(3, r.exitCode(), r::toString);
        assertEquals("sum 4950\n", r.out());
        assertEquals("", r.err());
        assertTrue(Files.size(entry) > 1000, "entry not rewritten");
        long compiled = JitStats.compiledCount();
        assertEquals(3, Cli.run("run", "--cache-dir", cacheDir(), wasm).exitCode());
        assertEquals(compiled, JitStats.compiledCount(), "the rewritten entry was not used");
    }

    @Test
    void noCacheAndTheInterpreterWriteNothing() throws IOException {
        String wasm = binary("sum.wasm");
        assertEquals(3, Cli.run("run", "--no-cache", "--cache-dir", cacheDir(), wasm).exitCode());
        assertEquals(3, Cli.run("run", "--tier", "interp", "--cache-dir", cacheDir(), wasm).exitCode());
        assertFalse(Files.exists(dir.resolve("cache")));
    }

    @Test
    void underAutoTheCacheCompilesOnlyWhatInstantiationWouldCompile() throws IOException {
        // SUM plus 3000 bytes of data: a file over the limit below, with function bodies under it.
        String padded = SUM.replace("(data (i32.const 16) \"sum \")",
                "(data (i32.const 16) \"sum \") (data (i32.const 4096) \"" + "x".repeat(3000) + "\")");
        Path wasm = dir.resolve("padded.wasm");
        Files.write(wasm, dev.jwasm.core.text.Wat.parse(padded));
        String limit = "jwasm.jit.eagerBytes";
        try {
            System.setProperty(limit, "1000");
            assertEquals(3, Cli.run("run", "--cache-dir", cacheDir(), wasm.toString()).exitCode());
            assertEquals(1, cacheEntries().size(), "small function bodies in a large file: compiled into the cache");
            System.setProperty(limit, "10");
            String other = dir.resolve("other-cache").toString();
            assertEquals(3, Cli.run("run", "--cache-dir", other, wasm.toString()).exitCode());
            assertFalse(Files.exists(Path.of(other)), "a module compiled only when hot was compiled into the cache");
        } finally {
            System.clearProperty(limit);
        }
    }

    /** Writes {@link #SUM} in the binary format (the cache takes binary modules only). */
    private String binary(String name) throws IOException {
        Path wasm = dir.resolve(name);
        Files.write(wasm, dev.jwasm.core.text.Wat.parse(SUM));
        return wasm.toString();
    }

    private List<Path> cacheEntries() throws IOException {
        try (var files = Files.list(dir.resolve("cache"))) {
            return files.toList();
        }
    }

    private static void rewriteManifest(Path from, Path to, String what, String with) throws IOException {
        try (ZipFile zip = new ZipFile(from.toFile()); OutputStream file = Files.newOutputStream(to);
                ZipOutputStream out = new ZipOutputStream(file)) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                byte[] bytes;
                try (InputStream in = zip.getInputStream(e)) {
                    bytes = in.readAllBytes();
                }
                if (e.getName().equals("META-INF/MANIFEST.MF")) {
                    bytes = new String(bytes, StandardCharsets.UTF_8).replace(what, with)
                            .getBytes(StandardCharsets.UTF_8);
                }
                out.putNextEntry(new ZipEntry(e.getName()));
                out.write(bytes);
                out.closeEntry();
            }
        }
    }
}
