package dev.jwasm.core.binary;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jwasm.api.MalformedModuleException;
import dev.jwasm.core.SharedMaterial;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Decodes every {@code (module binary ...)} of the spec testsuite: modules under {@code assert_malformed}
 * must fail with the expected message, all others must decode (validation may still reject them later).
 *
 * <p>The testsuite directory comes from system property {@code jwasm.testsuite}, else environment variable
 * {@code JWASM_TESTSUITE}, else beside the repository; the test is skipped when it is absent.
 */
class SpecTestsuiteBinaryCorpusTest {
    /** Proposal directories whose binary encodings the decoder supports, besides the top level. */
    private static final List<String> PROPOSAL_DIRS = List.of("proposals/custom-page-sizes", "proposals/threads",
            "proposals/wide-arithmetic", "legacy");

    /**
     * Expected differences from the core testsuite, each a consequence of a supported proposal: the
     * custom-page-sizes proposal gives memory limits flag 0x08 a meaning (a page size follows), so the core
     * test that calls that flag malformed now fails on the missing bytes instead.
     */
    private static final Map<String, String> KNOWN_DIVERGENCES = Map.of(
            "binary.wast:" + "0061736d010000000502" + "0108", "unexpected end");

    @Test
    void everyBinaryModuleOfTheCoreTestsuiteDecodesOrFailsWithTheExpectedMessage() throws IOException {
        Path root = testsuite();
        assumeTrue(root != null, "spec testsuite not found: set -Djwasm.testsuite or JWASM_TESTSUITE");
        Outcome outcome = run(wastFiles(root));
        System.out.println("[binary corpus] core testsuite: " + outcome.summary());
        assertTrue(outcome.failures.isEmpty(), outcome.report());
        assertTrue(outcome.decoded > 0 && outcome.malformed > 0, "found no binary modules: " + root);
    }

    @Test
    void binaryModulesOfSupportedProposalsDecodeOrFailWithTheExpectedMessage() throws IOException {
        Path root = testsuite();
        assumeTrue(root != null, "spec testsuite not found: set -Djwasm.testsuite or JWASM_TESTSUITE");
        List<Path> files = new ArrayList<>();
        for (String dir : PROPOSAL_DIRS) {
            if (Files.isDirectory(root.resolve(dir))) {
                files.addAll(wastFiles(root.resolve(dir)));
            }
        }
        Outcome outcome = run(files);
        System.out.println("[binary corpus] proposals " + PROPOSAL_DIRS + ": " + outcome.summary());
        assertTrue(outcome.failures.isEmpty(), outcome.report());
    }

    static Path testsuite() {
        Path p = SharedMaterial.testsuite();
        return Files.isDirectory(p) ? p : null;
    }

    private static List<Path> wastFiles(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".wast")).sorted().toList();
        }
    }

    private static final class Outcome {
        int decoded;
        int malformed;
        int knownDivergences;
        final List<String> failures = new ArrayList<>();

        String summary() {
            return decoded + " modules decoded, " + malformed + " malformed modules rejected with the expected "
                    + "message, " + knownDivergences + " known divergences, " + failures.size() + " failures";
        }

        String report() {
            return summary() + "\n" + String.join("\n", failures.subList(0, Math.min(40, failures.size())));
        }
    }

    private static Outcome run(List<Path> files) throws IOException {
        Outcome o = new Outcome();
        for (Path f : files) {
            for (WastBinaryModules.BinaryModule m : WastBinaryModules.read(f)) {
                check(m, o);
            }
        }
        return o;
    }

    private static void check(WastBinaryModules.BinaryModule m, Outcome o) {
        String where = m.file() + ":" + m.line();
        String error;
        try {
            ModuleDecoder.decode(m.bytes());
            error = null;
        } catch (MalformedModuleException e) {
            error = e.getMessage();
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            o.failures.add(where + ": crashed with " + e);
            return;
        }
        if (m.expectedMalformed() == null) {
            if (error == null) {
                o.decoded++;
            } else {
                o.failures.add(where + ": expected to decode, got \"" + error + "\"");
            }
            return;
        }
        if (error != null && error.contains(m.expectedMalformed())) {
            o.malformed++;
            return;
        }
        String known = KNOWN_DIVERGENCES.get(m.file() + ":" + HexFormat.of().formatHex(m.bytes()));
        if (known != null && error != null && error.contains(known)) {
            o.knownDivergences++;
            return;
        }
        o.failures.add(where + ": expected \"" + m.expectedMalformed() + "\", got "
                + (error == null ? "a decoded module" : "\"" + error + "\""));
    }
}
