package dev.jwasm.core.text;

import dev.jwasm.api.TextFormatException;
import dev.jwasm.api.WasmException;
import java.util.List;

/** Entry points of the text format front end: WebAssembly text to the binary format. */
public final class Wat {
    private Wat() {
    }

    /** Encodes a whole .wat file: one "(module ...)" form or bare module fields. */
    public static byte[] parse(String text) {
        return parseForms(SExprParser.parseAll(text), true);
    }

    /** Like {@link #parse(String)} for UTF-8 source bytes (invalid UTF-8 is a text format error). */
    public static byte[] parse(byte[] utf8) {
        return parseForms(SExprParser.parseAll(utf8), true);
    }

    private static byte[] parseForms(List<SExpr> forms, boolean names) {
        if (forms.size() == 1 && "module".equals(Cursor.head(forms.get(0)))) {
            return encodeModule((SExpr.Parens) forms.get(0), names);
        }
        return encodeFields(forms, null, names);
    }

    /**
     * Encodes a "(module $id? ...)" form (also "(module definition $id? ...)"), with a name section. The
     * script forms "(module $id? binary "..."*)" and "(module $id? quote "..."*)" are accepted too.
     */
    public static byte[] encodeModule(SExpr.Parens moduleForm) {
        return encodeModule(moduleForm, true);
    }

    /** Encodes a module form; {@code names} controls whether a "name" custom section is emitted. */
    public static byte[] encodeModule(SExpr.Parens moduleForm, boolean names) {
        if (!"module".equals(Cursor.head(moduleForm))) {
            throw Cursor.unexpected(moduleForm);
        }
        Cursor c = new Cursor(moduleForm, 1);
        if (c.peekKeyword("definition")) {
            c.skip();
        }
        SExpr.Atom id = c.optId();
        if (c.peekKeyword("binary") || c.peekKeyword("quote")) {
            // script forms: the bytes themselves, or text to parse (usually handled by the script runner)
            boolean binary = c.peekKeyword("binary");
            c.skip();
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            while (c.hasNext()) {
                bytes.writeBytes(TextStrings.decode(c.atom(SExpr.Kind.STRING)));
            }
            return binary ? bytes.toByteArray() : parseForms(SExprParser.parseAll(bytes.toByteArray()), names);
        }
        List<SExpr> fields = c.items().subList(c.position(), c.items().size());
        return encodeFields(fields, id, names);
    }

    private static byte[] encodeFields(List<SExpr> fields, SExpr.Atom id, boolean names) {
        ModuleEncoder m = new ModuleEncoder();
        m.names = names;
        try {
            return m.encode(fields, id);
        } catch (StackOverflowError e) {
            throw positioned("nesting too deep", fields, e);
        } catch (WasmException e) {
            throw e;
        } catch (RuntimeException e) {
            // safety net: malformed input must surface as a text format error, never as a Java exception
            throw positioned("unexpected token", fields, e);
        }
    }

    private static TextFormatException positioned(String reason, List<SExpr> fields, Throwable cause) {
        SExpr at = fields.isEmpty() ? null : fields.get(0);
        TextFormatException e = new TextFormatException(reason, at == null ? 1 : at.line(), at == null ? 1 : at.column());
        e.initCause(cause);
        return e;
    }
}
