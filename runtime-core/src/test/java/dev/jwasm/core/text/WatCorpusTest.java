package dev.jwasm.core.text;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwasm.api.TextFormatException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
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

    static Path testsuite() {
        String p = System.getProperty("jwasm.testsuite");
        if (p == null) {
            p = System.getenv("JWASM_TESTSUITE");
        }
        return Path.of(p != null ? p : "/work/shared/testsuite");
    }

    @Test
    void corpus() throws IOException {
        Path root = testsuite();
        Assumptions.assumeTrue(Files.isDirectory(root), "testsuite not found at " + root + "; skipping corpus test");
        List<Path> files;
        try (Stream<Path> s = Files.walk(root)) {
            files = s.filter(f -> f.toString().endsWith(".wast")).sorted().toList();
        }
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
        for (SExpr form : forms) {
            command(name, form);
        }
    }

    private void command(String file, SExpr form) {
        String head = Cursor.head(form);
        if (head == null) {
            return;
        }
        List<SExpr> items = ((SExpr.Parens) form).items();
        switch (head) {
            case "module" -> module(file, (SExpr.Parens) form);
            case "assert_malformed" -> malformed(file, (SExpr.Parens) form);
            case "thread" -> items.forEach(i -> command(file, i));
            default -> {
                if (head.startsWith("assert_") && items.size() > 1 && "module".equals(Cursor.head(items.get(1)))) {
                    module(file, (SExpr.Parens) items.get(1));
                }
            }
        }
    }

    private static String kind(SExpr.Parens module) {
        for (SExpr e : module.items().subList(1, Math.min(4, module.items().size()))) {
            if (e instanceof SExpr.Atom a && a.kind() == SExpr.Kind.KEYWORD
                    && (a.text().equals("binary") || a.text().equals("quote") || a.text().equals("instance"))) {
                return a.text();
            }
        }
        return "text";
    }

    private static byte[] quoted(SExpr.Parens module) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        boolean after = false;
        for (SExpr e : module.items()) {
            if (after && e instanceof SExpr.Atom a && a.kind() == SExpr.Kind.STRING) {
                out.writeBytes(TextStrings.decode(a)); // concatenated as is, like the reference interpreter
            }
            if (e instanceof SExpr.Atom a && a.text().equals("quote")) {
                after = true;
            }
        }
        return out.toByteArray();
    }

    private void module(String file, SExpr.Parens module) {
        String kind = kind(module);
        if (KNOWN_GAPS.contains(file + ":" + module.line())) {
            skipped++;
            return;
        }
        try {
            switch (kind) {
                case "text" -> Wat.encodeModule(module);
                case "quote" -> Wat.parse(quoted(module));
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
        if (!kind(module).equals("quote")) {
            return;
        }
        String expected = form.items().size() > 2 && form.items().get(2) instanceof SExpr.Atom a
                && a.kind() == SExpr.Kind.STRING ? new String(TextStrings.decode(a), StandardCharsets.UTF_8) : "";
        if (ANNOTATION_GAPS.stream().anyMatch(expected::contains) || KNOWN_GAPS.contains(file + ":" + form.line())) {
            skipped++;
            return;
        }
        try {
            Wat.parse(quoted(module));
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
