package dev.jwasm.core.runtime;

import dev.jwasm.core.model.ArrayType;
import dev.jwasm.core.model.CompositeType;
import dev.jwasm.core.model.FieldType;
import dev.jwasm.core.model.FuncType;
import dev.jwasm.core.model.HeapType;
import dev.jwasm.core.model.StructType;
import dev.jwasm.core.model.SubType;
import dev.jwasm.core.model.ValType;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Canonical ids for defined types, shared by all modules, so signature checks across instances compare ints.
 * Two types get the same id exactly when they are equivalent in the sense of WebAssembly 3.0: same position
 * in structurally identical recursive groups, where references into the group are compared by relative
 * position and references outside it by canonical id. Declared supertypes are recorded so
 * {@link #isSubtype} can walk the chain for {@code call_indirect} on non-final types.
 */
public final class TypeRegistry {
    private static final ConcurrentHashMap<String, Integer> IDS = new ConcurrentHashMap<>();
    private static final AtomicInteger NEXT_ID = new AtomicInteger();
    /** Canonical id -> canonical id of its declared supertype (absent when none). */
    private static final ConcurrentHashMap<Integer, Integer> SUPERTYPES = new ConcurrentHashMap<>();
    /**
     * {@link #idOf} by type: a host function's id depends only on its type's structure, and WASI alone
     * defines some 45 functions of 15 types, each run (building keys ran bytecode-interpreted at start-up).
     */
    private static final ConcurrentHashMap<FuncType, Integer> HOST_IDS = new ConcurrentHashMap<>();

    private TypeRegistry() {
    }

    /** The id of a function type used outside any module (host functions): a final singleton group. */
    public static int idOf(FuncType type) {
        Integer id = HOST_IDS.get(type);
        if (id == null) {
            id = canonicalize(List.of(new SubType(true, new int[0], type, 0, 1)))[0];
            HOST_IDS.putIfAbsent(type, id);
        }
        return id;
    }

    /** Canonical ids for every type of a module's type section, in index order. */
    public static int[] canonicalize(List<SubType> types) {
        int[] ids = new int[types.size()];
        int i = 0;
        while (i < types.size()) {
            SubType first = types.get(i);
            int start = first.recGroupStart();
            int size = Math.max(1, first.recGroupSize());
            if (start != i) { // defensive: treat an inconsistent group as a singleton
                start = i;
                size = 1;
            }
            String group = groupKey(types, ids, start, Math.min(size, types.size() - start));
            for (int j = start; j < start + size && j < types.size(); j++) {
                ids[j] = intern(group + "#" + (j - start), superOf(types.get(j), ids));
            }
            i = start + size;
        }
        return ids;
    }

    private static int superOf(SubType t, int[] ids) {
        if (t.supertypeCount() == 0) {
            return -1;
        }
        int s = t.supertype(0);
        // Supertypes precede their subtypes, so an outside one already has its id; inside ones are
        // assigned in order as well.
        return s < ids.length ? ids[s] : -1;
    }

    private static int intern(String key, int supertype) {
        Integer id = IDS.get(key);
        if (id == null) {
            Integer fresh = NEXT_ID.getAndIncrement(); // ids need only be distinct: a lost race skips one
            Integer prior = IDS.putIfAbsent(key, fresh);
            id = prior != null ? prior : fresh;
        }
        if (supertype >= 0) {
            SUPERTYPES.putIfAbsent(id, supertype);
        }
        return id;
    }

    /** Whether type {@code sub} is {@code sup} or declares it (transitively) as supertype. */
    public static boolean isSubtype(int sub, int sup) {
        Integer t = sub;
        for (int steps = 0; t != null && steps < 1_000_000; steps++) {
            if (t == sup) {
                return true;
            }
            t = SUPERTYPES.get(t);
        }
        return false;
    }

    private static String groupKey(List<SubType> types, int[] ids, int start, int size) {
        StringBuilder key = new StringBuilder("{");
        for (int j = start; j < start + size; j++) {
            SubType t = types.get(j);
            key.append(t.isFinal() ? "final" : "open").append('<');
            for (int s : t.supertypes()) {
                appendTypeRef(key, s, ids, start, size);
            }
            key.append('>');
            appendComposite(key, t.composite(), ids, start, size);
            key.append(';');
        }
        return key.append('}').toString();
    }

    private static void appendTypeRef(StringBuilder key, int index, int[] ids, int start, int size) {
        if (index >= start && index < start + size) {
            key.append("rec").append(index - start);
        } else {
            key.append("id").append(index < ids.length ? ids[index] : -1);
        }
        key.append(',');
    }

    private static void appendComposite(StringBuilder key, CompositeType c, int[] ids, int start, int size) {
        if (c instanceof FuncType f) {
            key.append("func(");
            for (ValType v : f.params()) {
                appendValType(key, v, ids, start, size);
            }
            key.append(")->(");
            for (ValType v : f.results()) {
                appendValType(key, v, ids, start, size);
            }
            key.append(')');
        } else if (c instanceof StructType s) {
            key.append("struct(");
            for (FieldType fld : s.fields()) {
                appendField(key, fld, ids, start, size);
            }
            key.append(')');
        } else if (c instanceof ArrayType a) {
            key.append("array(");
            appendField(key, a.element(), ids, start, size);
            key.append(')');
        }
    }

    private static void appendField(StringBuilder key, FieldType f, int[] ids, int start, int size) {
        key.append(f.mutable() ? "mut " : "").append(f.storage().packedBits()).append(':');
        appendValType(key, f.storage().valType(), ids, start, size);
    }

    private static void appendValType(StringBuilder key, ValType v, int[] ids, int start, int size) {
        if (!v.isReference() || !v.heapType().isConcrete()) {
            key.append(v).append(',');
            return;
        }
        HeapType h = v.heapType();
        key.append(v.nullable() ? "(ref null " : "(ref ");
        appendTypeRef(key, h.typeIndex(), ids, start, size);
        key.append("),");
    }
}
