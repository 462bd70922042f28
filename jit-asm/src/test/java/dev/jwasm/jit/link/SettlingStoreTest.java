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
    /** f32 bit patterns, as the i32 values they are (widened; {@code (int)} gives them back). */
    private static final long[] FLOATS = {0x3FC0_0000, 0x8000_0000, 0x7F80_0000, 0xFF80_0000, 0x7F7F_FFFF, 1,
        0x7FC0_0000, 0xFFC0_0000, 0x7F80_0001, 0xFFFF_FFFF, 0x7FA0_0001};
    private static final int SIZE = 32;
    private static final byte FILL = 0x5A;

    /** A settling store of the float with bits {@code bits}, at {@code addr + offset}. */
    private interface Store {
        void store(int addr, long bits, byte[] m, int offset);
    }

    @Test
    void unsafePathCanonicalisesNansAndKeepsEveryOtherValue() {
        assumeTrue(RawBytes.AVAILABLE, "sun.misc.Unsafe path not available on this JVM");
        check(8, DOUBLES, (a, bits, m, o) -> {
            double v = Double.longBitsToDouble(bits);
            if (o == 0) {
                UnsafeAccess.f64StoreSettling(a, v, m);
            } else {
                UnsafeAccess.f64StoreSettlingAt(a, v, m, o);
            }
        });
        check(4, FLOATS, (a, bits, m, o) -> {
            float v = Float.intBitsToFloat((int) bits);
            if (o == 0) {
                UnsafeAccess.f32StoreSettling(a, v, m);
            } else {
                UnsafeAccess.f32StoreSettlingAt(a, v, m, o);
            }
        });
    }

    @Test
    void varHandlePathCanonicalisesNansAndKeepsEveryOtherValue() {
        check(8, DOUBLES, (a, bits, m, o) -> {
            double v = Double.longBitsToDouble(bits);
            if (o == 0) {
                VarHandleAccess.f64StoreSettling(a, v, m);
            } else {
                VarHandleAccess.f64StoreSettlingAt(a, v, m, o);
            }
        });
        check(4, FLOATS, (a, bits, m, o) -> {
            float v = Float.intBitsToFloat((int) bits);
            if (o == 0) {
                VarHandleAccess.f32StoreSettling(a, v, m);
            } else {
                VarHandleAccess.f32StoreSettlingAt(a, v, m, o);
            }
        });
    }

    /** Stores each of {@code patterns} ({@code width} bytes wide) in bounds at three places and out of bounds. */
    private static void check(int width, long[] patterns, Store s) {
        for (long bits : patterns) {
            long expected = isNan(width, bits) ? (width == 8 ? F64Ops.CANONICAL_NAN : F32Ops.CANONICAL_NAN) : bits;
            for (int[] at : new int[][] {{8, 0}, {3, 5}, {0, SIZE - width}}) {
                byte[] m = filled();
                s.store(at[0], bits, m, at[1]);
                int ea = at[0] + at[1];
                ByteBuffer b = ByteBuffer.wrap(m).order(ByteOrder.LITTLE_ENDIAN);
                assertEquals(expected, width == 8 ? b.getLong(ea) : b.getInt(ea),
                        () -> Long.toHexString(bits) + " at " + at[0] + "+" + at[1]);
                java.util.Arrays.fill(m, ea, ea + width, FILL);
                assertArrayEquals(filled(), m, "bytes outside the store untouched");
            }
            byte[] m = filled();
            assertThrows(IndexOutOfBoundsException.class, () -> s.store(SIZE - width + 1, bits, m, 0));
            assertThrows(IndexOutOfBoundsException.class, () -> s.store(SIZE - width - 4, bits, m, 5));
            assertThrows(RuntimeException.class, () -> s.store(-width, bits, m, 2 * width),
                    "negative address with an offset");
            assertArrayEquals(filled(), m, "a store out of bounds writes nothing");
        }
    }

    private static boolean isNan(int width, long bits) {
        return width == 8 ? Double.isNaN(Double.longBitsToDouble(bits)) : Float.isNaN(Float.intBitsToFloat((int) bits));
    }

    private static byte[] filled() {
        byte[] m = new byte[SIZE];
        java.util.Arrays.fill(m, FILL);
        return m;
    }
}
