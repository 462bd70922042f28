package dev.jwasm.jit.link;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jwasm.core.numeric.F32Ops;
import dev.jwasm.core.numeric.F64Ops;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

/**
 * The stores of unsettled floats, on both access paths: every NaN lands as the canonical NaN, every other value
 * with its exact bits, at the offset asked, and a store out of bounds writes nothing. {@link UnsafeAccess} writes
 * the value and then tests the bits in memory, so a NaN is in memory with its own bits for a moment: these tests
 * check what is left.
 */
class SettlingStoreTest {
    private static final long[] DOUBLES = {0x3FF8_0000_0000_0000L, 0x8000_0000_0000_0000L, 0x7FF0_0000_0000_0000L,
        0xFFF0_0000_0000_0000L, 0x7FEF_FFFF_FFFF_FFFFL, 0x0000_0000_0000_0001L, 0x7FF8_0000_0000_0000L,
        0xFFF8_0000_0000_0000L, 0x7FF0_0000_0000_0001L, 0xFFFF_FFFF_FFFF_FFFFL, 0x7FF4_0000_0000_0001L};
    private static final int[] FLOATS = {0x3FC0_0000, 0x8000_0000, 0x7F80_0000, 0xFF80_0000, 0x7F7F_FFFF, 1,
        0x7FC0_0000, 0xFFC0_0000, 0x7F80_0001, 0xFFFF_FFFF, 0x7FA0_0001};

    private interface F64Store {
        void store(int addr, double v, byte[] m, int offset);
    }

    private interface F32Store {
        void store(int addr, float v, byte[] m, int offset);
    }

    @Test
    void unsafePathCanonicalisesNansAndKeepsEveryOtherValue() {
        assumeTrue(RawBytes.AVAILABLE, "sun.misc.Unsafe path not available on this JVM");
        checkF64((a, v, m, o) -> {
            if (o == 0) {
                UnsafeAccess.f64StoreSettling(a, v, m);
            } else {
                UnsafeAccess.f64StoreSettlingAt(a, v, m, o);
            }
        });
        checkF32((a, v, m, o) -> {
            if (o == 0) {
                UnsafeAccess.f32StoreSettling(a, v, m);
            } else {
                UnsafeAccess.f32StoreSettlingAt(a, v, m, o);
            }
        });
    }

    @Test
    void varHandlePathCanonicalisesNansAndKeepsEveryOtherValue() {
        checkF64((a, v, m, o) -> {
            if (o == 0) {
                VarHandleAccess.f64StoreSettling(a, v, m);
            } else {
                VarHandleAccess.f64StoreSettlingAt(a, v, m, o);
            }
        });
        checkF32((a, v, m, o) -> {
            if (o == 0) {
                VarHandleAccess.f32StoreSettling(a, v, m);
            } else {
                VarHandleAccess.f32StoreSettlingAt(a, v, m, o);
            }
        });
    }

    private static void checkF64(F64Store s) {
        for (long bits : DOUBLES) {
            double v = Double.longBitsToDouble(bits);
            long expected = Double.isNaN(v) ? F64Ops.CANONICAL_NAN : bits;
            for (int[] at : new int[][] {{8, 0}, {3, 5}, {0, 24}}) {
                byte[] m = filled(32);
                s.store(at[0], v, m, at[1]);
                assertEquals(expected, ByteBuffer.wrap(m).order(ByteOrder.LITTLE_ENDIAN).getLong(at[0] + at[1]),
                        () -> Long.toHexString(bits) + " at " + at[0] + "+" + at[1]);
                byte[] rest = m.clone();
                java.util.Arrays.fill(rest, at[0] + at[1], at[0] + at[1] + 8, (byte) 0x5A);
                assertArrayEquals(filled(32), rest, "bytes outside the store untouched");
            }
            byte[] m = filled(32);
            assertThrows(IndexOutOfBoundsException.class, () -> s.store(25, v, m, 0));
            assertThrows(IndexOutOfBoundsException.class, () -> s.store(20, v, m, 5));
            assertThrows(RuntimeException.class, () -> s.store(-8, v, m, 16), "negative address with an offset");
            assertArrayEquals(filled(32), m, "a store out of bounds writes nothing");
        }
    }

    private static void checkF32(F32Store s) {
        for (int bits : FLOATS) {
            float v = Float.intBitsToFloat(bits);
            int expected = Float.isNaN(v) ? F32Ops.CANONICAL_NAN : bits;
            for (int[] at : new int[][] {{8, 0}, {3, 5}, {0, 28}}) {
                byte[] m = filled(32);
                s.store(at[0], v, m, at[1]);
                assertEquals(expected, ByteBuffer.wrap(m).order(ByteOrder.LITTLE_ENDIAN).getInt(at[0] + at[1]),
                        () -> Integer.toHexString(bits) + " at " + at[0] + "+" + at[1]);
                byte[] rest = m.clone();
                java.util.Arrays.fill(rest, at[0] + at[1], at[0] + at[1] + 4, (byte) 0x5A);
                assertArrayEquals(filled(32), rest, "bytes outside the store untouched");
            }
            byte[] m = filled(32);
            assertThrows(IndexOutOfBoundsException.class, () -> s.store(29, v, m, 0));
            assertThrows(IndexOutOfBoundsException.class, () -> s.store(26, v, m, 3));
            assertThrows(RuntimeException.class, () -> s.store(-4, v, m, 8), "negative address with an offset");
            assertArrayEquals(filled(32), m, "a store out of bounds writes nothing");
        }
    }

    private static byte[] filled(int size) {
        byte[] m = new byte[size];
        java.util.Arrays.fill(m, (byte) 0x5A);
        return m;
    }
}
