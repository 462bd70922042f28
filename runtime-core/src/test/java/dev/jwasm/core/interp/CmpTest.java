package dev.jwasm.core.interp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The branch-free comparisons agree with Java's operators on edge values. */
class CmpTest {
    private static final int[] INTS = {0, 1, -1, 2, -2, 5, 0x7FFF_FFFE, Integer.MAX_VALUE, Integer.MIN_VALUE,
        Integer.MIN_VALUE + 1, 0x8000_1234, 0x1234_5678};
    private static final long[] LONGS = {0, 1, -1, 2, -2, 5, Long.MAX_VALUE, Long.MIN_VALUE, Long.MAX_VALUE - 1,
        Long.MIN_VALUE + 1, 0xFFFF_FFFFL, 0x1_0000_0000L, -0x1_0000_0000L, 0x8000_0000_1234L};

    private static int bit(boolean b) {
        return b ? 1 : 0;
    }

    @Test
    void intComparisonsMatchTheOperators() {
        for (int a : INTS) {
            assertEquals(bit(a == 0), Cmp.eqz(a), "eqz " + a);
            assertEquals(bit(a != 0), Cmp.nez(a), "nez " + a);
            for (int b : INTS) {
                String at = a + ", " + b;
                assertEquals(bit(a == b), Cmp.eq(a, b), "eq " + at);
                assertEquals(bit(a != b), Cmp.ne(a, b), "ne " + at);
                assertEquals(bit(a < b), Cmp.ltS(a, b), "ltS " + at);
                assertEquals(bit(Integer.compareUnsigned(a, b) < 0), Cmp.ltU(a, b), "ltU " + at);
                assertEquals(a, Cmp.select(1, a, b), "select 1 " + at);
                assertEquals(b, Cmp.select(0, a, b), "select 0 " + at);
            }
        }
    }

    @Test
    void longComparisonsMatchTheOperators() {
        for (long a : LONGS) {
            assertEquals(bit(a == 0), Cmp.eqz(a), "eqz " + a);
            for (long b : LONGS) {
                String at = a + ", " + b;
                assertEquals(bit(a == b), Cmp.eq(a, b), "eq " + at);
                assertEquals(bit(a != b), Cmp.ne(a, b), "ne " + at);
                assertEquals(bit(a < b), Cmp.ltS(a, b), "ltS " + at);
                assertEquals(bit(Long.compareUnsigned(a, b) < 0), Cmp.ltU(a, b), "ltU " + at);
            }
        }
    }
}
