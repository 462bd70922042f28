package dev.jwasm.cli;

import dev.jwasm.api.Engine;
import dev.jwasm.api.Linker;
import dev.jwasm.api.Tier;
import dev.jwasm.api.WasmException;
import dev.jwasm.api.WasmModule;
import dev.jwasm.core.text.Wat;
import dev.jwasm.jit.aot.CodeCache;
import dev.jwasm.wasi.PreopenMode;
import dev.jwasm.wasi.Wasi;
import dev.jwasm.wasi.WasiConfig;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Loads the runtime's classes before the JVM writes the class-data-sharing archive at exit.
 *
 * <p>Why: the launcher has the first run of a module dump the classes that run loaded, and later runs map
 * that archive instead of reading, parsing and verifying classes from the jar. But the first run takes
 * paths that later runs do not (it compiles a module that later runs find in the code cache; it may use
 * {@code --tier interp} or a {@code .wat} file when later runs do not), and each class a later run loads
 * from the jar costs it ~0.1-0.3 ms: 61 such classes made a cached {@code hello.wasm} run ~12 ms slower.
 * So the dumping run loads every class of jwasm, ASM and SLF4J as well, and runs a small module through each
 * path once for the JDK classes those paths load (zip reading, method handles). Logback (only
 * started when a message is logged) and picocli (compiled for Java 5, which the archive cannot hold) are
 * left out.
 *
 * <p>The launcher asks for this with {@code -D}{@value #PROPERTY}{@code =true} on the runs that dump.
 */
final class ArchiveTraining {
    /** The system property that asks for training. */
    static final String PROPERTY = "jwasm.cds.training";
    private static final List<String> PACKAGES = List.of("dev/jwasm/", "org/objectweb/asm/", "org/slf4j/");
    /** A module touching memory, a loop and a call, so each tier links its memory and call support. */
    private static final String MODULE = """
            (module
              (memory 1)
              (func $load (param i32) (result i32) (i32.load (local.get 0)))
              (func (export "run") (result i32) (local i32)
                (loop $l
                  (i32.store (i32.const 8) (i32.add (call $load (i32.const 8)) (i32.const 1)))
                  (br_if $l (i32.lt_u (local.tee 0 (i32.add (local.get 0) (i32.const 1))) (i32.const 3))))
                (call $load (i32.const 8))))
            """;

    /**
     * A WASI module that reads its environment and a file of a preopened directory and writes what it read
     * to stdout, so the archive holds the JDK's classes for file channels and decoding that a guest's file
     * access loads (without them, a cached hello.wasm that reads a file ran ~5 ms slower when the archive was
     * dumped by a run that did not). Returns the bytes read.
     */
    private static final String WASI_MODULE = """
            (module
              (import "wasi_snapshot_preview1" "environ_sizes_get" (func $esizes (param i32 i32) (result i32)))
              (import "wasi_snapshot_preview1" "environ_get" (func $eget (param i32 i32) (result i32)))
              (import "wasi_snapshot_preview1" "path_open"
                (func $open (param i32 i32 i32 i32 i32 i64 i64 i32 i32) (result i32)))
              (import "wasi_snapshot_preview1" "fd_read" (func $read (param i32 i32 i32 i32) (result i32)))
              (import "wasi_snapshot_preview1" "fd_write" (func $write (param i32 i32 i32 i32) (result i32)))
              (import "wasi_snapshot_preview1" "fd_close" (func $close (param i32) (result i32)))
              (memory (export "memory") 1)
              (data (i32.const 0) "t.txt")
              (func (export "run") (result i32) (local $fd i32)
                (drop (call $esizes (i32.const 400) (i32.const 404)))
                (drop (call $eget (i32.const 500) (i32.const 600)))
                (if (call $open (i32.const 3) (i32.const 0) (i32.const 0) (i32.const 5) (i32.const 0)
                      (i64.const 2) (i64.const 0) (i32.const 0) (i32.const 100))
                  (then (return (i32.const -1))))
                (local.set $fd (i32.load (i32.const 100)))
                (i32.store (i32.const 200) (i32.const 300))
                (i32.store (i32.const 204) (i32.const 64))
                (drop (call $read (local.get $fd) (i32.const 200) (i32.const 1) (i32.const 208)))
                (i32.store (i32.const 204) (i32.load (i32.const 208)))
                (drop (call $write (i32.const 1) (i32.const 200) (i32.const 1) (i32.const 212)))
                (drop (call $close (local.get $fd)))
                (i32.load (i32.const 208))))
            """;

    private ArchiveTraining() {
    }

    /** Whether this run was asked to train the archive. */
    static boolean requested() {
        return Boolean.getBoolean(PROPERTY);
    }

    /** Loads the classes and exercises the paths; never fails the run. */
    static void train() {
        loadClasses();
        try {
            exercisePaths();
        } catch (WasmException | IOException | UncheckedIOException | SecurityException e) {
            // the archive is an optimisation: a run never fails for it
        }
    }

    /**
     * Runs {@link #MODULE} interpreted and through a code cache in a temporary directory, compiled and
     * stored on the first look-up and loaded from the jar on the second, as a cached run loads it.
     */
    static int exercisePaths() throws IOException {
        byte[] binary = Wat.parse(MODULE);
        int result = run(WasmModule.parse(binary), Tier.INTERP);
        Path dir = Files.createTempDirectory("jwasm-cds-training");
        try {
            CodeCache cache = CodeCache.at(dir.resolve("cache"));
            cache.get(binary);
            result += run(cache.get(binary).module(), Tier.JIT);
            result += readFile(dir);
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
        return result;
    }

    /** Runs {@link #WASI_MODULE} on a file in {@code dir}; its output goes nowhere. */
    private static int readFile(Path dir) throws IOException {
        Path files = Files.createDirectory(dir.resolve("files"));
        Files.writeString(files.resolve("t.txt"), "hello");
        WasiConfig config = WasiConfig.builder().env("HOME", "/").preopen(files, "/", PreopenMode.READ_ONLY)
                .stdout(OutputStream.nullOutputStream()).build();
        try (Wasi wasi = Wasi.create(config)) {
            Linker linker = wasi.addTo(new Linker(Engine.builder().tier(Tier.INTERP).build()));
            return linker.instantiate(WasmModule.parseText(WASI_MODULE)).function("run").call()[0].asInt();
        }
    }

    private static int run(WasmModule module, Tier tier) {
        Linker linker = new Linker(Engine.builder().tier(tier).build());
        return linker.instantiate(module).function("run").call()[0].asInt();
    }

    /**
     * Loads (without initialising) every class of the archived packages in the jar this class came from.
     *
     * @return how many classes were loaded; 0 when not running from a jar
     */
    static int loadClasses() {
        Path jar = ownJar();
        if (jar == null) {
            return 0;
        }
        ClassLoader loader = ArchiveTraining.class.getClassLoader();
        int loaded = 0;
        try (JarFile file = new JarFile(jar.toFile())) {
            Enumeration<JarEntry> entries = file.entries();
            while (entries.hasMoreElements()) {
                String name = entries.nextElement().getName();
                if (archived(name) && load(className(name), loader)) {
                    loaded++;
                }
            }
        } catch (IOException e) {
            return loaded; // the archive is an optimisation: a run never fails for it
        }
        return loaded;
    }

    static boolean archived(String entry) {
        if (!entry.endsWith(".class") || entry.endsWith("module-info.class")) {
            return false;
        }
        for (String p : PACKAGES) {
            if (entry.startsWith(p)) {
                return true;
            }
        }
        return false;
    }

    private static String className(String entry) {
        return entry.substring(0, entry.length() - ".class".length()).replace('/', '.');
    }

    private static boolean load(String name, ClassLoader loader) {
        try {
            Class.forName(name, false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false; // e.g. a class referring to an optional library that is not bundled
        }
    }

    private static Path ownJar() {
        try {
            var source = ArchiveTraining.class.getProtectionDomain().getCodeSource();
            if (source == null) {
                return null;
            }
            Path p = Path.of(source.getLocation().toURI());
            return Files.isRegularFile(p) ? p : null;
        } catch (URISyntaxException | SecurityException | IllegalArgumentException e) {
            return null;
        }
    }
}
