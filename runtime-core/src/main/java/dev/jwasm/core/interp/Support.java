package dev.jwasm.core.interp;

import dev.jwasm.api.TrapKind;
import dev.jwasm.api.WasmTrap;
import dev.jwasm.core.runtime.FunctionInstance;
import dev.jwasm.core.runtime.GlobalInstance;
import dev.jwasm.core.runtime.InstanceImpl;
import dev.jwasm.core.runtime.MemoryInstance;
import dev.jwasm.core.runtime.TableInstance;
import dev.jwasm.core.runtime.TypeRegistry;

/**
 * The interpreter's less frequent instructions, out of line so the dispatch loop stays small: calls through
 * tables and references, table and bulk-memory instructions, and accesses to non-default memories.
 */
final class Support {
    private Support() {
    }

    static WasmTrap trap(TrapKind kind) {
        return new WasmTrap(kind);
    }

    /** Moves the top {@code keep} slots down over {@code drop} slots; returns the new stack pointer. */
    static int branch(long[] s, Object[] r, int sp, int keep, int drop) {
        int src = sp - keep;
        int dst = src - drop;
        for (int i = 0; i < keep; i++) {
            s[dst + i] = s[src + i];
            r[dst + i] = r[src + i];
        }
        return sp - drop;
    }

    /** Moves the top {@code n} slots to the frame base {@code fp} (results, or tail-call arguments). */
    static void toFrameBase(long[] s, Object[] r, int sp, int fp, int n) {
        int src = sp - n;
        if (src != fp) {
            // Usually zero to two values: a plain loop beats System.arraycopy's call overhead.
            for (int i = 0; i < n; i++) {
                s[fp + i] = s[src + i];
                r[fp + i] = r[src + i];
            }
        }
    }

    static long unsigned(long v, boolean is64) {
        return is64 ? v : v & 0xFFFF_FFFFL;
    }

    /** The function {@code call_indirect} calls, after the table and signature checks. */
    static FunctionInstance indirect(InstanceImpl inst, int typeId, int table, int is64, long index) {
        Object[] elems = inst.tables[table].elements;
        long i = unsigned(index, is64 != 0);
        if (i < 0 || i >= elems.length) {
            throw new WasmTrap(TrapKind.UNDEFINED_ELEMENT, TrapKind.UNDEFINED_ELEMENT.message() + " " + i);
        }
        Object e = elems[(int) i];
        if (e == null) {
            throw new WasmTrap(TrapKind.UNINITIALIZED_ELEMENT, TrapKind.UNINITIALIZED_ELEMENT.message() + " " + i);
        }
        FunctionInstance f = (FunctionInstance) e;
        if (f.typeId != typeId && !TypeRegistry.isSubtype(f.typeId, typeId)) {
            throw trap(TrapKind.INDIRECT_CALL_TYPE_MISMATCH);
        }
        return f;
    }

    /** The function {@code call_ref} calls. */
    static FunctionInstance ref(Object ref) {
        if (ref == null) {
            throw trap(TrapKind.NULL_FUNCTION_REFERENCE);
        }
        return (FunctionInstance) ref;
    }

    static WasmTrap nullReference() {
        return trap(TrapKind.NULL_REFERENCE);
    }

    static void globalSetRef(GlobalInstance g, Object v) {
        g.ref = v;
    }

    // ---- tables ----

    static Object tableGet(InstanceImpl inst, int table, long index) {
        TableInstance t = inst.tables[table];
        return t.get(unsigned(index, t.type().is64()));
    }

    static void tableSet(InstanceImpl inst, int table, long index, Object value) {
        TableInstance t = inst.tables[table];
        t.set(unsigned(index, t.type().is64()), value);
    }

    // ---- memories other than a 32-bit memory 0 ----

    static long effectiveAddress(MemoryInstance m, long addr, long offset) {
        if (!m.type().is64()) {
            return (addr & 0xFFFF_FFFFL) + (offset & 0xFFFF_FFFFL);
        }
        long ea = addr + offset;
        // Unsigned overflow or an address beyond 2^63 can never be in bounds.
        return (addr < 0 || offset < 0 || ea < 0) ? -1 : ea;
    }

    /** A load or store through {@link Op#MEM_GENERIC}; returns the new stack pointer. */
    static int memGeneric(InstanceImpl inst, long[] s, int sp, int op, int memIndex, long offset) {
        MemoryInstance m = inst.memories[memIndex];
        if (op <= 0x35) {
            s[sp - 1] = load(m, op, effectiveAddress(m, s[sp - 1], offset));
            return sp;
        }
        store(m, op, effectiveAddress(m, s[sp - 2], offset), s[sp - 1]);
        return sp - 2;
    }

    static long load(MemoryInstance m, int op, long ea) {
        return switch (op) {
            case 0x28, 0x2A -> m.loadI32(ea);
            case 0x29, 0x2B -> m.loadI64(ea);
            case 0x2C, 0x30 -> m.loadI8(ea);
            case 0x2D, 0x31 -> m.loadU8(ea);
            case 0x2E, 0x32 -> m.loadI16(ea);
            case 0x2F, 0x33 -> m.loadU16(ea);
            case 0x34 -> (long) m.loadI32(ea);
            default -> m.loadI32(ea) & 0xFFFF_FFFFL;
        };
    }

    static void store(MemoryInstance m, int op, long ea, long v) {
        switch (op) {
            case 0x36, 0x38, 0x3E -> m.storeI32(ea, v);
            case 0x37, 0x39 -> m.storeI64(ea, v);
            case 0x3A, 0x3C -> m.storeI8(ea, v);
            default -> m.storeI16(ea, v);
        }
    }

    static long memorySize(InstanceImpl inst, int mem) {
        return inst.memories[mem].pages();
    }

    static long memoryGrow(InstanceImpl inst, int mem, long delta) {
        MemoryInstance m = inst.memories[mem];
        long r = m.grow(unsigned(delta, m.type().is64()));
        return m.type().is64() ? r : (int) r;
    }

    // ---- 0xFC bulk instructions; each returns the new stack pointer ----

    /** Immediate count of each 0xFC instruction lowered by {@link Lowerer}. */
    static final int[] MISC_IMMEDIATES = {0, 0, 0, 0, 0, 0, 0, 0, 2, 1, 2, 1, 2, 1, 2, 1, 1, 1};

    static int misc(InstanceImpl inst, int sub, int a, int b, long[] s, Object[] r, int sp) {
        switch (sub) {
            case 8 -> memoryInit(inst, a, inst.memories[b], s[sp - 3], s[sp - 2], s[sp - 1]);
            case 9 -> inst.dataSegments[a] = new byte[0];
            case 10 -> memoryCopy(inst.memories[a], inst.memories[b], s[sp - 3], s[sp - 2], s[sp - 1]);
            case 11 -> memoryFill(inst.memories[a], s[sp - 3], s[sp - 2], s[sp - 1]);
            case 12 -> tableInit(inst, a, inst.tables[b], s[sp - 3], s[sp - 2], s[sp - 1]);
            case 13 -> inst.elementSegments[a] = null;
            case 14 -> tableCopy(inst.tables[a], inst.tables[b], s[sp - 3], s[sp - 2], s[sp - 1]);
            case 15 -> {
                TableInstance t = inst.tables[a];
                long old = t.grow(unsigned(s[sp - 1], t.type().is64()), r[sp - 2]);
                s[sp - 2] = t.type().is64() ? old : (int) old;
                return sp - 1;
            }
            case 16 -> {
                s[sp] = inst.tables[a].size();
                return sp + 1;
            }
            default -> {
                TableInstance t = inst.tables[a];
                t.fill(unsigned(s[sp - 3], t.type().is64()), r[sp - 2], unsigned(s[sp - 1], t.type().is64()));
            }
        }
        return sub == 9 || sub == 13 ? sp : sp - 3;
    }

    private static void memoryInit(InstanceImpl inst, int data, MemoryInstance m, long d, long src, long n) {
        byte[] seg = inst.dataSegments[data];
        long srcOff = src & 0xFFFF_FFFFL;
        long len = n & 0xFFFF_FFFFL;
        long dst = unsigned(d, m.type().is64());
        if (srcOff + len > seg.length) {
            throw trap(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS);
        }
        m.write(dst, seg, (int) srcOff, (int) len);
    }

    private static void memoryCopy(MemoryInstance dst, MemoryInstance src, long d, long s, long n) {
        boolean d64 = dst.type().is64();
        boolean s64 = src.type().is64();
        MemoryInstance.copy(dst, unsigned(d, d64), src, unsigned(s, s64), unsigned(n, d64 && s64));
    }

    private static void memoryFill(MemoryInstance m, long d, long value, long n) {
        boolean is64 = m.type().is64();
        m.fill(unsigned(d, is64), unsigned(n, is64), (byte) value);
    }

    private static void tableInit(InstanceImpl inst, int elem, TableInstance t, long d, long s, long n) {
        Object[] seg = inst.elementSegments[elem];
        int segLen = seg == null ? 0 : seg.length;
        long src = s & 0xFFFF_FFFFL;
        long len = n & 0xFFFF_FFFFL;
        long dst = unsigned(d, t.type().is64());
        if (src + len > segLen) {
            throw trap(TrapKind.OUT_OF_BOUNDS_TABLE_ACCESS);
        }
        t.checkRange(dst, len);
        if (len > 0) {
            System.arraycopy(seg, (int) src, t.elements, (int) dst, (int) len);
        }
    }

    private static void tableCopy(TableInstance dst, TableInstance src, long d, long s, long n) {
        boolean d64 = dst.type().is64();
        boolean s64 = src.type().is64();
        TableInstance.copy(dst, unsigned(d, d64), src, unsigned(s, s64), unsigned(n, d64 && s64));
    }
}
