package dev.jwasm.core.text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/** What the encoder needs to know about one defined type: its shape, field ids, and signature key. */
final class TypeDef {
    enum Kind { FUNC, STRUCT, ARRAY }

    Kind kind = Kind.FUNC;
    final List<byte[]> params = new ArrayList<>();
    final List<byte[]> results = new ArrayList<>();
    final Map<String, Integer> fieldIds = new HashMap<>();
    final List<String> fieldNames = new ArrayList<>();
    /** True for a final function type without supertypes alone in its recursion group: implicit type uses may reuse it. */
    boolean reusable;

    String funcKey() {
        return kind == Kind.FUNC ? key(params, results) : null;
    }

    /** A canonical key of a signature, used to find an existing type for an inline type use. */
    static String key(List<byte[]> params, List<byte[]> results) {
        StringBuilder sb = new StringBuilder();
        HexFormat hex = HexFormat.of();
        for (byte[] p : params) {
            sb.append(hex.formatHex(p)).append(',');
        }
        sb.append("->");
        for (byte[] r : results) {
            sb.append(hex.formatHex(r)).append(',');
        }
        return sb.toString();
    }
}
