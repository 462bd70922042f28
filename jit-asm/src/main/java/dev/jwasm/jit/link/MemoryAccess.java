package dev.jwasm.jit.link;

import dev.jwasm.api.TrapKind;
import dev.jwasm.api.WasmTrap;
import dev.jwasm.core.runtime.InstanceImpl;
import dev.jwasm.core.runtime.MemoryInstance;

/**
 * Memory operations called by generated code, other than the common 32-bit loads and stores, which are in
 * {@link UnsafeAccess} or {@link VarHandleAccess} ({@link #ACCESS_CLASS}): those with a static offset of 2^31
 * or more (never in bounds, so they trap), 64-bit memories (through {@link MemoryInstance}), growth and the
 * bulk-memory instructions. Operands come in wasm stack order, then memory and offset.
 */
public final class MemoryAccess {
    private static final boolean RAW = RawBytes.AVAILABLE;
    /**
     * Internal name of the class whose small accessors generated code calls for offsets below 2^31: {@link
     * UnsafeAccess} where {@link RawBytes} is available, else {@link VarHandleAccess}. A compiled module's jar
     * records it, and a JVM that would choose the other refuses the jar.
     */
    public static final String ACCESS_CLASS = (RAW ? UnsafeAccess.class : VarHandleAccess.class).getName()
            .replace('.', '/');

    private static final String BYTE_ACCESS_CLASS = ByteAccess.class.getName().replace('.', '/');

    private MemoryAccess() {
    }

    /**
     * Internal name of the class with accessor {@code name}: {@link ByteAccess} for bytes, else
     * {@link #ACCESS_CLASS}.
     */
    public static String accessClassOf(String name) {
        return switch (name) {
            case "load8S", "load8U", "store8" -> BYTE_ACCESS_CLASS;
            default -> ACCESS_CLASS;
        };
    }

    /**
     * Initialises the accessor classes in use and links their VarHandle call sites, if any. Done when the JIT
     * loads, because the first use could otherwise happen deep in a guest recursion, where a StackOverflowError
     * during class initialisation or linkage would poison the class for the whole JVM.
     */
    public static void warmUp() {
        byte[] m = new byte[16];
        ByteAccess.store8(0, ByteAccess.load8U(0, m), m);
        if (RAW) {
            UnsafeAccess.i64Store(0, UnsafeAccess.i64LoadAt(0, m, 8), m);
            UnsafeAccess.f64StoreSettlingAt(0, UnsafeAccess.i32Load(0, m), m, 8);
        } else {
            VarHandleAccess.i64Store(0, VarHandleAccess.i64LoadAt(0, m, 8), m);
            VarHandleAccess.i32StoreAt(0, VarHandleAccess.i32Load(0, m) + VarHandleAccess.load16S(0, m), m, 4);
            VarHandleAccess.store16(0, VarHandleAccess.load16U(0, m), m);
        }
    }

    static WasmTrap outOfBounds() {
        return new WasmTrap(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS);
    }

    /*
     * A 32-bit memory access with a static offset of 2^31 or more: the effective address is at least 2^31,
     * beyond any byte[], so it always traps. One stub per operand shape; the emitter calls the one matching the
     * access's operands (address, stored value if any, buffer).
     */

    public static int offsetTooLargeI(int addr, byte[] m) {
        throw outOfBounds();
    }

    public static long offsetTooLargeJ(int addr, byte[] m) {
        throw outOfBounds();
    }

    public static void offsetTooLarge(int addr, int v, byte[] m) {
        throw outOfBounds();
    }

    public static void offsetTooLarge(int addr, long v, byte[] m) {
        throw outOfBounds();
    }

    public static void offsetTooLarge(int addr, float v, byte[] m) {
        throw outOfBounds();
    }

    public static void offsetTooLarge(int addr, double v, byte[] m) {
        throw outOfBounds();
    }

    // ---- 64-bit memories ----

    private static long ea64(long addr, long offset) {
        long ea = addr + offset;
        // Unsigned overflow or an address beyond 2^63 can never be in bounds.
        return (addr < 0 || offset < 0 || ea < 0) ? -1 : ea;
    }

    public static int m64I32Load(long addr, MemoryInstance m, long off) {
        return m.loadI32(ea64(addr, off));
    }

    public static long m64I64Load(long addr, MemoryInstance m, long off) {
        return m.loadI64(ea64(addr, off));
    }

    public static int m64Load8S(long addr, MemoryInstance m, long off) {
        return m.loadI8(ea64(addr, off));
    }

    public static int m64Load8U(long addr, MemoryInstance m, long off) {
        return m.loadU8(ea64(addr, off));
    }

    public static int m64Load16S(long addr, MemoryInstance m, long off) {
        return m.loadI16(ea64(addr, off));
    }

    public static int m64Load16U(long addr, MemoryInstance m, long off) {
        return m.loadU16(ea64(addr, off));
    }

    public static long m64Load32U(long addr, MemoryInstance m, long off) {
        return m.loadI32(ea64(addr, off)) & 0xFFFF_FFFFL;
    }

    public static void m64I32Store(long addr, int v, MemoryInstance m, long off) {
        m.storeI32(ea64(addr, off), v);
    }

    public static void m64I64Store(long addr, long v, MemoryInstance m, long off) {
        m.storeI64(ea64(addr, off), v);
    }

    public static void m64Store8(long addr, int v, MemoryInstance m, long off) {
        m.storeI8(ea64(addr, off), v);
    }

    public static void m64Store16(long addr, int v, MemoryInstance m, long off) {
        m.storeI16(ea64(addr, off), v);
    }

    // ---- size, grow and bulk operations (operands already widened to unsigned longs) ----

    public static int grow32(int delta, MemoryInstance m) {
        return (int) m.grow(delta & 0xFFFF_FFFFL);
    }

    public static long grow64(long delta, MemoryInstance m) {
        return m.grow(delta);
    }

    public static void init(long d, long s, long n, InstanceImpl inst, int data, MemoryInstance m) {
        byte[] seg = inst.dataSegments[data];
        if (s + n > seg.length) {
            throw outOfBounds();
        }
        m.write(d, seg, (int) s, (int) n);
    }

    public static void dataDrop(InstanceImpl inst, int data) {
        inst.dataSegments[data] = new byte[0];
    }

    public static void copy(long d, long s, long n, MemoryInstance dst, MemoryInstance src) {
        MemoryInstance.copy(dst, d, src, s, n);
    }

    public static void fill(long d, long value, long n, MemoryInstance m) {
        m.fill(d, n, (byte) value);
    }
}
