package dev.jwasm.jit.link;

import static dev.jwasm.core.model.Opcodes.I32_GE_U;
import static dev.jwasm.core.model.Opcodes.I32_GT_U;
import static dev.jwasm.core.model.Opcodes.I32_LE_U;
import static dev.jwasm.core.model.Opcodes.I32_LT_U;
import static dev.jwasm.core.model.Opcodes.I32_NE;
import static dev.jwasm.jit.link.SignedExits.NONE;
import static dev.jwasm.jit.link.SignedExits.agree;
import static dev.jwasm.jit.link.SignedExits.signedJump;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.objectweb.asm.Opcodes.IF_ICMPGE;
import static org.objectweb.asm.Opcodes.IF_ICMPGT;
import static org.objectweb.asm.Opcodes.IF_ICMPLE;
import static org.objectweb.asm.Opcodes.IF_ICMPLT;

import org.junit.jupiter.api.Test;

class SignedExitsTest {
    @Test
    void notEqualBecomesAnOrderOnlyWhenTheSequenceMeetsTheLimit() {
        assertEquals(IF_ICMPLT, signedJump(I32_NE, 0, 4, 256));
        assertEquals(IF_ICMPLT, signedJump(I32_NE, -8, 8, 0));
        assertEquals(NONE, signedJump(I32_NE, 0, 3, 256), "steps past 256");
        assertEquals(NONE, signedJump(I32_NE, 300, 4, 256), "starts past it: wraps round to it");
        assertEquals(NONE, signedJump(I32_NE, 256, 4, 256), "exits only after wrapping round");
        assertEquals(IF_ICMPGT, signedJump(I32_NE, 256, -4, 0));
        assertEquals(NONE, signedJump(I32_NE, 0, -4, 256), "counts down past 256 only by wrapping");
    }

    @Test
    void unsignedOrdersBecomeSignedOnlyWhereEveryValueTestedIsNonNegative() {
        assertEquals(IF_ICMPLT, signedJump(I32_LT_U, -8, 16, 65528), "first value tested is 8");
        assertEquals(NONE, signedJump(I32_LT_U, -16, 8, 65528), "first value tested is -8");
        assertEquals(IF_ICMPLT, signedJump(I32_LT_U, 0, 16, Integer.MAX_VALUE - 15));
        assertEquals(NONE, signedJump(I32_LT_U, 0, 16, Integer.MAX_VALUE - 14), "last value wraps");
        assertEquals(NONE, signedJump(I32_LT_U, 0, 1, -1), "limit 2^32 - 1 unsigned");
        assertEquals(IF_ICMPLE, signedJump(I32_LE_U, 0, 16, Integer.MAX_VALUE - 16));
        assertEquals(NONE, signedJump(I32_LE_U, 0, 16, Integer.MAX_VALUE - 15));
        assertEquals(IF_ICMPGT, signedJump(I32_GT_U, 100, -4, 3), "down to 0 at the least");
        assertEquals(NONE, signedJump(I32_GT_U, 100, -4, 2), "could reach -1, 2^32 - 1 unsigned");
        assertEquals(IF_ICMPGE, signedJump(I32_GE_U, 100, -4, 4));
        assertEquals(NONE, signedJump(I32_GE_U, 100, -4, 3));
        assertEquals(NONE, signedJump(I32_LT_U, 0, -4, 100), "the wrong direction");
    }

    @Test
    void generatedCodeAsksWithTheValuesItHasOnEntry() {
        assertTrue(agree(I32_NE, 0, 2, 500), "matmul's dot product, n = 500");
        assertFalse(agree(I32_NE, 0, 2, 501), "an odd n: the sequence steps past it");
        assertFalse(agree(I32_NE, 0, 2, 0), "n = 0: exits only after wrapping round");
        assertTrue(agree(I32_NE, Integer.MIN_VALUE, 1, Integer.MAX_VALUE), "the whole int range");
        assertTrue(agree(I32_LT_U, 5, 1, 100));
        assertFalse(agree(I32_LT_U, 5, 1, -100), "bound 2^32 - 100 unsigned");
        assertFalse(agree(0x48, 0, 1, 100), "i32.lt_s is signed already: not asked");
    }
}
