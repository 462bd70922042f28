package dev.jwasm.core.interp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The lowered opcodes are numbered as {@link Op} documents: one meaning per number, hot keys sparse. */
class OpNumberingTest {
    /** Constants that are bases or counts, not opcodes. */
    private static final Set<String> NOT_OPCODES = Set.of("STRIDE", "HOT_COUNT", "WASM", "MISC_BASE", "COLD");

    private static Map<String, Integer> opcodes() throws IllegalAccessException {
        Map<String, Integer> ops = new HashMap<>();
        for (Field f : Op.class.getDeclaredFields()) {
            if (f.getType() == int.class && Modifier.isStatic(f.getModifiers()) && !NOT_OPCODES.contains(f.getName())) {
                ops.put(f.getName(), f.getInt(null));
            }
        }
        return ops;
    }

    @Test
    void everyNamedOpcodeHasItsOwnNumber() throws IllegalAccessException {
        Map<Integer, String> byNumber = new HashMap<>();
        opcodes().forEach((name, op) -> {
            String other = byNumber.put(op, name);
            assertTrue(other == null, name + " and " + other + " share " + op);
        });
    }

    @Test
    void hotKeysAreStrideApartFromZeroAndBelowTheColdOnes() throws IllegalAccessException {
        Set<Integer> hot = new TreeSet<>();
        for (int op : opcodes().values()) {
            if (op < Op.WASM) {
                hot.add(op);
            }
        }
        assertEquals(Op.HOT_COUNT, hot.size());
        int expected = 0;
        for (int op : hot) {
            assertEquals(expected, op);
            expected += Op.STRIDE;
        }
        assertTrue(expected <= Op.WASM && Op.WASM + 0xFF < Op.MISC_BASE && Op.MISC_BASE + 0x1F < Op.COLD);
    }

    @Test
    void wasmInstructionsMapToAHotKeyOrTheirColdNumber() {
        for (int b = 0; b < 256; b++) {
            int op = Op.fromWasm(b);
            assertTrue(op == Op.WASM + b || (op < Op.WASM && op % Op.STRIDE == 0), "wasm 0x" + Integer.toHexString(b));
        }
        assertEquals(Op.I32_LOAD, Op.fromWasm(0x2A), "f32.load shares i32.load's opcode");
        assertEquals(Op.I32_STORE8, Op.fromWasm(0x3C), "i64.store8 shares i32.store8's opcode");
    }

    @Test
    void i32ComparisonsFuseIntoTheirBranch() {
        assertEquals(Op.BR_IF_EQZ, Op.brIfComparison(Op.i32Comparison(Op.I32_EQZ)));
        assertEquals(Op.BR_IF_EQ, Op.brIfComparison(Op.i32Comparison(Op.I32_EQ)));
        assertEquals(Op.BR_IF_GE_U, Op.brIfComparison(Op.i32Comparison(Op.I32_GE_U)));
        assertEquals(-1, Op.i32Comparison(Op.I32_ADD));
    }
}
