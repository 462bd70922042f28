package dev.jwasm.core.text;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Cross-checks the text front end against wabt: every text module of the testsuite that {@code wat2wasm
 * --enable-all --no-check} accepts must decode, from both encoders, to the same {@link ModuleStructure}.
 * Differences are allowed only where {@code wabt-differences.txt} lists and justifies them, and a listed
 * entry that no longer differs fails too, so the list can only shrink.
 */
class WabtCrossCheckTest {
    private static final Path WAT2WASM = Path.of("/usr/bin/wat2wasm");
    private static final String DIFFERENCES = "/wabt-differences.txt";

    /** A text module of the corpus, identified by script and line. */
    private record Candidate(String where, SExpr.Parens form) {
    }

    /**
     * What happened to one candidate; {@code difference} is null when both encoders agree, {@code normalised}
     * when they agree only after {@link #sameFunctionList}.
     */
    private record Outcome(String where, boolean compared, String difference, boolean normalised) {
        Outcome(String where, boolean compared, String difference) {
            this(where, compared, difference, false);
        }
    }

    @Test
    void everyModuleWabtAcceptsEncodesToTheSameStructure() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(WAT2WASM), "wat2wasm not installed at " + WAT2WASM);
        Path root = WastCorpus.root();
        Assumptions.assumeTrue(Files.isDirectory(root), "testsuite not found at " + root);
        long started = System.nanoTime();
        List<Candidate> candidates = candidates(root);
        List<Outcome> outcomes = run(candidates);
        Map<String, String> found = new TreeMap<>();
        int compared = 0;
        int normalised = 0;
        List<String> rejected = new ArrayList<>();
        for (Outcome o : outcomes) {
            if (!o.compared() && o.difference() == null) {
                rejected.add(o.where());
            }
            compared += o.compared() ? 1 : 0;
            normalised += o.normalised() ? 1 : 0;
            if (o.difference() != null) {
                found.put(o.where(), o.difference());
            }
        }
        Map<String, String> listed = listedDifferences();
        List<String> problems = new ArrayList<>();
        found.forEach((where, why) -> {
            if (!listed.containsKey(where)) {
                problems.add("unlisted difference " + where + ": " + why);
            }
        });
        for (String where : listed.keySet()) {
            if (!found.containsKey(where)) {
                problems.add("listed in " + DIFFERENCES + " but no longer differs: " + where);
            }
        }
        report(candidates.size(), compared, normalised, found, rejected, problems, started);
        assertTrue(problems.isEmpty(), problems.size() + " problems, first: "
                + (problems.isEmpty() ? "" : problems.get(0)));
    }

    private static List<Candidate> candidates(Path root) throws IOException {
        List<Candidate> out = new ArrayList<>();
        for (Path f : WastCorpus.scripts(root)) {
            List<SExpr> forms = SExprParser.parseAll(Files.readString(f, StandardCharsets.UTF_8));
            WastCorpus.walk(root.relativize(f).toString(), forms, (file, module) -> {
                if (WastCorpus.kind(module).equals("text")) {
                    out.add(new Candidate(file + ":" + module.line(), module));
                }
            });
        }
        return out;
    }

    /**
     * Runs wat2wasm on two processes at a time (the build machines have two cores); each task encodes with
     * jwasm while its process runs, so process launches are the only cost.
     */
    private static List<Outcome> run(List<Candidate> candidates) throws Exception {
        Path dir = Files.createTempDirectory("jwasm-wabt-cross");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Outcome>> futures = new ArrayList<>();
            for (int i = 0; i < candidates.size(); i++) {
                Candidate c = candidates.get(i);
                Path wat = dir.resolve(i + ".wat");
                futures.add(pool.submit(() -> compare(c, wat, dir.resolve(wat.getFileName() + ".wasm"))));
            }
            List<Outcome> outcomes = new ArrayList<>();
            for (Future<Outcome> f : futures) {
                outcomes.add(f.get());
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
            deleteTree(dir);
        }
    }

    private static Outcome compare(Candidate c, Path wat, Path wasm) throws IOException, InterruptedException {
        Files.writeString(wat, wabtText(c.form()), StandardCharsets.UTF_8);
        Process p = new ProcessBuilder(WAT2WASM.toString(), "--enable-all", "--no-check", wat.toString(),
                "-o", wasm.toString()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String ours;
        List<String> jwasm = null;
        try {
            jwasm = ModuleStructure.of(Wat.encodeModule(c.form(), false));
            ours = null;
        } catch (RuntimeException | StackOverflowError e) {
            ours = e.toString();
        }
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return new Outcome(c.where(), false, "wat2wasm timed out");
        }
        if (p.exitValue() != 0) {
            return new Outcome(c.where(), false, null); // wabt rejects it: nothing to compare with
        }
        if (ours != null) {
            return new Outcome(c.where(), true, "jwasm fails where wabt succeeds: " + ours);
        }
        List<String> wabt;
        try {
            wabt = ModuleStructure.of(Files.readAllBytes(wasm));
        } catch (RuntimeException e) {
            return new Outcome(c.where(), true, "wabt's output does not decode: " + e.getMessage());
        }
        String difference = firstDifference(wabt, jwasm);
        return new Outcome(c.where(), true, difference, difference == null && !wabt.equals(jwasm));
    }

    /** The module's text for wabt, which does not know the "definition" keyword of module definitions. */
    private static String wabtText(SExpr.Parens module) {
        List<SExpr> items = new ArrayList<>(module.items());
        if (items.size() > 1 && items.get(1) instanceof SExpr.Atom a && a.text().equals("definition")) {
            items.remove(1);
        }
        return new SExpr.Parens(items, module.line(), module.column()).toString();
    }

    private static String firstDifference(List<String> wabt, List<String> jwasm) {
        for (int i = 0; i < Math.max(wabt.size(), jwasm.size()); i++) {
            String w = i < wabt.size() ? wabt.get(i) : "(nothing)";
            String j = i < jwasm.size() ? jwasm.get(i) : "(nothing)";
            if (!Objects.equals(w, j) && !sameFunctionList(w, j)) {
                return "wabt " + w + " | jwasm " + j;
            }
        }
        return null;
    }

    /**
     * wabt writes every element list of {@code ref.func} expressions as a function-index list, which Wasm 3.0
     * decodes with type {@code (ref func)}; jwasm keeps {@code (elem funcref (ref.func $f))} and the inline
     * {@code (table funcref (elem $f))} (whose type is the table's, as in the reference interpreter) as
     * expressions of the written type. Same functions, same order; only the nullability of the segment type
     * differs, so these compare equal. {@code WatEncoderTest} pins that jwasm's own {@code func $f} lists do
     * get {@code (ref func)}, which this leniency would otherwise hide.
     */
    static boolean sameFunctionList(String wabt, String jwasm) {
        return wabt.startsWith("elem[") && wabt.contains(" (ref func) ")
                && wabt.replaceFirst(" \\(ref func\\) ", " funcref ").equals(jwasm);
    }

    /** "file.wast:line" to reason, from the resource; blank lines and whole-line comments are skipped. */
    private static Map<String, String> listedDifferences() throws IOException {
        Map<String, String> listed = new TreeMap<>();
        try (InputStream in = WabtCrossCheckTest.class.getResourceAsStream(DIFFERENCES)) {
            if (in == null) {
                return listed;
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String t = line.strip();
                if (t.isEmpty() || t.startsWith("#")) {
                    continue;
                }
                int hash = t.indexOf('#');
                String where = (hash < 0 ? t : t.substring(0, hash)).strip();
                listed.put(where, hash < 0 ? "" : t.substring(hash + 1).strip());
            }
        }
        return listed;
    }

    /** Prints the totals and writes every difference and wabt rejection to target/wabt-cross-check.txt. */
    private static void report(int candidates, int compared, int normalised, Map<String, String> found,
            List<String> rejected, List<String> problems, long started) throws IOException {
        Map<String, Integer> categories = new TreeMap<>();
        for (String why : found.values()) {
            categories.merge(category(why), 1, Integer::sum);
        }
        System.out.printf("WabtCrossCheckTest: %d text modules, %d accepted by wabt and compared, %d identical,"
                + " %d identical after elem-list normalisation, %d differ %s, %d problems, %.1f s%n", candidates,
                compared, compared - normalised - found.size(), normalised, found.size(), categories,
                problems.size(), (System.nanoTime() - started) / 1e9);
        problems.stream().limit(20).forEach(System.out::println);
        List<String> lines = new ArrayList<>(problems);
        found.forEach((where, why) -> lines.add(where + "  " + why));
        rejected.forEach(where -> lines.add(where + "  rejected by wabt, not compared"));
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", "wabt-cross-check.txt"), lines);
    }

    /** The entity kind of the first differing line ("type", "code", ...), or the failure without its offset. */
    private static String category(String why) {
        if (why.startsWith("wabt ")) {
            String rest = why.substring(5);
            int cut = rest.indexOf('[');
            return cut < 0 ? rest.split(" ")[0] : rest.substring(0, cut);
        }
        int offset = why.indexOf(" (at offset");
        return offset < 0 ? why : why.substring(0, offset);
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var s = Files.list(dir)) {
            for (Path f : s.toList()) {
                Files.delete(f);
            }
        }
        Files.delete(dir);
    }
}
