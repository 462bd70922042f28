package dev.jwasm.jit.aot;

import dev.jwasm.core.model.FunctionInfo;
import dev.jwasm.core.model.ValidationInfo;
import dev.jwasm.jit.GeneratedCode;
import dev.jwasm.jit.link.MemoryAccess;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.HexFormat;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * The layout of a compiled-module jar, read and written with the JDK's zip support only (loading must not
 * need ASM):
 *
 * <pre>
 * META-INF/MANIFEST.MF          Jwasm-Format, Jwasm-Version, Jwasm-Module-SHA-256 (the module's identity),
 *                               Jwasm-Module-Size and Jwasm-Module-CRC32 (checked at every load), Jwasm-Functions,
 *                               Jwasm-Compiled and Jwasm-Tail-Calling (defined-function index ranges),
 *                               Jwasm-Class-Prefix, Jwasm-Functions-Per-Class
 * jwasm/module.wasm             the module's binary bytes (decoded again when loaded)
 * jwasm/validation.bin          what validation computed: function count, then per defined function its
 *                               maximum stack height, control depth and flags (bit 0 uses memory, bit 1
 *                               calls), then the declared function references as a long[] bit set
 * jwasm/costs.bin               per generated class: count, then that many loop fuel costs (big-endian ints)
 * dev/jwasm/jit/gen/...class    the generated classes, Jwasm-Class-Prefix followed by 0, 1, ...
 * </pre>
 *
 * Functions outside Jwasm-Compiled stay interpreted. Every field is checked when reading, so a truncated or
 * foreign jar is reported, never half-loaded.
 */
final class ModuleJar {
    static final String FORMAT = "Jwasm-Format";
    static final String VERSION = "Jwasm-Version";
    static final String SHA256 = "Jwasm-Module-SHA-256";
    private static final String MODULE_SIZE = "Jwasm-Module-Size";
    private static final String MODULE_CRC = "Jwasm-Module-CRC32";
    private static final String FUNCTIONS = "Jwasm-Functions";
    private static final String COMPILED = "Jwasm-Compiled";
    private static final String TAIL_CALLING = "Jwasm-Tail-Calling";
    private static final String CLASS_PREFIX = "Jwasm-Class-Prefix";
    private static final String PER_CLASS = "Jwasm-Functions-Per-Class";
    /** The class generated code calls for memory accesses, which depends on the JVM that compiled it. */
    private static final String MEMORY_ACCESS = "Jwasm-Memory-Access";
    private static final String MANIFEST_ENTRY = "META-INF/MANIFEST.MF";
    private static final String MODULE_ENTRY = "jwasm/module.wasm";
    private static final String COSTS_ENTRY = "jwasm/costs.bin";
    private static final String VALIDATION_ENTRY = "jwasm/validation.bin";
    /** Generated classes live here; a jar naming any other package is refused. */
    static final String GENERATED_PACKAGE = "dev/jwasm/jit/gen/";
    /** No entry is read beyond this (a module cannot be larger than an array anyway). */
    private static final int MAX_ENTRY_BYTES = Integer.MAX_VALUE - 16;
    /** Ours are a few hundred bytes; a larger one is not worth reading. */
    private static final int MAX_MANIFEST_BYTES = 1 << 20;
    /** Generated classes, and each data entry, are bounded by this many bytes per byte of module, plus slack. */
    private static final long BYTES_PER_MODULE_BYTE = 32;
    private static final long SLACK_BYTES = 16 << 20;
    private static final String HEX_DIGITS = "0123456789abcdef";
    private static final String NAME_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_/$";

    /** What a jar holds. */
    record Contents(byte[] module, String sha256, ValidationInfo validation, GeneratedCode code) {
    }

    private ModuleJar() {
    }

    static void write(OutputStream out, byte[] module, String sha256, ValidationInfo validation, GeneratedCode code)
            throws IOException {
        Manifest manifest = new Manifest();
        Attributes a = manifest.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Created-By", "jwasm " + BuildInfo.JWASM_VERSION);
        a.putValue(FORMAT, Integer.toString(BuildInfo.FORMAT_VERSION));
        a.putValue(VERSION, BuildInfo.JWASM_VERSION);
        a.putValue(MEMORY_ACCESS, MemoryAccess.ACCESS_CLASS);
        a.putValue(SHA256, sha256);
        a.putValue(MODULE_SIZE, Integer.toString(module.length));
        a.putValue(MODULE_CRC, crc32(module));
        a.putValue(FUNCTIONS, Integer.toString(code.definedFunctions()));
        a.putValue(COMPILED, FunctionRanges.format(code.definedFunctions(), code::isCompiled));
        a.putValue(TAIL_CALLING, FunctionRanges.format(code.definedFunctions(), code::isTailCalling));
        a.putValue(CLASS_PREFIX, code.classPrefix());
        a.putValue(PER_CLASS, Integer.toString(code.functionsPerClass()));
        try (JarOutputStream jar = new JarOutputStream(out, manifest)) {
            put(jar, MODULE_ENTRY, module);
            put(jar, VALIDATION_ENTRY, validation(validation));
            put(jar, COSTS_ENTRY, costs(code));
            for (int c = 0; c < code.classCount(); c++) {
                String name = code.classPrefix() + c;
                put(jar, name + ".class", code.classes().get(name.replace('/', '.')));
            }
        }
    }

    private static void put(JarOutputStream jar, String name, byte[] bytes) throws IOException {
        jar.putNextEntry(new ZipEntry(name));
        jar.write(bytes);
        jar.closeEntry();
    }

    private static byte[] validation(ValidationInfo info) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(info.functions().size());
        for (FunctionInfo f : info.functions()) {
            out.writeInt(f.maxStackHeight());
            out.writeInt(f.maxControlDepth());
            out.writeByte((f.usesMemory() ? 1 : 0) | (f.hasCalls() ? 2 : 0));
        }
        long[] refs = info.declaredFunctionRefs().toLongArray();
        out.writeInt(refs.length);
        for (long word : refs) {
            out.writeLong(word);
        }
        out.flush();
        return bytes.toByteArray();
    }

    private static ValidationInfo validation(byte[] bytes, int functions) {
        try {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
            if (in.readInt() != functions) {
                throw corrupt(VALIDATION_ENTRY + " does not match the module");
            }
            List<FunctionInfo> infos = new ArrayList<>(functions);
            for (int i = 0; i < functions; i++) {
                int stack = in.readInt();
                int depth = in.readInt();
                int flags = in.readByte();
                if (stack < 0 || depth < 0 || (flags & ~3) != 0) {
                    throw corrupt("bad " + VALIDATION_ENTRY);
                }
                infos.add(new FunctionInfo(stack, depth, (flags & 1) != 0, (flags & 2) != 0));
            }
            int words = in.readInt();
            if (words < 0 || words > in.available() / 8) {
                throw corrupt("bad " + VALIDATION_ENTRY);
            }
            long[] refs = new long[words];
            for (int i = 0; i < words; i++) {
                refs[i] = in.readLong();
            }
            return new ValidationInfo(infos, BitSet.valueOf(refs));
        } catch (IOException e) { // only EOF: the stream is in memory
            throw corrupt(VALIDATION_ENTRY + " is truncated");
        }
    }

    private static byte[] costs(GeneratedCode code) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(code.classCount());
        for (int c = 0; c < code.classCount(); c++) {
            int[] costs = code.costs(c);
            out.writeInt(costs.length);
            for (int cost : costs) {
                out.writeInt(cost);
            }
        }
        out.flush();
        return bytes.toByteArray();
    }

    /**
     * Reads and checks {@code path}. Does not decode the module. The module's bytes are checked against the
     * size and CRC-32 in the manifest, not its SHA-256: the JDK's SHA-256 runs in the bytecode interpreter
     * this early in a process, ~16 ms for a 36 KB module (more than a quarter of a cached run's own work),
     * while {@code CRC32} is native. CRC-32 catches damage and a module replaced without its manifest; a
     * deliberate forgery is out of scope, since whoever can write the jar can write its classes.
     *
     * @param expected the module the caller expects the jar to hold, or null for any
     * @throws CompiledModuleException if it is not a compiled-module jar of this build and format, or does not
     *     hold the expected module
     * @throws IOException if it cannot be read
     */
    static Contents read(Path path, byte[] expected) throws IOException {
        try (ZipFile zip = new ZipFile(path.toFile())) {
            Attributes a = manifest(zip);
            checkCompatible(a);
            // Entries are read up to what the manifest makes plausible, so a zip bomb cannot exhaust the heap.
            byte[] module = entry(zip, MODULE_ENTRY, number(a, MODULE_SIZE));
            long budget = BYTES_PER_MODULE_BYTE * module.length + SLACK_BYTES;
            if (!Integer.toString(module.length).equals(a.getValue(MODULE_SIZE))
                    || !crc32(module).equals(a.getValue(MODULE_CRC))) {
                throw new CompiledModuleException("compiled module is corrupt: jwasm/module.wasm does not match "
                        + "the size and CRC-32 its manifest records");
            }
            if (expected != null && !Arrays.equals(module, expected)) {
                throw new CompiledModuleException("compiled module holds another module");
            }
            String sha256 = a.getValue(SHA256);
            if (sha256 == null || sha256.length() != 64 || !onlyOf(sha256, HEX_DIGITS)) {
                throw corrupt("bad " + SHA256);
            }
            GeneratedCode code = code(zip, a, module.length, budget);
            ValidationInfo validation = validation(entry(zip, VALIDATION_ENTRY, budget), code.definedFunctions());
            return new Contents(module, sha256, validation, code);
        } catch (ZipException e) {
            throw new CompiledModuleException("not a jwasm compiled module: not a jar file (" + e.getMessage() + ")");
        }
    }

    private static Attributes manifest(ZipFile zip) throws IOException {
        ZipEntry e = zip.getEntry(MANIFEST_ENTRY);
        if (e == null) {
            throw new CompiledModuleException("not a jwasm compiled module: the jar has no manifest");
        }
        byte[] bytes;
        try (InputStream in = zip.getInputStream(e)) {
            bytes = in.readNBytes(MAX_MANIFEST_BYTES);
            if (in.read() >= 0) {
                throw new CompiledModuleException("not a jwasm compiled module: its manifest is too large");
            }
        }
        try (InputStream in = new java.io.ByteArrayInputStream(bytes)) {
            Attributes a = new Manifest(in).getMainAttributes();
            if (a.getValue(FORMAT) == null) {
                throw new CompiledModuleException("not a jwasm compiled module: its manifest has no " + FORMAT);
            }
            return a;
        }
    }

    private static void checkCompatible(Attributes a) {
        String format = a.getValue(FORMAT);
        String version = a.getValue(VERSION);
        if (!format.equals(Integer.toString(BuildInfo.FORMAT_VERSION))) {
            throw new CompiledModuleException("compiled module is stale: format " + format + ", written by jwasm "
                    + version + "; this jwasm reads format " + BuildInfo.FORMAT_VERSION + ": compile the module again");
        }
        if (!BuildInfo.JWASM_VERSION.equals(version)) {
            throw new CompiledModuleException("compiled module is stale: written by jwasm " + version
                    + ", this is jwasm " + BuildInfo.JWASM_VERSION + ": compile the module again");
        }
        String access = a.getValue(MEMORY_ACCESS);
        if (!MemoryAccess.ACCESS_CLASS.equals(access)) {
            throw new CompiledModuleException("compiled module does not fit this JVM: its code accesses memory"
                    + " through " + access + ", this JVM needs " + MemoryAccess.ACCESS_CLASS
                    + " (see -Djwasm.jit.unsafeMemory): compile the module again");
        }
    }

    private static GeneratedCode code(ZipFile zip, Attributes a, int moduleBytes, long budget) throws IOException {
        int functions = number(a, FUNCTIONS);
        if (functions > moduleBytes) { // every function takes bytes of the module: no allocation beyond its size
            throw corrupt("bad " + FUNCTIONS);
        }
        int perClass = number(a, PER_CLASS);
        String prefix = a.getValue(CLASS_PREFIX);
        if (perClass == 0 || prefix == null || !prefix.startsWith(GENERATED_PACKAGE) || !onlyOf(prefix, NAME_CHARS)) {
            throw corrupt("bad " + PER_CLASS + " or " + CLASS_PREFIX);
        }
        boolean[] compiled = FunctionRanges.parse(a.getValue(COMPILED), functions);
        boolean[] tailCalling = FunctionRanges.parse(a.getValue(TAIL_CALLING), functions);
        if (compiled == null || tailCalling == null) {
            throw corrupt("bad " + COMPILED + " or " + TAIL_CALLING);
        }
        int[][] costs = costs(entry(zip, COSTS_ENTRY, budget));
        int expected = costs.length == 0 ? 0 : (functions + perClass - 1) / perClass;
        if (costs.length != expected) {
            throw corrupt("it has " + costs.length + " classes for " + functions + " functions");
        }
        Map<String, byte[]> classes = new HashMap<>();
        for (int c = 0; c < costs.length; c++) {
            String name = prefix + c;
            byte[] bytes = entry(zip, name + ".class", budget);
            budget -= bytes.length;
            classes.put(name.replace('/', '.'), bytes);
        }
        return new GeneratedCode(prefix, perClass, compiled, tailCalling, classes, costs);
    }

    private static int[][] costs(byte[] bytes) {
        try {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
            int classes = in.readInt();
            if (classes < 0 || classes > bytes.length / 4) {
                throw corrupt("bad " + COSTS_ENTRY);
            }
            int[][] costs = new int[classes][];
            for (int c = 0; c < classes; c++) {
                int n = in.readInt();
                if (n < 0 || n > in.available() / 4) {
                    throw corrupt("bad " + COSTS_ENTRY);
                }
                costs[c] = new int[n];
                for (int i = 0; i < n; i++) {
                    costs[c][i] = in.readInt();
                }
            }
            return costs;
        } catch (IOException e) { // only EOF: the stream is in memory
            throw corrupt(COSTS_ENTRY + " is truncated");
        }
    }

    private static int number(Attributes a, String name) {
        String v = a.getValue(name);
        try {
            int n = Integer.parseInt(v == null ? "" : v);
            if (n < 0) {
                throw corrupt("bad " + name);
            }
            return n;
        } catch (NumberFormatException e) {
            throw corrupt("bad " + name);
        }
    }

    /** The bytes of entry {@code name}, at most {@code limit} of them. */
    private static byte[] entry(ZipFile zip, String name, long limit) throws IOException {
        ZipEntry e = zip.getEntry(name);
        if (e == null) {
            throw corrupt("it has no " + name);
        }
        try (InputStream in = zip.getInputStream(e)) {
            byte[] bytes = in.readNBytes((int) Math.min(Math.max(limit, 0), MAX_ENTRY_BYTES));
            if (in.read() >= 0) {
                throw corrupt(name + " is too large");
            }
            return bytes;
        }
    }

    /** Whether every character of {@code s} is in {@code allowed} (no regular expression: start-up time). */
    private static boolean onlyOf(String s, String allowed) {
        for (int i = 0; i < s.length(); i++) {
            if (allowed.indexOf(s.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    private static CompiledModuleException corrupt(String detail) {
        return new CompiledModuleException("compiled module is corrupt: " + detail);
    }

    /** The CRC-32 of {@code bytes} as eight lowercase hexadecimal digits. */
    static String crc32(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, bytes.length);
        return Long.toHexString(crc.getValue() | 1L << 32).substring(1);
    }

    /** Lowercase hexadecimal SHA-256 of {@code bytes}. */
    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
