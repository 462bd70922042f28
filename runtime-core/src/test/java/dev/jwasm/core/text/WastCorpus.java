package dev.jwasm.core.text;

import dev.jwasm.core.SharedMaterial;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Locates the spec testsuite and walks the module forms of its .wast scripts; shared by the tests that run
 * the text front end over the whole corpus.
 */
final class WastCorpus {
    /** Receives the forms of one script that carry a module. */
    interface Visitor {
        /** A module form: top-level, inside a thread, or the module operand of an assertion other than malformed. */
        void module(String file, SExpr.Parens module);

        /** An {@code (assert_malformed (module ...) "message")} command. */
        default void malformed(String file, SExpr.Parens assertion) {
        }
    }

    private WastCorpus() {
    }

    /** The testsuite root ({@link SharedMaterial#testsuite()}). */
    static Path root() {
        return SharedMaterial.testsuite();
    }

    /** Every .wast file under {@code root}, sorted. */
    static List<Path> scripts(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(f -> f.toString().endsWith(".wast")).sorted().toList();
        }
    }

    /** Visits the module-carrying commands among a script's top-level forms. */
    static void walk(String file, List<SExpr> forms, Visitor visitor) {
        for (SExpr form : forms) {
            command(file, form, visitor);
        }
    }

    private static void command(String file, SExpr form, Visitor visitor) {
        String head = Cursor.head(form);
        if (head == null) {
            return;
        }
        List<SExpr> items = ((SExpr.Parens) form).items();
        switch (head) {
            case "module" -> visitor.module(file, (SExpr.Parens) form);
            case "assert_malformed" -> visitor.malformed(file, (SExpr.Parens) form);
            case "thread" -> items.forEach(i -> command(file, i, visitor));
            default -> {
                if (head.startsWith("assert_") && items.size() > 1 && "module".equals(Cursor.head(items.get(1)))) {
                    visitor.module(file, (SExpr.Parens) items.get(1));
                }
            }
        }
    }

    /** "binary", "quote" or "instance" for those script forms of a module, else "text". */
    static String kind(SExpr.Parens module) {
        for (SExpr e : module.items().subList(1, Math.min(4, module.items().size()))) {
            if (e instanceof SExpr.Atom a && a.kind() == SExpr.Kind.KEYWORD
                    && (a.text().equals("binary") || a.text().equals("quote") || a.text().equals("instance"))) {
                return a.text();
            }
        }
        return "text";
    }

    /** The source text of a {@code (module quote "...")} form. */
    static byte[] quoted(SExpr.Parens module) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
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
}
