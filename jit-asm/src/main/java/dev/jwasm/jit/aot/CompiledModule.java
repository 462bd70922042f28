package dev.jwasm.jit.aot;

import dev.jwasm.api.WasmModule;
import dev.jwasm.core.binary.ModuleDecoder;
import dev.jwasm.core.model.DecodedModule;
import dev.jwasm.core.runtime.InstanceImpl;
import dev.jwasm.core.runtime.PrecompiledCode;
import dev.jwasm.jit.GeneratedCode;
import dev.jwasm.jit.ModuleCompiler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A WebAssembly module compiled ahead of time to JVM classes, which can be written to a jar and loaded again
 * in another process without compiling (and without ASM on the class path). Instances of {@link #module()}
 * run the compiled code from their first call, under {@link dev.jwasm.api.Tier#JIT} and
 * {@link dev.jwasm.api.Tier#AUTO}; functions the compiler does not support stay interpreted, as they would
 * when compiled at run time.
 *
 * <pre>{@code
 * CompiledModule.compile(Files.readAllBytes(Path.of("app.wasm"))).write(Path.of("app.jar"));
 * // later, in another process:
 * WasmModule module = CompiledModule.load(Path.of("app.jar")).module();
 * Instance instance = new Linker(Engine.create()).instantiate(module);
 * }</pre>
 *
 * <p><b>Trust.</b> A jar holds JVM bytecode that runs with the embedder's permissions, outside the
 * WebAssembly sandbox. Load only jars you wrote yourself or trust as you would any other jar on the class
 * path; {@link WasmModule#parse(byte[])} never loads one. What loading does check is compatibility: a jar
 * written by another jwasm build or format version, one whose module bytes do not match the size and CRC-32
 * its manifest records, and a file that is not such a jar at all are refused with a
 * {@link CompiledModuleException}. The module's sections are decoded again when loaded, but its function
 * bodies are neither scanned nor validated again: the jar records what validation computed when it was
 * compiled, and that is trusted like its classes.
 *
 * <p>Immutable and thread-safe; every instance defines the classes in a class loader of its own, so they
 * are unloaded with it.
 */
public final class CompiledModule {
    private static final String CLASS_PREFIX = ModuleJar.GENERATED_PACKAGE + "Aot_";

    private final byte[] bytes;
    private final String sha256;
    private final GeneratedCode code;
    private final WasmModule module;

    private CompiledModule(byte[] bytes, String sha256, GeneratedCode code, WasmModule parsed) {
        this.bytes = bytes;
        this.sha256 = sha256;
        this.code = code;
        this.module = code.compiledCount() == 0 ? parsed : parsed.withPrecompiledCode(new Installer(code));
    }

    /**
     * Decodes, validates and compiles a module in the binary format.
     *
     * @throws dev.jwasm.api.MalformedModuleException if the bytes are not a well-formed binary module
     * @throws dev.jwasm.api.InvalidModuleException if the module does not validate
     */
    public static CompiledModule compile(byte[] binary) {
        WasmModule parsed = parseBinary(binary);
        String sha256 = ModuleJar.sha256(binary);
        GeneratedCode code = ModuleCompiler.generate(parsed.decoded(), CLASS_PREFIX);
        if (code == null) { // no functions, or none the compiler could take
            int defined = parsed.decoded().codes().size();
            code = new GeneratedCode(CLASS_PREFIX, 1, new boolean[defined], new boolean[defined],
                    java.util.Map.of(), new int[0][]);
        }
        return new CompiledModule(binary.clone(), sha256, code, parsed);
    }

    /**
     * Loads a jar written by {@link #write}: checks it, then decodes its module. Does not compile.
     *
     * @throws CompiledModuleException if the file is not a compiled module of this jwasm build and format
     * @throws dev.jwasm.api.MalformedModuleException if the module it holds does not decode
     * @throws IOException if the file cannot be read
     */
    public static CompiledModule load(Path jar) throws IOException {
        return load(jar, null);
    }

    /** As {@link #load(Path)}, for a jar expected to hold {@code binary} (null: any module). */
    static CompiledModule load(Path jar, byte[] binary) throws IOException {
        ModuleJar.Contents c = ModuleJar.read(jar, binary);
        DecodedModule decoded = ModuleDecoder.decodeWellFormed(c.module());
        if (decoded.codes().size() != c.code().definedFunctions()) {
            throw new CompiledModuleException("compiled module is corrupt: its manifest does not match the module");
        }
        // Validated when compiled; the results are in the jar, trusted like its classes (see "Trust" above).
        return new CompiledModule(c.module(), c.sha256(), c.code(), WasmModule.of(decoded, c.validation()));
    }

    private static WasmModule parseBinary(byte[] binary) {
        if (binary.length < 4 || binary[0] != 0 || binary[1] != 'a' || binary[2] != 's' || binary[3] != 'm') {
            // WasmModule.parse would take text; compiled modules hold exactly the bytes given.
            throw new CompiledModuleException("only modules in the binary format can be compiled ahead of time");
        }
        return WasmModule.parse(binary);
    }

    /** The module, ready to instantiate with the compiled code (through any {@code Linker}). */
    public WasmModule module() {
        return module;
    }

    /** The SHA-256 of the module's bytes, in lowercase hexadecimal (for a loaded jar: as its manifest records). */
    public String sha256() {
        return sha256;
    }

    /** Whether this holds the module {@code binary}, byte for byte. */
    public boolean holds(byte[] binary) {
        return Arrays.equals(bytes, binary);
    }

    /** How many of the module's defined functions are compiled; the others are interpreted. */
    public int compiledFunctions() {
        return code.compiledCount();
    }

    /** How many functions the module defines. */
    public int definedFunctions() {
        return code.definedFunctions();
    }

    /** Writes the jar to {@code out} (which is not closed). */
    public void write(OutputStream out) throws IOException {
        ModuleJar.write(new NonClosing(out), bytes, sha256, module.validationInfo(), code);
    }

    /**
     * Writes the jar to {@code jar} atomically: to a temporary file beside it, then moved into place, so a
     * concurrent reader sees the old file or the new one, never part of one.
     */
    public void write(Path jar) throws IOException {
        Path target = jar.toAbsolutePath();
        // Created with the usual permissions (a temporary file's would be owner-only).
        Path tmp = target.resolveSibling("." + target.getFileName() + "."
                + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                write(out);
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Installs the classes into each new instance, without OSR (nothing is ever compiled after loading). */
    private static final class Installer implements PrecompiledCode {
        private final GeneratedCode code;

        Installer(GeneratedCode code) {
            this.code = code;
        }

        @Override
        public void install(InstanceImpl instance) {
            try {
                code.install(instance, false);
            } catch (RuntimeException | LinkageError e) {
                // A damaged class must not break the program: the interpreter still runs every function.
                org.slf4j.LoggerFactory.getLogger(CompiledModule.class)
                        .warn("compiled code could not be loaded, the instance stays interpreted", e);
            }
        }
    }

    /** Lets the jar stream finish the zip without closing the caller's stream. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
