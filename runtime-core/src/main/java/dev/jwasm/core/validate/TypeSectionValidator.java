package dev.jwasm.core.validate;

import dev.jwasm.api.InvalidModuleException;
import dev.jwasm.core.model.ArrayType;
import dev.jwasm.core.model.CompositeType;
import dev.jwasm.core.model.FieldType;
import dev.jwasm.core.model.FuncType;
import dev.jwasm.core.model.StructType;
import dev.jwasm.core.model.SubType;
import dev.jwasm.core.model.ValType;
import java.util.List;

/**
 * Validates the type section group by group: references stay within the types defined so far (or the
 * current recursive group), each declared supertype comes earlier, is not final and has a matching
 * composite type. Canonicalises each group on the way, yielding the module's {@link TypeContext}.
 */
final class TypeSectionValidator {
    private final List<SubType> types;
    private final int[] canon;
    private final TypeContext ctx;

    private TypeSectionValidator(List<SubType> types) {
        this.types = types;
        this.canon = new int[types.size()];
        this.ctx = new TypeContext(types, canon);
    }

    static TypeContext validate(List<SubType> types) {
        TypeSectionValidator v = new TypeSectionValidator(types);
        int i = 0;
        while (i < types.size()) {
            SubType first = types.get(i);
            int size = Math.max(1, first.recGroupSize());
            if (first.recGroupStart() != i || i + size > types.size()) {
                size = 1; // inconsistent grouping: fall back to a singleton group
            }
            v.group(i, size);
            i += size;
        }
        return v.ctx;
    }

    private void group(int start, int size) {
        int limit = start + size;
        for (int i = start; i < limit; i++) {
            checkIndices(types.get(i), i, limit);
        }
        StringBuilder key = new StringBuilder();
        int[] superRefs = new int[size];
        for (int i = start; i < limit; i++) {
            SubType st = types.get(i);
            key.append(st.isFinal() ? 'F' : 'S');
            if (st.supertypeCount() > 0) {
                int s = st.supertype(0);
                superRefs[i - start] = s >= start ? -2 - (s - start) : canon[s];
                key.append('<').append(ref(s, start, limit)).append('>');
            } else {
                superRefs[i - start] = -1;
            }
            describe(st.composite(), start, limit, key);
            key.append(';');
        }
        int base = CanonicalTypes.internGroup(key.toString(), superRefs);
        for (int i = start; i < limit; i++) {
            canon[i] = base + (i - start);
        }
        for (int i = start; i < limit; i++) {
            checkSupertype(i);
        }
    }

    private void checkIndices(SubType st, int self, int limit) {
        if (st.supertypeCount() > 1) {
            throw new InvalidModuleException("multiple supertypes");
        }
        if (st.supertypeCount() == 1) {
            int s = st.supertype(0);
            if (s < 0 || s >= self) {
                throw new InvalidModuleException("unknown type " + s);
            }
        }
        CompositeType c = st.composite();
        if (c instanceof FuncType f) {
            f.params().forEach(t -> checkType(t, limit));
            f.results().forEach(t -> checkType(t, limit));
        } else if (c instanceof StructType s) {
            s.fields().forEach(fd -> checkType(fd.storage().valType(), limit));
        } else if (c instanceof ArrayType a) {
            checkType(a.element().storage().valType(), limit);
        }
    }

    /** Throws "unknown type" if {@code t} refers to a type index at or beyond {@code limit}. */
    static void checkType(ValType t, int limit) {
        if (t.isReference() && t.heapType().isConcrete() && t.heapType().typeIndex() >= limit) {
            throw new InvalidModuleException("unknown type " + t.heapType().typeIndex());
        }
    }

    private void checkSupertype(int i) {
        SubType st = types.get(i);
        if (st.supertypeCount() == 0) {
            return;
        }
        int s = st.supertype(0);
        SubType sup = types.get(s);
        if (sup.isFinal() || !ctx.compositeMatches(st.composite(), sup.composite())) {
            throw new InvalidModuleException("sub type " + i + " does not match super type " + s);
        }
    }

    private String ref(int index, int start, int limit) {
        return index >= start && index < limit ? "r" + (index - start) : "c" + canon[index];
    }

    private void describe(CompositeType c, int start, int limit, StringBuilder key) {
        if (c instanceof FuncType f) {
            key.append("func(");
            f.params().forEach(t -> describe(t, start, limit, key));
            key.append("->");
            f.results().forEach(t -> describe(t, start, limit, key));
            key.append(')');
        } else if (c instanceof StructType s) {
            key.append("struct(");
            s.fields().forEach(fd -> describe(fd, start, limit, key));
            key.append(')');
        } else if (c instanceof ArrayType a) {
            key.append("array(");
            describe(a.element(), start, limit, key);
            key.append(')');
        }
    }

    private void describe(FieldType f, int start, int limit, StringBuilder key) {
        key.append(f.mutable() ? 'm' : 'c');
        if (f.storage().isPacked()) {
            key.append('p').append(f.storage().packedBits()).append(',');
        } else {
            describe(f.storage().valType(), start, limit, key);
        }
    }

    private void describe(ValType t, int start, int limit, StringBuilder key) {
        if (!t.isReference()) {
            key.append(t.kind().text()).append(',');
            return;
        }
        key.append(t.nullable() ? "n" : "r");
        if (t.heapType().isConcrete()) {
            key.append(ref(t.heapType().typeIndex(), start, limit));
        } else {
            key.append(t.heapType().kind().text());
        }
        key.append(',');
    }
}
