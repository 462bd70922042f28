package dev.jwasm.api;

/**
 * A module or script in the WebAssembly text format could not be parsed. Carries the 1-based line and
 * column of the offending token; the message reads {@code "<reason> (at line L, column C)"}.
 */
public class TextFormatException extends MalformedModuleException {
    private static final long serialVersionUID = 1L;
    private final int line;
    private final int column;

    public TextFormatException(String reason, int line, int column) {
        super(reason, reason + " (at line " + line + ", column " + column + ")");
        this.line = line;
        this.column = column;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }
}
