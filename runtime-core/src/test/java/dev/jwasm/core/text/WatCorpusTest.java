package dev.jwasm.core.text;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwasm.api.TextFormatException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Runs the text front end over every .wast script of the spec testsuite: every text module must encode,
 * and every {@code assert_malformed (module quote ...)} must be rejected with the expected message.
 */
class WatCorpusTest {
    /** Malformed cases about annotations that this front end drops instead of interpreting. */
    private static final List<String> ANNOTATION_GAPS = List.of("@custom", "@name", "@metadata", "misplaced @");

    /**
     * Known gaps, by "file:line" of the command: old threads-proposal expectations that contradict the
     * current memory.wast (limits beyond the address range are a validation error, not a syntax error).
     */
    private static final java.util.Set<String> KNOWN_GAPS = java.util.Set.of(
            "proposals/threads/memory.wast:83",
            "proposals/threads/memory.wast:87",
            "proposals/threads/memory.wast:91");

    private int encoded;
    private int rejected;
    private int skipped;
    private final List<String> failures = new ArrayList<>();

    @Test
    void corpus() throws IOException {
        Path root = WastCorpus.root();
        Assumptions.assumeTrue(Files.isDirectory(root), "testsuite not found at " + root + "; skipping corpus test");
        List<Path> files = WastCorpus.scripts(root);
        for (Path f : files) {
            runScript(root.relativize(f).toString(), Files.readString(f, StandardCharsets.UTF_8));
        }
        System.out.printf("WatCorpusTest: %d scripts, %d modules encoded, %d malformed rejected with matching text,"
                + " %d skipped (known gaps), %d failures%n", files.size(), encoded, rejected, skipped, failures.size());
        failures.stream().limit(20).forEach(System.out::println);
        Files.write(Path.of("target", "wat-corpus-failures.txt"), failures);
        assertTrue(failures.isEmpty(), failures.size() + " corpus failures, first: "
                + (failures.isEmpty() ? "" : failures.get(0)));
    }

    private void runScript(String name, String text) {
        List<SExpr> forms;
        try {
            forms = SExprParser.parseAll(text);
        } catch (TextFormatException e) {
            failures.add(name + ": script does not parse: " + e.getMessage());
            return;
        }
        WastCorpus.walk(name, forms, new WastCorpus.Visitor() {
            @Override
            public void module(String file, SExpr.Parens module) {
                WatCorpusTest.this.module(file, module);
            }

            @Override
            public void malformed(String file, SExpr.Parens assertion) {
                WatCorpusTest.this.malformed(file, assertion);
            }
        });
    }

    private void module(String file, SExpr.Parens module) {
        String kind = WastCorpus.kind(module);
        if (KNOWN_GAPS.contains(file + ":" + module.line())) {
            skipped++;
            return;
        }
        try {
            switch (kind) {
                case "text" -> Wat.encodeModule(module);
                case "quote" -> Wat.parse(WastCorpus.quoted(module));
                default -> {
                    return;
                }
            }
            encoded++;
        } catch (RuntimeException | StackOverflowError e) {
            failures.add(file + ":" + module.line() + ": " + e);
        }
    }

    private void malformed(String file, SExpr.Parens form) {
        SExpr.Parens module = (SExpr.Parens) form.items().get(1);
        if (!WastCorpus.kind(module).equals("quote")) {
            return;
        }
        String expected = form.items().size() > 2 && form.items().get(2) instanceof SExpr.Atom a
                && a.kind() == SExpr.Kind.STRING ? new String(TextStrings.decode(a), StandardCharsets.UTF_8) : "";
        if (ANNOTATION_GAPS.stream().anyMatch(expected::contains) || KNOWN_GAPS.contains(file + ":" + form.line())) {
            skipped++;
            return;
        }
        try {
            Wat.parse(WastCorpus.quoted(module));
            failures.add(file + ":" + form.line() + ": accepted, expected \"" + expected + "\"");
        } catch (TextFormatException e) {
            if (e.getMessage().contains(expected)) {
                rejected++;
            } else {
                failures.add(file + ":" + form.line() + ": expected \"" + expected + "\" got " + e.getMessage());
            }
        } catch (RuntimeException | StackOverflowError e) {
            failures.add(file + ":" + form.line() + ": expected \"" + expected + "\" got " + e);
        }
    }
}
