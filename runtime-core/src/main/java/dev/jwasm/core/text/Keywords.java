package dev.jwasm.core.text;

import java.util.Set;

/** The non-instruction keywords of the text format, used to tell unknown words from misplaced ones. */
final class Keywords {
    private static final Set<String> WORDS = Set.of(
            "module", "definition", "binary", "quote", "type", "func", "param", "result", "local", "rec", "sub",
            "final", "struct", "array", "field", "mut", "import", "export", "table", "memory", "global", "tag",
            "start", "elem", "data", "declare", "item", "offset", "then", "do", "ref", "null", "shared",
            "unshared", "pagesize", "i8", "i16", "i32", "i64", "f32", "f64", "v128", "i8x16", "i16x8", "i32x4",
            "i64x2", "f32x4", "f64x2", "funcref", "externref", "anyref", "eqref", "i31ref", "structref",
            "arrayref", "nullref", "nullfuncref", "nullexternref", "exnref", "nullexnref", "extern", "any", "eq",
            "i31", "none", "nofunc", "noextern", "exn", "noexn", "catch_ref", "catch_all_ref", "exact",
            "descriptor", "describes", "register", "invoke", "get", "assert_return", "assert_trap",
            "assert_invalid", "assert_malformed", "assert_unlinkable", "assert_exhaustion", "either",
            "ref.extern", "ref.host", "ref.struct", "ref.array", "ref.any", "ref.eq", "ref.i31", "nan:canonical",
            "nan:arithmetic", "instance", "thread", "wait");

    private Keywords() {
    }

    static boolean isKnown(String kw) {
        return WORDS.contains(kw) || OpTable.get(kw) != null || kw.startsWith("offset=") || kw.startsWith("align=");
    }
}
