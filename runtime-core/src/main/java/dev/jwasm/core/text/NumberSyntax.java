package dev.jwasm.core.text;

import java.util.regex.Pattern;

/** Lexical shape of numeric literals (integers and floats, decimal and hexadecimal). */
final class NumberSyntax {
    private static final String NUM = "[0-9](?:_?[0-9])*";
    private static final String HEXNUM = "[0-9a-fA-F](?:_?[0-9a-fA-F])*";
    static final Pattern INT = Pattern.compile("[+-]?(?:" + NUM + "|0x" + HEXNUM + ")");
    static final Pattern FLOAT = Pattern.compile("[+-]?(?:"
            + NUM + "(?:\\.(?:" + NUM + ")?)?(?:[eE][+-]?" + NUM + ")?"
            + "|0x" + HEXNUM + "(?:\\.(?:" + HEXNUM + ")?)?(?:[pP][+-]?" + NUM + ")?"
            + "|inf|nan|nan:0x" + HEXNUM + ")");

    private NumberSyntax() {
    }

    static boolean isInt(String s) {
        return INT.matcher(s).matches();
    }

    static boolean isNumber(String s) {
        return s.length() < 100_000 && (INT.matcher(s).matches() || FLOAT.matcher(s).matches());
    }
}
