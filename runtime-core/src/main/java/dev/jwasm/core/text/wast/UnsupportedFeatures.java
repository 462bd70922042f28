package dev.jwasm.core.text.wast;

import java.util.Locale;

/**
 * Decides whether an error means "jwasm does not implement this yet" rather than a wrong answer, and
 * names the missing feature. Such outcomes are reported as skipped, not failed.
 */
final class UnsupportedFeatures {
    private static final String[][] FEATURE_WORDS = {
        {"simd", "v128", "simd", "0xfd", "i8x16", "i16x8", "i32x4", "i64x2", "f32x4", "f64x2"},
        {"threads", "atomic", "shared memor", "thread", "0xfe"},
        {"exceptions", "exception", "exnref", "throw", "try_table", " tag"},
        {"gc", "struct", "array", "i31", "gc ", "ref.cast", "ref.test", "br_on_cast", "convert_extern",
            "convert_any", "0xfb", "subtype", "rec group"},
        {"tail-calls", "return_call", "tail call"},
        {"memory64", "memory64", "table64", "64-bit"},
        {"multi-memory", "multiple memories", "multi-memory"},
        {"custom-page-sizes", "page size"},
        {"wide-arithmetic", "i64.add128", "i64.sub128", "i64.mul_wide"},
        {"text-format", "text format"},
    };

    private UnsupportedFeatures() {
    }

    /** The missing feature {@code t} reports, or null if {@code t} is an ordinary error. */
    static String of(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            String message = c.getMessage() == null ? "" : c.getMessage().toLowerCase(Locale.ROOT);
            if (c instanceof UnsupportedOperationException || saysUnimplemented(message)) {
                return featureNamedIn(message);
            }
        }
        return null;
    }

    /** The feature a message mentions, or {@code "unimplemented"} if none is recognisable. */
    static String featureNamedIn(String lowerCaseMessage) {
        for (String[] words : FEATURE_WORDS) {
            for (int i = 1; i < words.length; i++) {
                if (lowerCaseMessage.contains(words[i])) {
                    return words[0];
                }
            }
        }
        return "unimplemented";
    }

    private static boolean saysUnimplemented(String message) {
        return message.contains("not implemented") || message.contains("not supported")
                || message.contains("unsupported");
    }
}
