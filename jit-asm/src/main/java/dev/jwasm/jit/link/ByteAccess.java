package dev.jwasm.jit.link;

import dev.jwasm.core.runtime.BoundsChecks;

/**
 * Single-byte loads and stores of 32-bit memories for generated code, on every JVM: a byte is an element of
 * the memory's {@code byte[]}, so {@code m[addr]} needs neither {@code Unsafe} nor a VarHandle, and its own
 * range check is the one {@link UnsafeAccess}'s {@code Objects.checkIndex} imitates (merged and hoisted
 * alike by C2). It also costs a fifth of the inlining budget of a check and an {@code Unsafe} call, which
 * matters in large functions: C2 stops inlining once one compilation has parsed 8000 bytes of bytecode.
 *
 * <p>A failed check is an {@link ArrayIndexOutOfBoundsException} (without a stack trace once HotSpot throws
 * it often), which {@link BoundsChecks} turns into the out-of-bounds trap. With a nonzero offset a negative
 * {@code addr} traps first, as in {@link UnsafeAccess}.
 */
public final class ByteAccess {
    static {
        BoundsChecks.registerChecker(ByteAccess.class);
    }

    private ByteAccess() {
    }

    public static int load8S(int addr, byte[] m) {
        return m[addr];
    }

    public static int load8SAt(int addr, byte[] m, int offset) {
        if (addr < 0) {
            throw MemoryAccess.outOfBounds();
        }
        return m[addr + offset];
    }

    public static int load8U(int addr, byte[] m) {
        return m[addr] & 0xFF;
    }

    public static int load8UAt(int addr, byte[] m, int offset) {
        if (addr < 0) {
            throw MemoryAccess.outOfBounds();
        }
        return m[addr + offset] & 0xFF;
    }

    public static void store8(int addr, int v, byte[] m) {
        m[addr] = (byte) v;
    }

    public static void store8At(int addr, int v, byte[] m, int offset) {
        if (addr < 0) {
            throw MemoryAccess.outOfBounds();
        }
        m[addr + offset] = (byte) v;
    }
}
