package dev.jwasm.spec;

import dev.jwasm.api.Tier;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The known failures of the testsuite, from {@code expected-failures.txt} on the test class path. One entry
 * per line: {@code file.wast[:line] [@tier]  # reason}, where {@code file.wast} is the path relative to the
 * testsuite root, a missing line means the whole file, and a missing tier means every tier. Lines starting
 * with {@code #} and blank lines are ignored.
 */
final class ExpectedFailures {
    static final String RESOURCE = "/expected-failures.txt";

    /** One entry; {@code line} 0 stands for the whole file, {@code tier} null for every tier. */
    record Entry(String file, int line, Tier tier, String reason) {
        boolean appliesTo(Tier t) {
            return tier == null || tier == t;
        }

        String location() {
            return line == 0 ? file : file + ":" + line;
        }
    }

    private final List<Entry> entries;

    private ExpectedFailures(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    static ExpectedFailures load() {
        InputStream in = ExpectedFailures.class.getResourceAsStream(RESOURCE);
        if (in == null) {
            return new ExpectedFailures(List.of());
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return parse(reader.lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @throws IllegalArgumentException on a malformed line, naming it */
    static ExpectedFailures parse(List<String> lines) {
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (!line.isEmpty() && !line.startsWith("#")) {
                entries.add(entry(line, i + 1));
            }
        }
        return new ExpectedFailures(entries);
    }

    private static Entry entry(String text, int number) {
        int hash = text.indexOf('#');
        String reason = hash < 0 ? "" : text.substring(hash + 1).strip();
        String[] words = (hash < 0 ? text : text.substring(0, hash)).strip().split("\\s+");
        if (words.length > 2 || (words.length == 2 && !words[1].startsWith("@"))) {
            throw new IllegalArgumentException("expected-failures.txt line " + number + ": expected "
                    + "'file.wast[:line] [@tier]  # reason', got '" + text + "'");
        }
        Tier tier = words.length == 2 ? Tier.valueOf(words[1].substring(1).toUpperCase(Locale.ROOT)) : null;
        String location = words[0];
        int colon = location.lastIndexOf(':');
        if (colon < 0) {
            return new Entry(location, 0, tier, reason);
        }
        return new Entry(location.substring(0, colon), Integer.parseInt(location.substring(colon + 1)), tier, reason);
    }

    /** The entry covering assertion {@code file:line} on {@code tier}: its own entry, else its file's. */
    Optional<Entry> lookup(String file, int line, Tier tier) {
        Optional<Entry> own = find(file, line, tier);
        return own.isPresent() ? own : find(file, 0, tier);
    }

    /** The entry for {@code file:line} exactly (line 0: the whole-file entry). */
    Optional<Entry> find(String file, int line, Tier tier) {
        return entries.stream()
                .filter(e -> e.file().equals(file) && e.line() == line && e.appliesTo(tier))
                .findFirst();
    }

    /** Every entry about {@code file} on {@code tier}. */
    List<Entry> entriesFor(String file, Tier tier) {
        return entries.stream().filter(e -> e.file().equals(file) && e.appliesTo(tier)).toList();
    }
}
