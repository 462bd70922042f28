package dev.jwasm.spec;

import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.jwasm.api.Tier;
import dev.jwasm.core.text.wast.WastFileResult;
import dev.jwasm.core.text.wast.WastParser;
import dev.jwasm.core.text.wast.WastResult;
import dev.jwasm.core.text.wast.WastRunner;
import dev.jwasm.core.text.wast.WastRemark;
import dev.jwasm.core.text.wast.WastScript;
import dev.jwasm.core.text.wast.WastStatus;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The official WebAssembly testsuite, one container per {@code .wast} file and tier, one test per command
 * named {@code file.wast:line}. Skipped commands (features not implemented yet) and the failures listed in
 * {@code expected-failures.txt} are reported as aborted; a listed command that passes fails, so the list
 * only shrinks. {@code -Djwasm.spec.bless=true} writes the current failures to
 * {@code target/expected-failures.generated.txt}.
 */
class SpecTest {
    private static final SpecReport REPORT = new SpecReport();
    private static final String BLESS = "jwasm.spec.bless";

    @TestFactory
    Stream<DynamicNode> officialTestsuite() {
        Optional<Testsuite> suite = Testsuite.locate();
        if (suite.isEmpty()) {
            return Stream.of(dynamicTest("testsuite not found", () -> Assumptions.abort(Testsuite.notFoundMessage())));
        }
        ExpectedFailures expected = ExpectedFailures.load();
        Map<Tier, WastRunner> runners = new LinkedHashMap<>();
        for (Tier tier : SpecTiers.TIERS) {
            runners.put(tier, WastRunner.builder().tier(tier).build());
        }
        Testsuite testsuite = suite.get();
        return testsuite.scripts().stream()
                .map(path -> fileContainer(testsuite.name(path), path, runners, expected));
    }

    @AfterAll
    static void writeReports() throws IOException {
        if (REPORT.isEmpty()) {
            return;
        }
        Path target = Path.of(System.getProperty("basedir", "."), "target");
        REPORT.writeSummary(target.resolve("spec-summary.md"));
        if (Boolean.getBoolean(BLESS)) {
            REPORT.writeGeneratedExpectedFailures(target.resolve("expected-failures.generated.txt"));
        }
        System.out.println(REPORT.totals());
    }

    /** Parsed lazily when JUnit reaches the file, so only one script's tree is in memory at a time. */
    private static DynamicNode fileContainer(String name, Path path, Map<Tier, WastRunner> runners,
                                             ExpectedFailures expected) {
        Stream<DynamicNode> children = Stream.of(path).flatMap(p -> {
            Function<WastRunner, WastFileResult> run = parseOnce(name, p);
            return runners.entrySet().stream()
                    .map(r -> tierContainer(name, path, () -> run.apply(r.getValue()), r.getKey(), expected));
        });
        return dynamicContainer(name, path.toUri(), children);
    }

    /** How to run the file on a runner: the parsed script, or a single failure if it cannot be parsed. */
    private static Function<WastRunner, WastFileResult> parseOnce(String name, Path path) {
        try {
            WastScript script = WastParser.parse(name, Files.readString(path, StandardCharsets.UTF_8));
            return runner -> runner.run(script);
        } catch (IOException | RuntimeException e) {
            WastResult failure = new WastResult(name, 0, "script", WastStatus.FAILED,
                    "cannot read or parse the script: " + e, null, WastRemark.NONE);
            return runner -> new WastFileResult(name, List.of(failure), Duration.ZERO);
        }
    }

    private static DynamicNode tierContainer(String name, Path path, Supplier<WastFileResult> run, Tier tier,
                                             ExpectedFailures expected) {
        Stream<DynamicNode> tests = Stream.of(run).flatMap(r -> {
            WastFileResult result = r.get();
            REPORT.record(name, tier, result, expected);
            List<DynamicNode> nodes = new ArrayList<>();
            for (WastResult command : result.results()) {
                nodes.add(assertionTest(name, path, command, tier, expected));
            }
            nodes.addAll(staleEntryChecks(name, tier, result, expected));
            return nodes.stream();
        });
        return dynamicContainer(tier.name(), tests);
    }

    private static DynamicTest assertionTest(String name, Path path, WastResult r, Tier tier,
                                             ExpectedFailures expected) {
        URI source = URI.create(path.toUri() + "?line=" + Math.max(1, r.line()));
        return dynamicTest(name + ":" + r.line(), source, () -> {
            switch (r.status()) {
                case PASSED -> {
                    if (expected.find(name, r.line(), tier).isPresent()) {
                        Assertions.fail("now passes: remove " + name + ":" + r.line() + " from expected-failures.txt");
                    }
                }
                case SKIPPED -> Assumptions.abort("skipped (" + r.feature() + "): " + r.message());
                case FAILED -> {
                    Optional<ExpectedFailures.Entry> entry = expected.lookup(name, r.line(), tier);
                    if (entry.isPresent()) {
                        Assumptions.abort("expected failure (" + entry.get().reason() + "): " + r.message());
                    }
                    Assertions.fail(r.kind() + " at " + r.location() + ": " + r.message());
                }
            }
        });
    }

    /**
     * Entries that no longer describe a failure: a whole-file entry for a file with no failures, or a line
     * entry for a line that has no command.
     */
    private static List<DynamicNode> staleEntryChecks(String name, Tier tier, WastFileResult result,
                                                      ExpectedFailures expected) {
        Set<Integer> lines = result.results().stream().map(WastResult::line).collect(Collectors.toSet());
        List<DynamicNode> checks = new ArrayList<>();
        for (ExpectedFailures.Entry e : expected.entriesFor(name, tier)) {
            boolean stale = e.line() == 0 ? result.failed() == 0 : !lines.contains(e.line());
            if (stale) {
                checks.add(dynamicTest(e.location() + " (expected-failures entry)", () -> Assertions.fail(
                        "stale entry: " + e.location() + " no longer fails; remove it from expected-failures.txt")));
            }
        }
        return checks;
    }
}
