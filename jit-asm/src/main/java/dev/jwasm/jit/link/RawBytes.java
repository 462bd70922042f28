package dev.jwasm.jit.link;

import java.lang.reflect.Field;
import java.nio.ByteOrder;

/**
 * {@code sun.misc.Unsafe} for unchecked little-endian access to a {@code byte[]} at an index the caller has
 * already bounds-checked ({@code U.getInt(m, BASE + i)}), when this JVM offers it cheaply and quietly (see
 * {@link #AVAILABLE}). Callers use the fields directly, keeping each access one small call for C2 to inline.
 *
 * <p>Why not only VarHandles: a VarHandle access is about ten force-inlined methods (roughly 280 bytes of
 * bytecode) that C2 parses at every memory instruction and counts against its per-compilation inlining
 * budget, so large guest functions compile slowly and run out of budget, leaving loads and stores as calls.
 * An {@code Unsafe} access is one intrinsic.
 */
final class RawBytes {
    /**
     * Whether {@link #U} may be used: {@code sun.misc.Unsafe} is reachable, the platform is
     * little-endian and allows unaligned plain loads and stores (x86-64, AArch64), and the JDK is older than
     * 24, from which its memory-access methods print a deprecation warning on first use (JEP 471/498).
     * {@code -Djwasm.jit.unsafeMemory=false} turns it off (the VarHandle path, for comparison and tests).
     */
    static final boolean AVAILABLE;
    /** The instance, or null where {@link #AVAILABLE} is false. */
    static final sun.misc.Unsafe U;
    /** Offset of element 0 of a {@code byte[]}: element {@code i} is at {@code BASE + i}. */
    static final long BASE;

    static {
        sun.misc.Unsafe u = null;
        String arch = System.getProperty("os.arch", "");
        boolean platform = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN
                && (arch.equals("amd64") || arch.equals("x86_64") || arch.equals("aarch64"))
                && Runtime.version().feature() < 24
                && !"false".equals(System.getProperty("jwasm.jit.unsafeMemory"));
        if (platform) {
            try {
                Field f = sun.misc.Unsafe.class.getDeclaredField("theUnsafe");
                f.setAccessible(true);
                u = (sun.misc.Unsafe) f.get(null);
            } catch (ReflectiveOperationException | RuntimeException e) {
                u = null;
            }
        }
        U = u;
        AVAILABLE = u != null;
        BASE = u == null ? 0 : u.arrayBaseOffset(byte[].class);
    }

    private RawBytes() {
    }
}
