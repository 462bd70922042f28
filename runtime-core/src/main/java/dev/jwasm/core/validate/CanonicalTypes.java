package dev.jwasm.core.validate;

import java.util.HashMap;
import java.util.Map;

/**
 * Process-wide interner of recursive type groups, so that type indices of any module can be compared by
 * iso-recursive equivalence: two types are equivalent exactly when they get the same canonical id. The
 * canonical supertype of every canonical type is recorded for subtype checks across modules (imports).
 */
final class CanonicalTypes {
    private static final Map<String, Integer> GROUPS = new HashMap<>();
    private static int[] superOf = new int[256];
    private static int next;

    private CanonicalTypes() {
    }

    /**
     * Interns a recursive group described by {@code key} and returns the canonical id of its first type;
     * member {@code i} has id {@code base + i}.
     *
     * @param superRefs for each member, its supertype as an encoded reference: {@code -1} for none,
     *     {@code -2 - r} for member {@code r} of this group, or a canonical id {@code >= 0}
     */
    static synchronized int internGroup(String key, int[] superRefs) {
        Integer known = GROUPS.get(key);
        if (known != null) {
            return known;
        }
        int base = next;
        int size = superRefs.length;
        if (base + size > superOf.length) {
            int[] grown = new int[Math.max(superOf.length * 2, base + size)];
            System.arraycopy(superOf, 0, grown, 0, superOf.length);
            superOf = grown;
        }
        for (int i = 0; i < size; i++) {
            int ref = superRefs[i];
            superOf[base + i] = ref <= -2 ? base + (-2 - ref) : ref;
        }
        next = base + size;
        GROUPS.put(key, base);
        return base;
    }

    /** Whether canonical type {@code sub} equals or transitively declares canonical type {@code sup}. */
    static synchronized boolean declaresSupertype(int sub, int sup) {
        int t = sub;
        while (t >= 0) {
            if (t == sup) {
                return true;
            }
            t = superOf[t];
        }
        return false;
    }
}
