package dev.jwasm.jit.aot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An on-disk cache of {@link CompiledModule}s, so a module compiled once is loaded without compiling by later
 * runs. Entries are jars named by the CRC-32 and size of the module's bytes ({@code <crc32>-<size>.jar}) and used
 * only if they hold exactly those bytes, so a collision costs a compilation, never the wrong code (a SHA-256
 * name would cost ~16 ms per run, see {@link ModuleJar#read}). Each entry records the jwasm build and format
 * that wrote it, and an entry from another build, a corrupt one or one holding another module is ignored and
 * replaced. Entries are written to a temporary file and
 * moved into place, so processes sharing the directory never read a partial entry (the last writer wins,
 * and both wrote the same thing). Problems with the directory itself (missing permissions, a full disk) only
 * mean the module is compiled as if there were no cache.
 *
 * <pre>{@code
 * CodeCache cache = CodeCache.at(CodeCache.defaultDirectory());
 * WasmModule module = cache.get(Files.readAllBytes(Path.of("app.wasm"))).module();
 * }</pre>
 *
 * <p>The directory is trusted like any class path entry: see {@link CompiledModule} on trust. Nothing is ever
 * evicted; an entry is replaced only when its module is compiled again (after a jwasm upgrade). Thread-safe.
 */
public final class CodeCache {
    private static final Logger LOG = LoggerFactory.getLogger(CodeCache.class);
    private static final String SUFFIX = ".jar";

    private final Path directory;
    private final AtomicLong hits = new AtomicLong();
    private final AtomicLong misses = new AtomicLong();

    private CodeCache(Path directory) {
        this.directory = directory;
    }

    /** A cache in {@code directory}, which is created when the first entry is written. */
    public static CodeCache at(Path directory) {
        return new CodeCache(directory.toAbsolutePath());
    }

    /**
     * The per-user default: the system property {@code jwasm.cache.dir} if set, else
     * {@code $XDG_CACHE_HOME/jwasm} if that variable holds an absolute path, else {@code ~/.cache/jwasm}.
     */
    public static Path defaultDirectory() {
        String property = System.getProperty("jwasm.cache.dir", "");
        if (!property.isEmpty()) {
            return Path.of(property);
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isEmpty() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, "jwasm");
        }
        return Path.of(System.getProperty("user.home"), ".cache", "jwasm");
    }

    public Path directory() {
        return directory;
    }

    /**
     * The compiled module for {@code binary}: loaded from the cache if a usable entry exists, otherwise
     * compiled and stored.
     *
     * @throws dev.jwasm.api.MalformedModuleException if the bytes are not a well-formed binary module
     * @throws dev.jwasm.api.InvalidModuleException if the module does not validate
     */
    public CompiledModule get(byte[] binary) {
        Path entry = entry(binary);
        CompiledModule cached = lookUp(entry, binary);
        if (cached != null) {
            hits.incrementAndGet();
            return cached;
        }
        misses.incrementAndGet();
        CompiledModule compiled = CompiledModule.compile(binary);
        if (store(entry, compiled)) {
            // Read back, so what later runs will load is known to load (and this run loads the same way).
            CompiledModule stored = lookUp(entry, binary);
            if (stored != null) {
                return stored;
            }
        }
        return compiled;
    }

    /**
     * The compiled module for {@code binary} if the cache holds a usable one; never compiles (for modules
     * the caller would rather start interpreting than compile first). An unusable entry counts as absent.
     */
    public Optional<CompiledModule> find(byte[] binary) {
        CompiledModule cached = lookUp(entry(binary), binary);
        (cached != null ? hits : misses).incrementAndGet();
        return Optional.ofNullable(cached);
    }

    /** The entry for {@code binary}. */
    Path entry(byte[] binary) {
        return directory.resolve(ModuleJar.crc32(binary) + "-" + binary.length + SUFFIX);
    }

    private CompiledModule lookUp(Path entry, byte[] binary) {
        try {
            return CompiledModule.load(entry, binary);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException | RuntimeException e) {
            // Stale (another jwasm build), truncated, corrupt or another module: compile again and overwrite it.
            LOG.debug("replacing cache entry {}: {}", entry, e.getMessage());
        }
        return null;
    }

    private boolean store(Path entry, CompiledModule compiled) {
        try {
            Files.createDirectories(directory);
            compiled.write(entry);
            return true;
        } catch (IOException | RuntimeException e) {
            LOG.debug("cannot write cache entry {}: {}", entry, e.toString());
            return false;
        }
    }

    /** How many {@link #get} and {@link #find} calls were answered from the directory. */
    public long hits() {
        return hits.get();
    }

    /** How many {@link #get} calls compiled the module (and tried to store it), and {@link #find} calls found nothing. */
    public long misses() {
        return misses.get();
    }
}
