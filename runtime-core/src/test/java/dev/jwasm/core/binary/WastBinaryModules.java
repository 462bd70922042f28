package dev.jwasm.core.binary;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Test-only extraction of {@code (module binary "...")} forms from a {@code .wast} script: a minimal
 * s-expression reader (comments, strings with escapes, nesting), independent of the text-format parser.
 */
final class WastBinaryModules {
    /** One binary module of a script; {@code expectedMalformed} is the assert_malformed text, else null. */
    record BinaryModule(String file, int line, byte[] bytes, String expectedMalformed) {
    }

    private final String text;
    private final String file;
    private int pos;
    /** Lists are opened in increasing offsets, so line numbers are counted incrementally. */
    private int lineScan;
    private int line = 1;

    private WastBinaryModules(String text, String file) {
        this.text = text;
        this.file = file;
    }

    static List<BinaryModule> read(Path wast) throws IOException {
        String text = new String(Files.readAllBytes(wast), StandardCharsets.ISO_8859_1);
        return new WastBinaryModules(text, wast.getFileName().toString()).all();
    }

    private List<BinaryModule> all() {
        List<BinaryModule> out = new ArrayList<>();
        while (true) {
            skipSpace();
            if (pos >= text.length()) {
                return out;
            }
            collect(node(), null, out);
        }
    }

    /** Nodes: a List of nodes, a String atom, or a byte[] string literal; lists remember their line. */
    private record Sexp(List<Object> items, int line) {
    }

    private void collect(Object n, Sexp parent, List<BinaryModule> out) {
        if (!(n instanceof Sexp s)) {
            return;
        }
        if (isBinaryModule(s)) {
            String expected = null;
            if (parent != null && "assert_malformed".equals(parent.items().get(0))
                    && parent.items().get(parent.items().size() - 1) instanceof byte[] msg) {
                expected = new String(msg, StandardCharsets.UTF_8);
            }
            out.add(new BinaryModule(file, s.line(), concatStrings(s), expected));
            return;
        }
        for (Object child : s.items()) {
            collect(child, s, out);
        }
    }

    private static boolean isBinaryModule(Sexp s) {
        List<Object> it = s.items();
        if (it.isEmpty() || !"module".equals(it.get(0))) {
            return false;
        }
        for (int i = 1; i < it.size() && i <= 3; i++) {
            if ("binary".equals(it.get(i))) {
                return true;
            }
        }
        return false;
    }

    private static byte[] concatStrings(Sexp s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object o : s.items()) {
            if (o instanceof byte[] b) {
                out.writeBytes(b);
            }
        }
        return out.toByteArray();
    }

    private Object node() {
        char c = text.charAt(pos);
        if (c == '(') {
            int line = lineAt(pos);
            pos++;
            List<Object> items = new ArrayList<>();
            while (true) {
                skipSpace();
                if (pos >= text.length()) {
                    throw new IllegalStateException(file + ": unclosed list from line " + line);
                }
                if (text.charAt(pos) == ')') {
                    pos++;
                    return new Sexp(items, line);
                }
                items.add(node());
            }
        }
        if (c == '"') {
            return string();
        }
        int start = pos;
        while (pos < text.length() && !Character.isWhitespace(text.charAt(pos)) && text.charAt(pos) != '('
                && text.charAt(pos) != ')' && text.charAt(pos) != '"' && text.charAt(pos) != ';') {
            pos++;
        }
        if (start == pos) {
            pos++; // a lone ';' that does not start a comment
        }
        return text.substring(start, pos);
    }

    private byte[] string() {
        pos++;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (text.charAt(pos) != '"') {
            char c = text.charAt(pos++);
            if (c != '\\') {
                out.write(c); // the file was read as ISO-8859-1, so this restores the raw UTF-8 bytes
                continue;
            }
            char e = text.charAt(pos++);
            switch (e) {
                case 'n' -> out.write('\n');
                case 't' -> out.write('\t');
                case 'r' -> out.write('\r');
                case '"', '\'', '\\' -> out.write(e);
                case 'u' -> unicodeEscape(out);
                default -> {
                    out.write(Integer.parseInt(text.substring(pos - 1, pos + 1), 16));
                    pos++;
                }
            }
        }
        pos++;
        return out.toByteArray();
    }

    private void unicodeEscape(ByteArrayOutputStream out) {
        int close = text.indexOf('}', pos);
        int cp = Integer.parseInt(text.substring(pos + 1, close).replace("_", ""), 16);
        pos = close + 1;
        out.writeBytes(new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8));
    }

    private void skipSpace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (Character.isWhitespace(c)) {
                pos++;
            } else if (text.startsWith(";;", pos)) {
                int nl = text.indexOf('\n', pos);
                pos = nl < 0 ? text.length() : nl + 1;
            } else if (text.startsWith("(;", pos)) {
                skipBlockComment();
            } else {
                return;
            }
        }
    }

    private void skipBlockComment() {
        int depth = 0;
        do {
            if (text.startsWith("(;", pos)) {
                depth++;
                pos += 2;
            } else if (text.startsWith(";)", pos)) {
                depth--;
                pos += 2;
            } else {
                pos++;
            }
        } while (depth > 0 && pos < text.length());
    }

    private int lineAt(int p) {
        while (lineScan < p) {
            if (text.charAt(lineScan++) == '\n') {
                line++;
            }
        }
        return line;
    }
}
