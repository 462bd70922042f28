package dev.jwasm.core.text.wast;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Decides whether an error means "jwasm does not implement this yet" rather than a wrong answer, and
 * names the missing feature. Such outcomes are reported as skipped, not failed.
 */
final class UnsupportedFeatures {
    /** Feature name, then a pattern of the words that identify it in an error message. */
    private static final List<Map.Entry<String, Pattern>> FEATURES = List.of(
            feature("simd", "v128|simd|0xfd|i8x16|i16x8|i32x4|i64x2|f32x4|f64x2"),
            feature("threads", "atomics?|shared memor(y|ies)|threads?|0xfe"),
            feature("exceptions", "exceptions?|exnref|throw(_ref)?|try_table|tags?"),
            feature("gc", "gc|structs?|arrays?|i31|ref\\.cast|ref\\.test|br_on_cast(_fail)?|any\\.convert_extern"
                    + "|extern\\.convert_any|0xfb|subtyp(e|ing)|rec groups?"),
            feature("tail-calls", "return_call(_indirect|_ref)?|tail calls?"),
            feature("memory64", "memory64|table64|64-bit"),
            feature("multi-memory", "multiple memories|multi-memory"),
            feature("custom-page-sizes", "page sizes?"),
            feature("wide-arithmetic", "i64\\.(add128|sub128|mul_wide_[su])|0xfc (19|20|21|22)"),
            feature("text-format", "text format"));

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
        for (Map.Entry<String, Pattern> feature : FEATURES) {
            if (feature.getValue().matcher(lowerCaseMessage).find()) {
                return feature.getKey();
            }
        }
        return "unimplemented";
    }

    private static Map.Entry<String, Pattern> feature(String name, String words) {
        return Map.entry(name, Pattern.compile("(?<![a-z0-9_])(" + words + ")(?![a-z0-9_])"));
    }

    private static boolean saysUnimplemented(String message) {
        return message.contains("not implemented") || message.contains("not supported")
                || message.contains("unsupported");
    }
}
