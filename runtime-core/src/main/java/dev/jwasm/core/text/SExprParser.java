package dev.jwasm.core.text;

import dev.jwasm.api.TextFormatException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Parses WebAssembly text (a .wat module or a .wast script) into S-expressions. Iterative, so deeply
 * nested input cannot overflow the Java stack.
 */
public final class SExprParser {
    private SExprParser() {
    }

    /** Parses a whole source into its top-level forms. */
    public static List<SExpr> parseAll(String source) {
        Lexer lexer = new Lexer(source);
        List<SExpr> top = new ArrayList<>();
        Deque<List<SExpr>> stack = new ArrayDeque<>();
        Deque<int[]> positions = new ArrayDeque<>();
        List<SExpr> current = top;
        while (true) {
            Lexer.Tok tok = lexer.next();
            switch (tok) {
                case LPAREN -> {
                    stack.push(current);
                    positions.push(new int[] {lexer.tokLine(), lexer.tokCol()});
                    current = new ArrayList<>();
                }
                case RPAREN -> {
                    if (stack.isEmpty()) {
                        throw new TextFormatException("unexpected token", lexer.tokLine(), lexer.tokCol());
                    }
                    int[] p = positions.pop();
                    SExpr.Parens parens = new SExpr.Parens(List.copyOf(current), p[0], p[1]);
                    current = stack.pop();
                    current.add(parens);
                }
                case ATOM -> current.add(lexer.atom());
                default -> {
                    if (!stack.isEmpty()) {
                        throw new TextFormatException("unexpected end of input", lexer.tokLine(), lexer.tokCol());
                    }
                    return top;
                }
            }
        }
    }

    /**
     * Parses UTF-8 encoded source bytes (for example the text of a {@code (module quote ...)}); invalid
     * UTF-8 is reported as "malformed UTF-8 encoding".
     */
    public static List<SExpr> parseAll(byte[] utf8) {
        return parseAll(decodeUtf8(utf8));
    }

    static String decodeUtf8(byte[] utf8) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(utf8)).toString();
        } catch (CharacterCodingException e) {
            throw new TextFormatException("malformed UTF-8 encoding", 1, 1);
        }
    }
}
