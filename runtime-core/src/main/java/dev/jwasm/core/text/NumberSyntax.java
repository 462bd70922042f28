package dev.jwasm.core.text;

/**
 * Lexical shape of numeric literals (integers and floats, decimal and hexadecimal). Hand-written rather
 * than regular expressions, whose recursive matching overflows the stack on very long tokens.
 */
final class NumberSyntax {
    private NumberSyntax() {
    }

    private static boolean isDigit(char c, boolean hex) {
        return c >= '0' && c <= '9' || hex && (c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F');
    }

    /** End of a digit run (single underscores allowed between digits) starting at {@code i}, or -1. */
    private static int digits(String s, int i, boolean hex) {
        if (i >= s.length() || !isDigit(s.charAt(i), hex)) {
            return -1;
        }
        i++;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '_') {
                if (i + 1 >= s.length() || !isDigit(s.charAt(i + 1), hex)) {
                    return -1;
                }
                i += 2;
            } else if (isDigit(c, hex)) {
                i++;
            } else {
                break;
            }
        }
        return i;
    }

    private static int skipSign(String s) {
        return !s.isEmpty() && (s.charAt(0) == '+' || s.charAt(0) == '-') ? 1 : 0;
    }

    static boolean isInt(String s) {
        int i = skipSign(s);
        boolean hex = s.startsWith("0x", i);
        return digits(s, hex ? i + 2 : i, hex) == s.length();
    }

    static boolean isFloat(String s) {
        int i = skipSign(s);
        String rest = s.substring(i);
        if (rest.equals("inf") || rest.equals("nan")) {
            return true;
        }
        if (rest.startsWith("nan:0x")) {
            return digits(s, i + 6, true) == s.length();
        }
        boolean hex = s.startsWith("0x", i);
        int j = digits(s, hex ? i + 2 : i, hex);
        if (j < 0) {
            return false;
        }
        if (j < s.length() && s.charAt(j) == '.') {
            j++;
            if (j < s.length() && isDigit(s.charAt(j), hex)) {
                j = digits(s, j, hex);
                if (j < 0) {
                    return false;
                }
            }
        }
        if (j < s.length() && (hex ? s.charAt(j) == 'p' || s.charAt(j) == 'P' : s.charAt(j) == 'e' || s.charAt(j) == 'E')) {
            j++;
            if (j < s.length() && (s.charAt(j) == '+' || s.charAt(j) == '-')) {
                j++;
            }
            j = digits(s, j, false);
        }
        return j == s.length();
    }

    static boolean isNumber(String s) {
        return isInt(s) || isFloat(s);
    }
}
