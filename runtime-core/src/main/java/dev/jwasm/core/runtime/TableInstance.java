package dev.jwasm.core.runtime;

import dev.jwasm.api.Table;
import dev.jwasm.api.TrapKind;
import dev.jwasm.api.WasmTrap;
import dev.jwasm.core.model.HeapType;
import dev.jwasm.core.model.Limits;
import dev.jwasm.core.model.TableType;
import java.util.Arrays;

/**
 * A table of references: {@link FunctionInstance}s for funcref tables, host objects for externref, null
 * for the null reference. Sizes are capped at {@link #MAX_ELEMENTS} so a hostile grow cannot exhaust the heap.
 */
public final class TableInstance implements Table {
    /** Largest table size this runtime supports. */
    public static final long MAX_ELEMENTS = 10_000_000;

    private final TableType type;
    private final long maxSize;
    /** Internal, for the tiers: elements [0, size); may be replaced by grow. */
    public Object[] elements;

    private TableInstance(TableType type, Object init) {
        this.type = type;
        Limits l = type.limits();
        long specMax = type.is64() ? Long.MAX_VALUE : 0xFFFF_FFFFL;
        long max = l.hasMax() ? Math.min(l.max(), specMax) : specMax;
        this.maxSize = Math.min(max, MAX_ELEMENTS);
        if (l.min() > maxSize) {
            throw new WasmTrap(TrapKind.MEMORY_LIMIT, "memory limit exceeded: table of " + l.min()
                    + " elements is larger than this runtime supports");
        }
        try {
            this.elements = new Object[(int) l.min()];
        } catch (OutOfMemoryError e) {
            throw new WasmTrap(TrapKind.MEMORY_LIMIT, "memory limit exceeded: cannot allocate a table of "
                    + l.min() + " elements");
        }
        checkElement(init);
        if (init != null) {
            Arrays.fill(elements, init);
        }
    }

    public static Table create(TableType type, Object init) {
        return new TableInstance(type, init);
    }

    public static TableInstance allocate(TableType type, Object init) {
        return new TableInstance(type, init);
    }

    /** Host-supplied elements of a function table must be functions this runtime created. */
    private void checkElement(Object value) {
        HeapType.Kind k = type.elementType().heapType().kind();
        boolean funcTable = k == HeapType.Kind.FUNC || k == HeapType.Kind.CONCRETE || k == HeapType.Kind.NOFUNC;
        if (value != null && funcTable && !(value instanceof FunctionInstance)) {
            throw new IllegalArgumentException("a " + type.elementType() + " table holds only functions, got "
                    + value.getClass().getName());
        }
    }

    @Override
    public TableType type() {
        return type;
    }

    @Override
    public long size() {
        return elements.length;
    }

    /** The current limits (size as minimum), for import matching. */
    public Limits currentLimits() {
        Limits l = type.limits();
        return new Limits(elements.length, l.max(), l.is64(), l.shared());
    }

    private static WasmTrap oob() {
        return new WasmTrap(TrapKind.OUT_OF_BOUNDS_TABLE_ACCESS);
    }

    @Override
    public Object get(long index) {
        if (index < 0 || index >= elements.length) {
            throw oob();
        }
        return elements[(int) index];
    }

    @Override
    public void set(long index, Object value) {
        if (index < 0 || index >= elements.length) {
            throw oob();
        }
        checkElement(value);
        elements[(int) index] = value;
    }

    @Override
    public long grow(long delta, Object init) {
        long old = elements.length;
        if (delta < 0 || delta > maxSize - old) {
            return -1;
        }
        checkElement(init);
        try {
            Object[] grown = Arrays.copyOf(elements, (int) (old + delta));
            Arrays.fill(grown, (int) old, grown.length, init);
            elements = grown;
        } catch (OutOfMemoryError e) {
            return -1;
        }
        return old;
    }

    /** Checks {@code [start, start+len)} (unsigned values widened to long) lies inside the table. */
    public void checkRange(long start, long len) {
        if (start < 0 || len < 0 || start > elements.length - len) {
            throw oob();
        }
    }

    /** table.fill. */
    public void fill(long start, Object value, long len) {
        checkRange(start, len);
        Arrays.fill(elements, (int) start, (int) (start + len), value);
    }

    /** table.copy, overlapping ranges allowed. */
    public static void copy(TableInstance dst, long d, TableInstance src, long s, long len) {
        src.checkRange(s, len);
        dst.checkRange(d, len);
        System.arraycopy(src.elements, (int) s, dst.elements, (int) d, (int) len);
    }
}
