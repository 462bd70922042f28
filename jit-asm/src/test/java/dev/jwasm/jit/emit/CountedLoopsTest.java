package dev.jwasm.jit.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.objectweb.asm.Opcodes.IF_ICMPGE;
import static org.objectweb.asm.Opcodes.IF_ICMPGT;
import static org.objectweb.asm.Opcodes.IF_ICMPLE;
import static org.objectweb.asm.Opcodes.IF_ICMPLT;

import dev.jwasm.api.WasmModule;
import dev.jwasm.core.model.DecodedModule;
import dev.jwasm.core.model.FunctionBody;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CountedLoopsTest {
    private static final int NE = 0x47;
    private static final int LT_U = 0x49;
    private static final int GT_U = 0x4B;
    private static final int LE_U = 0x4D;
    private static final int GE_U = 0x4F;
    private static final int NONE = -1;

    /** The jumps found in the one function of a module whose body is {@code body}. */
    private static List<Integer> jumps(String locals, String body) {
        DecodedModule m = WasmModule.parseText("(module (memory 1) (func (param i32) " + locals + " " + body + "))")
                .decoded();
        FunctionBody f = m.codes().get(0);
        Map<Integer, Integer> found = CountedLoops.find(m.bytes(), f.codeStart(), f.codeEnd());
        return found.keySet().stream().sorted().map(found::get).toList();
    }

    private static String loop(String before, int step, int limit, String compare, String body) {
        return before + " (loop $l " + body + " (br_if $l (" + compare + " (local.tee $i (i32.add (local.get $i)"
                + " (i32.const " + step + "))) (i32.const " + limit + "))))";
    }

    @Test
    void findsTheExitTestOfALoopFromAConstant() {
        assertEquals(List.of(IF_ICMPLT), jumps("(local $i i32)",
                loop("(local.set $i (i32.const 0))", 4, 256, "i32.ne", "(i32.store (local.get $i) (local.get $i))")));
        // Other straight-line code and a block may come between the constant and the loop.
        assertEquals(List.of(IF_ICMPLT), jumps("(local $i i32) (local $j i32)", "(local.set $i (i32.const 0))"
                + " (local.set $j (i32.load (local.get 0))) (block "
                + loop("", 4, 256, "i32.ne", "(local.set $j (i32.add (local.get $j) (i32.const 1)))") + ")"));
        // A branch back to the loop that skips the step leaves the variable in its sequence.
        assertEquals(List.of(IF_ICMPLT), jumps("(local $i i32)", loop("(local.set $i (i32.const 0))", 4, 256,
                "i32.ne", "(br_if $l (i32.eqz (local.get 0)))")));
    }

    @Test
    void leavesLoopsWhoseVariableIsNotKnownOrChangedElsewhere() {
        // The parameter's value is unknown.
        assertEquals(List.of(), jumps("(local $i i32)", loop("(local.set $i (local.get 0))", 4, 256, "i32.ne", "")));
        // Set only on one arm of an if.
        assertEquals(List.of(), jumps("(local $i i32)", "(if (local.get 0) (then (local.set $i (i32.const 0)))"
                + " (else (local.set $i (i32.const 4))))" + loop("", 4, 256, "i32.ne", "")));
        // Inside one arm, the loop is found.
        assertEquals(List.of(IF_ICMPLT), jumps("(local $i i32)", "(if (local.get 0) (then (nop)) (else"
                + " (local.set $i (i32.const 4))" + loop("", 4, 256, "i32.ne", "") + "))"));
        // Set to a constant, then to something else.
        assertEquals(List.of(), jumps("(local $i i32)", loop("(local.set $i (i32.const 0)) (local.set $i"
                + " (local.get 0))", 4, 256, "i32.ne", "")));
        // Written again inside the loop, even in a nested block.
        assertEquals(List.of(), jumps("(local $i i32)", loop("(local.set $i (i32.const 0))", 4, 256, "i32.ne",
                "(block (local.set $i (i32.const 8)))")));
        // The exit test branches to another label than the loop it ends.
        assertEquals(List.of(), jumps("(local $i i32)", "(local.set $i (i32.const 0)) (block $out (loop $l"
                + " (br_if $out (i32.ne (local.tee $i (i32.add (local.get $i) (i32.const 4))) (i32.const 256)))"
                + " (br $l)))"));
    }

    @Test
    void notEqualBecomesAnOrderOnlyWhenTheSequenceMeetsTheLimit() {
        assertEquals(IF_ICMPLT, CountedLoops.signedJump(NE, 0, 4, 256));
        assertEquals(IF_ICMPLT, CountedLoops.signedJump(NE, -8, 8, 0));
        assertEquals(NONE, CountedLoops.signedJump(NE, 0, 3, 256), "steps past 256");
        assertEquals(NONE, CountedLoops.signedJump(NE, 300, 4, 256), "starts past it: wraps round to it");
        assertEquals(NONE, CountedLoops.signedJump(NE, 256, 4, 256), "exits only after wrapping round");
        assertEquals(IF_ICMPGT, CountedLoops.signedJump(NE, 256, -4, 0));
        assertEquals(NONE, CountedLoops.signedJump(NE, 0, -4, 256), "counts down past 256 only by wrapping");
    }

    @Test
    void unsignedOrdersBecomeSignedOnlyWhereEveryValueTestedIsNonNegative() {
        assertEquals(IF_ICMPLT, CountedLoops.signedJump(LT_U, -8, 16, 65528), "first value tested is 8");
        assertEquals(NONE, CountedLoops.signedJump(LT_U, -16, 8, 65528), "first value tested is -8");
        assertEquals(IF_ICMPLT, CountedLoops.signedJump(LT_U, 0, 16, Integer.MAX_VALUE - 15));
        assertEquals(NONE, CountedLoops.signedJump(LT_U, 0, 16, Integer.MAX_VALUE - 14), "last value wraps");
        assertEquals(NONE, CountedLoops.signedJump(LT_U, 0, 1, -1), "limit 2^32 - 1 unsigned");
        assertEquals(IF_ICMPLE, CountedLoops.signedJump(LE_U, 0, 16, Integer.MAX_VALUE - 16));
        assertEquals(NONE, CountedLoops.signedJump(LE_U, 0, 16, Integer.MAX_VALUE - 15));
        assertEquals(IF_ICMPGT, CountedLoops.signedJump(GT_U, 100, -4, 3), "down to 0 at the least");
        assertEquals(NONE, CountedLoops.signedJump(GT_U, 100, -4, 2), "could reach -1, 2^32 - 1 unsigned");
        assertEquals(IF_ICMPGE, CountedLoops.signedJump(GE_U, 100, -4, 4));
        assertEquals(NONE, CountedLoops.signedJump(GE_U, 100, -4, 3));
        assertEquals(NONE, CountedLoops.signedJump(LT_U, 0, -4, 100), "the wrong direction");
    }
}
