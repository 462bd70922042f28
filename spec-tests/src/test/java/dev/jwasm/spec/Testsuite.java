package dev.jwasm.spec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds the official testsuite and its scripts. Looked up in order: system property
 * {@code jwasm.testsuite}, environment variable {@code JWASM_TESTSUITE}, then {@code shared/testsuite}
 * next to the repository root (found by walking up from the working directory to the aggregator pom).
 */
final class Testsuite {
    static final String PROPERTY = "jwasm.testsuite";
    static final String ENVIRONMENT = "JWASM_TESTSUITE";
    /** Sub-directories scanned recursively besides the root's own {@code *.wast} files. */
    private static final List<String> NESTED = List.of("proposals", "custom", "legacy");

    private final Path root;

    private Testsuite(Path root) {
        this.root = root;
    }

    Path root() {
        return root;
    }

    /** The testsuite, or empty when the configured or default location has no scripts. */
    static Optional<Testsuite> locate() {
        Path dir = configuredLocation();
        return isTestsuite(dir) ? Optional.of(new Testsuite(dir.toAbsolutePath().normalize())) : Optional.empty();
    }

    /** The directory that was (or would be) searched, for the "not found" message. */
    static Path configuredLocation() {
        String property = System.getProperty(PROPERTY);
        if (property != null && !property.isBlank()) {
            return Path.of(property);
        }
        String env = System.getenv(ENVIRONMENT);
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        Path repositoryRoot = repositoryRoot(Path.of("").toAbsolutePath());
        return repositoryRoot.resolveSibling("shared").resolve("testsuite").normalize();
    }

    static String notFoundMessage() {
        return "WebAssembly testsuite not found at " + configuredLocation().toAbsolutePath()
                + "; point to it with -D" + PROPERTY + "=<dir> or the environment variable " + ENVIRONMENT;
    }

    /** The root's {@code *.wast} files, then those under proposals/, custom/ and legacy/, each sorted. */
    List<Path> scripts() {
        List<Path> out = new ArrayList<>(list(root, 1));
        for (String nested : NESTED) {
            Path dir = root.resolve(nested);
            if (Files.isDirectory(dir)) {
                out.addAll(list(dir, Integer.MAX_VALUE));
            }
        }
        return out;
    }

    /** {@code proposals/threads/atomic.wast}: the path relative to the root with forward slashes. */
    String name(Path script) {
        return root.relativize(script).toString().replace('\\', '/');
    }

    private static List<Path> list(Path dir, int depth) {
        try (Stream<Path> files = Files.walk(dir, depth)) {
            return files.filter(p -> p.toString().endsWith(".wast") && Files.isRegularFile(p)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isTestsuite(Path dir) {
        return Files.isDirectory(dir) && !list(dir, 1).isEmpty();
    }

    /**
     * The multi-module root: the nearest directory from {@code start} upwards whose pom.xml lists modules
     * (Maven runs this module with the module directory as working directory), else {@code start}.
     */
    static Path repositoryRoot(Path start) {
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path pom = dir.resolve("pom.xml");
            if (Files.isRegularFile(pom) && declaresModules(pom)) {
                return dir;
            }
        }
        return start;
    }

    private static boolean declaresModules(Path pom) {
        try {
            return Files.readString(pom).contains("<modules>");
        } catch (IOException e) {
            return false;
        }
    }
}
