package dev.jwasm.jit.aot;

import java.util.function.IntPredicate;

/** Sets of defined-function indices as manifest text: {@code 0-12,14,16-95}, or {@code none}. */
final class FunctionRanges {
    private static final String NONE = "none";

    private FunctionRanges() {
    }

    static String format(int count, IntPredicate member) {
        StringBuilder sb = new StringBuilder();
        int i = 0;
        while (i < count) {
            if (!member.test(i)) {
                i++;
                continue;
            }
            int start = i;
            while (i < count && member.test(i)) {
                i++;
            }
            sb.append(sb.length() == 0 ? "" : ",").append(start);
            if (i - 1 > start) {
                sb.append('-').append(i - 1);
            }
        }
        return sb.length() == 0 ? NONE : sb.toString();
    }

    /** The set as flags over {@code count} functions, or null if the text is not well formed. */
    static boolean[] parse(String text, int count) {
        boolean[] set = new boolean[count];
        if (text == null) {
            return null;
        }
        if (text.equals(NONE)) {
            return set;
        }
        int previousEnd = -1;
        for (String range : text.split(",", -1)) {
            int dash = range.indexOf('-');
            int start = index(dash < 0 ? range : range.substring(0, dash));
            int end = dash < 0 ? start : index(range.substring(dash + 1));
            if (start <= previousEnd || end < start || end >= count) {
                return null; // also rejects -1 from index(): ranges must be ascending and in bounds
            }
            for (int i = start; i <= end; i++) {
                set[i] = true;
            }
            previousEnd = end;
        }
        return set;
    }

    private static int index(String digits) {
        if (digits.isEmpty() || digits.length() > 9) {
            return -1;
        }
        for (int i = 0; i < digits.length(); i++) {
            if (digits.charAt(i) < '0' || digits.charAt(i) > '9') {
                return -1;
            }
        }
        return Integer.parseInt(digits);
    }
}
