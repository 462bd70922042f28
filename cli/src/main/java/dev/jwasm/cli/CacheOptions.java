package dev.jwasm.cli;

import dev.jwasm.jit.aot.CodeCache;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where {@code jwasm run} keeps compiled modules between runs (see {@link RunModules}). */
final class CacheOptions {
    @Option(names = "--cache-dir", paramLabel = "DIR", order = 40,
            description = "Keep compiled modules in DIR (default: $XDG_CACHE_HOME/jwasm or ~/.cache/jwasm).")
    String directory;

    @Option(names = "--no-cache", order = 41,
            description = "Neither read nor write compiled modules on disk: compile at every run.")
    boolean disabled;

    /** The cache these options select, or null when disabled. */
    CodeCache cache() {
        if (disabled) {
            return null;
        }
        if (directory == null) {
            Path home = CodeCache.defaultDirectory();
            // Without a usable home (user.home is "?" for a user with no passwd entry) there is no cache,
            // rather than one below the current directory.
            return home.isAbsolute() ? CodeCache.at(home) : null;
        }
        try {
            return CodeCache.at(Path.of(directory));
        } catch (InvalidPathException e) {
            throw new CliException("invalid --cache-dir '" + directory + "': " + e.getReason(), ExitCodes.USAGE);
        }
    }
}
