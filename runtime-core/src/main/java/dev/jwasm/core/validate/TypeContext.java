package dev.jwasm.core.validate;

import dev.jwasm.core.model.ArrayType;
import dev.jwasm.core.model.CompositeType;
import dev.jwasm.core.model.DecodedModule;
import dev.jwasm.core.model.FieldType;
import dev.jwasm.core.model.FuncType;
import dev.jwasm.core.model.HeapType;
import dev.jwasm.core.model.StorageType;
import dev.jwasm.core.model.StructType;
import dev.jwasm.core.model.SubType;
import dev.jwasm.core.model.ValType;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The type index space of one module with the subtyping rules of WebAssembly 3.0: iso-recursive type
 * equivalence (via process-wide canonical ids), declared supertypes, the abstract heap type hierarchies
 * ({@code any/eq/i31/struct/array/none}, {@code func/nofunc}, {@code extern/noextern}, {@code exn/noexn})
 * and nullability. Also used by linking to match imports: see {@link #matches(TypeContext, ValType,
 * TypeContext, ValType)}.
 *
 * <p>Only build one for a module whose type section is structurally valid (indices in range, supertypes
 * before their subtypes); {@link #of(DecodedModule)} validates and caches.
 */
public final class TypeContext {
    private static final Map<DecodedModule, TypeContext> CACHE = Collections.synchronizedMap(new WeakHashMap<>());

    private static final ValType[] ABSTRACT_NULLABLE = new ValType[HeapType.Kind.values().length];
    private static final ValType[] ABSTRACT_NON_NULL = new ValType[HeapType.Kind.values().length];

    static {
        for (HeapType.Kind k : HeapType.Kind.values()) {
            if (k != HeapType.Kind.CONCRETE) {
                ABSTRACT_NULLABLE[k.ordinal()] = ValType.ref(true, HeapType.of(k));
                ABSTRACT_NON_NULL[k.ordinal()] = ValType.ref(false, HeapType.of(k));
            }
        }
    }

    private final SubType[] types;
    private final int[] canon;
    // Interned concrete heap and reference types, so validating code does not allocate them per use.
    private final HeapType[] heaps;
    private final ValType[] nullableRefs;
    private final ValType[] nonNullRefs;

    TypeContext(List<SubType> types, int[] canon) {
        this.types = types.toArray(new SubType[0]);
        this.canon = canon;
        this.heaps = new HeapType[this.types.length];
        this.nullableRefs = new ValType[this.types.length];
        this.nonNullRefs = new ValType[this.types.length];
    }

    /** The concrete heap type of type {@code index} (which must be in range), interned. */
    HeapType heap(int index) {
        HeapType h = heaps[index];
        if (h == null) {
            h = HeapType.concrete(index);
            heaps[index] = h;
        }
        return h;
    }

    /** {@code (ref null? index)} for a type index in range, interned. */
    ValType ref(boolean nullable, int index) {
        ValType[] cache = nullable ? nullableRefs : nonNullRefs;
        ValType t = cache[index];
        if (t == null) {
            t = ValType.ref(nullable, heap(index));
            cache[index] = t;
        }
        return t;
    }

    /** {@code (ref null? ht)}, interned (concrete heap types must be in range). */
    ValType ref(boolean nullable, HeapType ht) {
        if (ht.isConcrete()) {
            return ref(nullable, ht.typeIndex());
        }
        return (nullable ? ABSTRACT_NULLABLE : ABSTRACT_NON_NULL)[ht.kind().ordinal()];
    }

    /**
     * The type context of {@code module}, validating its type section on first use.
     *
     * @throws dev.jwasm.api.InvalidModuleException if the type section is invalid
     */
    public static TypeContext of(DecodedModule module) {
        TypeContext ctx = CACHE.get(module);
        if (ctx == null) {
            ctx = TypeSectionValidator.validate(module.types());
            CACHE.put(module, ctx);
        }
        return ctx;
    }

    public int size() {
        return types.length;
    }

    public SubType type(int index) {
        return types[index];
    }

    public CompositeType composite(int index) {
        return types[index].composite();
    }

    /** The canonical id of type {@code index}: equal ids mean equivalent types, across modules too. */
    public int canonicalId(int index) {
        return canon[index];
    }

    /** The function type at {@code index}, or null if out of range or not a function type. */
    public FuncType funcTypeOrNull(int index) {
        if (index < 0 || index >= types.length) {
            return null;
        }
        return types[index].composite() instanceof FuncType f ? f : null;
    }

    /** Whether {@code a} matches (is a subtype of) {@code b}; a null {@code a} is the bottom type. */
    public boolean isSubtype(ValType a, ValType b) {
        return matches(this, a, this, b);
    }

    /** Whether every type of {@code a} matches the one at the same position of {@code b}. */
    public boolean isSubtype(List<ValType> a, List<ValType> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!isSubtype(a.get(i), b.get(i))) {
                return false;
            }
        }
        return true;
    }

    public boolean isHeapSubtype(HeapType a, HeapType b) {
        return heapMatches(this, a, this, b);
    }

    /**
     * Whether value type {@code a} of the module of {@code ca} matches value type {@code b} of the module of
     * {@code cb} (for import matching, pass the exporting module as {@code ca}).
     */
    public static boolean matches(TypeContext ca, ValType a, TypeContext cb, ValType b) {
        if (a == null || a == b) {
            return true;
        }
        if (a.kind() != b.kind()) {
            return false;
        }
        if (!a.isReference()) {
            return true;
        }
        if (a.nullable() && !b.nullable()) {
            return false;
        }
        return heapMatches(ca, a.heapType(), cb, b.heapType());
    }

    /**
     * Import matching of functions: whether the function of type index {@code a} (in the exporting module's
     * {@code ca}) may be imported as type index {@code b} of {@code cb}: equivalent types, or a declared
     * subtype.
     */
    public static boolean funcTypeIndexMatches(TypeContext ca, int a, TypeContext cb, int b) {
        return concreteMatches(ca, a, cb, b);
    }

    /**
     * Import matching of globals: same mutability; a mutable global's value type must be equivalent, an
     * immutable one's may be a subtype.
     */
    public static boolean globalMatches(TypeContext ca, dev.jwasm.core.model.GlobalType a, TypeContext cb,
            dev.jwasm.core.model.GlobalType b) {
        if (a.mutable() != b.mutable() || !matches(ca, a.valType(), cb, b.valType())) {
            return false;
        }
        return !a.mutable() || matches(cb, b.valType(), ca, a.valType());
    }

    /** Import matching of table element types: they must be equivalent (limits are checked separately). */
    public static boolean tableElementMatches(TypeContext ca, ValType a, TypeContext cb, ValType b) {
        return matches(ca, a, cb, b) && matches(cb, b, ca, a);
    }

    /** Whether function type {@code a} (in {@code ca}) matches {@code b} (in {@code cb}), structurally. */
    public static boolean matches(TypeContext ca, FuncType a, TypeContext cb, FuncType b) {
        return allMatch(cb, b.params(), ca, a.params()) && allMatch(ca, a.results(), cb, b.results());
    }

    private static boolean allMatch(TypeContext ca, List<ValType> a, TypeContext cb, List<ValType> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!matches(ca, a.get(i), cb, b.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** Whether heap type {@code a} (in {@code ca}) is a subtype of heap type {@code b} (in {@code cb}). */
    public static boolean heapMatches(TypeContext ca, HeapType a, TypeContext cb, HeapType b) {
        if (a == null) {
            return true;
        }
        HeapType.Kind ka = a.kind();
        HeapType.Kind kb = b.kind();
        if (ka == HeapType.Kind.CONCRETE) {
            if (kb == HeapType.Kind.CONCRETE) {
                return concreteMatches(ca, a.typeIndex(), cb, b.typeIndex());
            }
            return abstractAbove(ca.composite(a.typeIndex()), kb);
        }
        if (kb == HeapType.Kind.CONCRETE) {
            return isBottomFor(ka, cb.composite(b.typeIndex()));
        }
        return abstractMatches(ka, kb);
    }

    private static boolean concreteMatches(TypeContext ca, int a, TypeContext cb, int b) {
        int target = cb.canon[b];
        if (ca != cb) {
            return CanonicalTypes.declaresSupertype(ca.canon[a], target);
        }
        int t = a;
        while (true) {
            if (ca.canon[t] == target) {
                return true;
            }
            SubType st = ca.types[t];
            if (st.supertypeCount() == 0) {
                return false;
            }
            t = st.supertype(0);
        }
    }

    /** Whether the abstract heap type {@code k} is a supertype of a concrete type with body {@code c}. */
    private static boolean abstractAbove(CompositeType c, HeapType.Kind k) {
        if (c instanceof FuncType) {
            return k == HeapType.Kind.FUNC;
        }
        HeapType.Kind own = c instanceof StructType ? HeapType.Kind.STRUCT : HeapType.Kind.ARRAY;
        return k == own || k == HeapType.Kind.EQ || k == HeapType.Kind.ANY;
    }

    private static boolean isBottomFor(HeapType.Kind k, CompositeType c) {
        if (c instanceof FuncType) {
            return k == HeapType.Kind.NOFUNC;
        }
        return k == HeapType.Kind.NONE;
    }

    private static boolean abstractMatches(HeapType.Kind a, HeapType.Kind b) {
        if (a == b) {
            return true;
        }
        switch (a) {
            case EQ:
                return b == HeapType.Kind.ANY;
            case I31:
            case STRUCT:
            case ARRAY:
                return b == HeapType.Kind.EQ || b == HeapType.Kind.ANY;
            case NONE:
                return b == HeapType.Kind.EQ || b == HeapType.Kind.ANY || b == HeapType.Kind.I31
                        || b == HeapType.Kind.STRUCT || b == HeapType.Kind.ARRAY;
            case NOFUNC:
                return b == HeapType.Kind.FUNC;
            case NOEXTERN:
                return b == HeapType.Kind.EXTERN;
            case NOEXN:
                return b == HeapType.Kind.EXN;
            default:
                return false;
        }
    }

    /** The top of the hierarchy {@code h} belongs to: func, extern, any or exn. */
    public HeapType top(HeapType h) {
        switch (h.kind()) {
            case FUNC:
            case NOFUNC:
                return HeapType.FUNC;
            case EXTERN:
            case NOEXTERN:
                return HeapType.EXTERN;
            case EXN:
            case NOEXN:
                return HeapType.EXN;
            case CONCRETE:
                return composite(h.typeIndex()) instanceof FuncType ? HeapType.FUNC : HeapType.ANY;
            default:
                return HeapType.ANY;
        }
    }

    /** The bottom of the hierarchy {@code h} belongs to: nofunc, noextern, none or noexn. */
    public HeapType bottom(HeapType h) {
        HeapType t = top(h);
        if (t == HeapType.FUNC) {
            return HeapType.NOFUNC;
        }
        if (t == HeapType.EXTERN) {
            return HeapType.NOEXTERN;
        }
        return t == HeapType.EXN ? HeapType.of(HeapType.Kind.NOEXN) : HeapType.of(HeapType.Kind.NONE);
    }

    /** Field (or array element) subtyping: mutable fields are invariant, immutable ones covariant. */
    boolean fieldMatches(FieldType a, FieldType b) {
        if (a.mutable() != b.mutable()) {
            return false;
        }
        if (!storageMatches(a.storage(), b.storage())) {
            return false;
        }
        return !a.mutable() || storageMatches(b.storage(), a.storage());
    }

    boolean storageMatches(StorageType a, StorageType b) {
        if (a.isPacked() || b.isPacked()) {
            return a.packedBits() == b.packedBits();
        }
        return isSubtype(a.valType(), b.valType());
    }

    /** Whether composite type {@code a} may declare a supertype with composite type {@code b}. */
    boolean compositeMatches(CompositeType a, CompositeType b) {
        if (a instanceof FuncType fa && b instanceof FuncType fb) {
            return matches(this, fa, this, fb);
        }
        if (a instanceof StructType sa && b instanceof StructType sb) {
            if (sa.fields().size() < sb.fields().size()) {
                return false;
            }
            for (int i = 0; i < sb.fields().size(); i++) {
                if (!fieldMatches(sa.fields().get(i), sb.fields().get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof ArrayType aa && b instanceof ArrayType ab) {
            return fieldMatches(aa.element(), ab.element());
        }
        return false;
    }
}
