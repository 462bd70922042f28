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
 * runs. Entries are jars named by the SHA-256 of the module's bytes ({@code <sha256>.jar}); each records the
 * jwasm build and format that wrote it, and an entry from another build, a corrupt one or one that does not
 * hold exactly the module asked for is ignored and replaced. Entries are written to a temporary file and
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
        String sha256 = ModuleJar.sha256(binary);
        Path entry = entry(sha256);
        CompiledModule cached = lookUp(entry, binary, sha256);
        if (cached != null) {
            hits.incrementAndGet();
            return cached;
        }
        misses.incrementAndGet();
        CompiledModule compiled = CompiledModule.compile(binary, sha256);
        store(entry, compiled);
        return compiled;
    }

    /**
     * The compiled module for {@code binary} if the cache holds a usable one; never compiles (for modules
     * the caller would rather start interpreting than compile first). An unusable entry counts as absent.
     */
    public Optional<CompiledModule> find(byte[] binary) {
        String sha256 = ModuleJar.sha256(binary);
        CompiledModule cached = lookUp(entry(sha256), binary, sha256);
        (cached != null ? hits : misses).incrementAndGet();
        return Optional.ofNullable(cached);
    }

    private Path entry(String sha256) {
        return directory.resolve(sha256 + SUFFIX);
    }

    private CompiledModule lookUp(Path entry, byte[] binary, String sha256) {
        try {
            return CompiledModule.load(entry, binary, sha256);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException | RuntimeException e) {
            // Stale (another jwasm build), truncated, corrupt or another module: compile again and overwrite it.
            LOG.debug("replacing cache entry {}: {}", entry, e.getMessage());
        }
        return null;
    }

    private void store(Path entry, CompiledModule compiled) {
        try {
            Files.createDirectories(directory);
            compiled.write(entry);
        } catch (IOException | RuntimeException e) {
            LOG.debug("cannot write cache entry {}: {}", entry, e.toString());
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
