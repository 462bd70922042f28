package dev.jwasm.core.text;

import dev.jwasm.api.TextFormatException;

/**
 * Splits WebAssembly text into parentheses and atoms. White space, comments and annotations are skipped
 * here so that the parser only sees the tokens that carry meaning.
 */
final class Lexer {
    /** Token types returned by {@link #next()}. */
    enum Tok { LPAREN, RPAREN, ATOM, EOF }

    private final String src;
    private int pos;
    private int line = 1;
    private int col = 1;
    private int tokLine;
    private int tokCol;
    private SExpr.Atom atom;

    Lexer(String src) {
        this.src = src;
    }

    int tokLine() {
        return tokLine;
    }

    int tokCol() {
        return tokCol;
    }

    /** The atom of the last {@link Tok#ATOM} token. */
    SExpr.Atom atom() {
        return atom;
    }

    TextFormatException error(String reason) {
        return new TextFormatException(reason, line, col);
    }

    private TextFormatException errorAtToken(String reason) {
        return new TextFormatException(reason, tokLine, tokCol);
    }

    private char peek(int ahead) {
        int p = pos + ahead;
        return p < src.length() ? src.charAt(p) : '\0';
    }

    private boolean atEnd() {
        return pos >= src.length();
    }

    private void advance() {
        if (src.charAt(pos) == '\n') {
            line++;
            col = 1;
        } else {
            col++;
        }
        pos++;
    }

    Tok next() {
        while (true) {
            skipSpace();
            tokLine = line;
            tokCol = col;
            if (atEnd()) {
                return Tok.EOF;
            }
            char c = src.charAt(pos);
            if (c == '(') {
                if (peek(1) == '@') {
                    skipAnnotation();
                    continue;
                }
                advance();
                return Tok.LPAREN;
            }
            if (c == ')') {
                advance();
                return Tok.RPAREN;
            }
            atom = readAtom();
            return Tok.ATOM;
        }
    }

    /** Skips white space and comments (but not annotations). */
    private void skipSpace() {
        while (!atEnd()) {
            char c = src.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                advance();
            } else if (c == ';' && peek(1) == ';') {
                // A line comment ends at a newline: U+0A, U+0D or both (spec text/lexical).
                while (!atEnd() && src.charAt(pos) != '\n' && src.charAt(pos) != '\r') {
                    advance();
                }
            } else if (c == '(' && peek(1) == ';') {
                skipBlockComment();
            } else {
                return;
            }
        }
    }

    private void skipBlockComment() {
        int depth = 0;
        int startLine = line;
        int startCol = col;
        while (true) {
            if (atEnd()) {
                throw new TextFormatException("unclosed comment", startLine, startCol);
            }
            char c = src.charAt(pos);
            if (c == '(' && peek(1) == ';') {
                advance();
                advance();
                depth++;
            } else if (c == ';' && peek(1) == ')') {
                advance();
                advance();
                if (--depth == 0) {
                    return;
                }
            } else {
                advance();
            }
        }
    }

    /** Skips a whole annotation "(@id ...)", including nested parentheses and annotations. */
    private void skipAnnotation() {
        int startLine = line;
        int startCol = col;
        advance();
        advance();
        int idStart = pos;
        if (peek(0) == '"') {
            int sLine = line;
            int sCol = col;
            try {
                readString();
            } catch (TextFormatException e) {
                if (e.reason().equals("unclosed string")) {
                    throw e;
                }
                throw new TextFormatException("empty annotation id", startLine, startCol);
            }
            SExpr.Atom id = new SExpr.Atom(SExpr.Kind.STRING, src.substring(idStart, pos), sLine, sCol);
            if (TextStrings.decodeName(id).length == 0) {
                throw new TextFormatException("empty annotation id", startLine, startCol);
            }
        } else {
            while (!atEnd() && isIdChar(src.charAt(pos))) {
                advance();
            }
            if (pos == idStart) {
                throw new TextFormatException("empty annotation id", startLine, startCol);
            }
        }
        int depth = 1;
        while (depth > 0) {
            skipSpace();
            if (atEnd()) {
                throw new TextFormatException("unclosed annotation", startLine, startCol);
            }
            char c = src.charAt(pos);
            if (c == '(') {
                advance();
                depth++;
            } else if (c == ')') {
                advance();
                depth--;
            } else {
                readAtom();
            }
        }
    }

    /** Reads a maximal run of token characters (strings included) and classifies it. */
    private SExpr.Atom readAtom() {
        int start = pos;
        int startLine = line;
        int startCol = col;
        boolean idPrefix = src.charAt(pos) == '$';
        while (!atEnd()) {
            char c = src.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '(' || c == ')'
                    || c == ';' && (peek(1) == ';' || pos > start)) {
                break;
            }
            if (c == '"') {
                if (idPrefix && pos == start + 1) {
                    try {
                        readString();
                    } catch (TextFormatException e) {
                        if (e.reason().equals("unclosed string")) {
                            throw e;
                        }
                        throw new TextFormatException("empty identifier", startLine, startCol);
                    }
                } else {
                    readString();
                }
            } else if (c < 0x21 || c >= 0x7f) {
                throw error("illegal character");
            } else {
                advance();
            }
        }
        String text = src.substring(start, pos);
        return new SExpr.Atom(classify(text, startLine, startCol), text, startLine, startCol);
    }

    /** Reads a string literal starting at the current '"', validating its characters. */
    private void readString() {
        int startLine = line;
        int startCol = col;
        advance();
        while (true) {
            if (atEnd()) {
                throw new TextFormatException("unclosed string", startLine, startCol);
            }
            char c = src.charAt(pos);
            if (c == '"') {
                advance();
                return;
            }
            if (c < 0x20 || c == 0x7f) {
                // a control character cannot appear in a string; report a missing close if the line ends
                if (c == '\n' && src.indexOf('"', pos) < 0) {
                    throw new TextFormatException("unclosed string", startLine, startCol);
                }
                throw error("illegal character");
            }
            if (c == '\\') {
                advance();
                if (atEnd()) {
                    throw new TextFormatException("unclosed string", startLine, startCol);
                }
            }
            advance();
        }
    }

    static boolean isIdChar(char c) {
        if (c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
            return true;
        }
        return "!#$%&'*+-./:<=>?@\\^_`|~".indexOf(c) >= 0;
    }

    private static boolean allIdChars(String s, int from) {
        for (int i = from; i < s.length(); i++) {
            if (!isIdChar(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private SExpr.Kind classify(String text, int l, int c) {
        char first = text.charAt(0);
        if (first == '"') {
            return closingQuote(text) == text.length() - 1 ? SExpr.Kind.STRING : SExpr.Kind.RESERVED;
        }
        if (first == '$') {
            if (text.length() == 1) {
                throw new TextFormatException("empty identifier", l, c);
            }
            if (text.charAt(1) == '"') {
                if (closingQuote(text.substring(1)) != text.length() - 2) {
                    return SExpr.Kind.RESERVED;
                }
                SExpr.Atom s = new SExpr.Atom(SExpr.Kind.STRING, text.substring(1), l, c + 1);
                if (TextStrings.decodeName(s).length == 0) {
                    throw new TextFormatException("empty identifier", l, c);
                }
                return SExpr.Kind.ID;
            }
            return allIdChars(text, 1) ? SExpr.Kind.ID : SExpr.Kind.RESERVED;
        }
        if (NumberSyntax.isNumber(text)) {
            return SExpr.Kind.NUMBER;
        }
        if (first >= 'a' && first <= 'z' && allIdChars(text, 0)) {
            return SExpr.Kind.KEYWORD;
        }
        return SExpr.Kind.RESERVED;
    }

    /** Index of the quote closing the string that starts at index 0, or -1. */
    private static int closingQuote(String s) {
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                return i;
            }
        }
        return -1;
    }
}
