package dev.jwasm.core.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jwasm.api.TextFormatException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class SExprParserTest {
    @Test
    void tokensAndPositions() {
        List<SExpr> forms = SExprParser.parseAll("(module $m ;; c\n (; (; nested ;) ;) (@ann (x) \"s\")\n  (func \"a\\n\" 0x1_0 nan:0x1 0$x))");
        assertEquals(1, forms.size());
        SExpr.Parens m = (SExpr.Parens) forms.get(0);
        assertEquals(3, m.items().size());
        SExpr.Atom id = (SExpr.Atom) m.items().get(1);
        assertEquals(SExpr.Kind.ID, id.kind());
        SExpr.Parens f = (SExpr.Parens) m.items().get(2);
        assertEquals(3, f.line());
        assertEquals(3, f.column());
        assertEquals(SExpr.Kind.STRING, ((SExpr.Atom) f.items().get(1)).kind());
        assertEquals(SExpr.Kind.NUMBER, ((SExpr.Atom) f.items().get(2)).kind());
        assertEquals(SExpr.Kind.NUMBER, ((SExpr.Atom) f.items().get(3)).kind());
        assertEquals(SExpr.Kind.RESERVED, ((SExpr.Atom) f.items().get(4)).kind());
    }

    @Test
    void lineCommentEndsAtALoneCarriageReturn() {
        List<SExpr> forms = SExprParser.parseAll("(a ;; comment\r b)");
        assertEquals(2, ((SExpr.Parens) forms.get(0)).items().size());
    }

    @Test
    void errors() {
        assertEquals("unclosed string", reason("(func \"abc"));
        assertEquals("unexpected token", reason("(func))"));
        assertEquals("unexpected end of input", reason("(func"));
        assertEquals("empty identifier", reason("(func $)"));
        assertEquals("empty identifier", reason("(func $\"\")"));
        assertEquals("empty annotation id", reason("(@ x)"));
        assertEquals("unclosed annotation", reason("(@x (y)"));
        assertEquals("illegal character", reason("(@a \u0001)"));
        assertThrows(TextFormatException.class,
                () -> SExprParser.parseAll(new byte[] {'(', '@', 'a', ' ', (byte) 0xe0, ')'}));
    }

    @Test
    void deepNestingIsIterative() {
        String s = "(".repeat(100_000) + ")".repeat(100_000);
        assertEquals(1, SExprParser.parseAll(s).size());
    }

    @Test
    void strings() {
        SExpr.Atom a = new SExpr.Atom(SExpr.Kind.STRING, "\"a\\t\\00\\u{1F600}\u00e9\"", 1, 1);
        byte[] expected = "a\t\0\uD83D\uDE00\u00e9".getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(expected, TextStrings.decode(a));
        SExpr.Atom bad = new SExpr.Atom(SExpr.Kind.STRING, "\"\\ff\"", 1, 1);
        assertEquals(1, TextStrings.decode(bad).length);
        assertThrows(TextFormatException.class, () -> TextStrings.decodeName(bad));
    }

    private static String reason(String src) {
        return assertThrows(TextFormatException.class, () -> SExprParser.parseAll(src)).reason();
    }
}
