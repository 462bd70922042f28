package dev.jwasm.core.binary;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jwasm.api.TextFormatException;
import dev.jwasm.core.text.SExpr;
import dev.jwasm.core.text.SExprParser;
import dev.jwasm.core.text.Wat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every text module of the spec testsuite, encoded by the text front end, decodes: a round trip through
 * two independent implementations of the binary format. Modules under {@code assert_malformed} are left
 * out (the text front end rejects them); those under {@code assert_invalid} must decode too.
 */
class TextModulesDecodeTest {
    /** Proposals whose binary encoding the decoder does not implement. */
    private static final List<String> UNSUPPORTED = List.of("custom-descriptors");

    private int decoded;
    private int notEncoded;
    private final List<String> failures = new ArrayList<>();

    @Test
    void everyTextModuleOfTheTestsuiteDecodesAfterEncoding() throws IOException {
        Path root = SpecTestsuiteBinaryCorpusTest.testsuite();
        assumeTrue(root != null, "spec testsuite not found: set -Djwasm.testsuite or JWASM_TESTSUITE");
        List<Path> files;
        try (Stream<Path> s = Files.walk(root)) {
            files = s.filter(f -> f.toString().endsWith(".wast"))
                    .filter(f -> UNSUPPORTED.stream().noneMatch(u -> f.toString().contains(u))).sorted().toList();
        }
        for (Path f : files) {
            List<SExpr> forms = SExprParser.parseAll(Files.readString(f, StandardCharsets.UTF_8));
            forms.forEach(form -> visit(root.relativize(f).toString(), form));
        }
        System.out.println("[binary corpus] text modules: " + decoded + " decoded after encoding, " + notEncoded
                + " not encodable by the text front end, " + failures.size() + " decode failures");
        assertTrue(failures.isEmpty(), failures.size() + " failures:\n"
                + String.join("\n", failures.subList(0, Math.min(30, failures.size()))));
    }

    private void visit(String file, SExpr form) {
        if (!(form instanceof SExpr.Parens p) || p.items().isEmpty()) {
            return;
        }
        String head = p.items().get(0).toString();
        if (head.equals("assert_malformed")) {
            return;
        }
        if (head.equals("module")) {
            module(file, p);
            return;
        }
        p.items().forEach(child -> visit(file, child));
    }

    private void module(String file, SExpr.Parens module) {
        for (SExpr e : module.items().subList(1, Math.min(4, module.items().size()))) {
            String t = e.toString();
            if (t.equals("binary") || t.equals("quote") || t.equals("instance")) {
                return;
            }
        }
        byte[] bytes;
        try {
            bytes = Wat.encodeModule(module);
        } catch (TextFormatException e) {
            notEncoded++;
            return;
        }
        try {
            ModuleDecoder.decode(bytes);
            decoded++;
        } catch (RuntimeException | StackOverflowError e) {
            failures.add(file + ":" + module.line() + ": " + e);
        }
    }
}
