package dev.jwasm.jit.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.objectweb.asm.Opcodes.IF_ICMPGE;
import static org.objectweb.asm.Opcodes.IF_ICMPGT;
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
    private static final int GE_U = 0x4F;

    /** The jumps found in the one function of a module whose body is {@code body}. */
    private static List<Integer> jumps(String locals, String body) {
        Map<Integer, Integer> found = exits(locals, body).signed();
        return found.keySet().stream().sorted().map(found::get).toList();
    }

    /** The loops decided on entry in the one function of a module whose body is {@code body}. */
    private static List<CountedLoops.Guarded> guarded(String locals, String body) {
        Map<Integer, CountedLoops.Guarded> found = exits(locals, body).guarded();
        return found.keySet().stream().sorted().map(found::get).toList();
    }

    private static CountedLoops.LoopExits exits(String locals, String body) {
        DecodedModule m = WasmModule.parseText("(module (memory 1) (func (param i32) " + locals + " " + body + "))")
                .decoded();
        FunctionBody f = m.codes().get(0);
        return CountedLoops.find(m.bytes(), f.codeStart(), f.codeEnd());
    }

    private static String loop(String before, int step, int limit, String compare, String body) {
        return loop(before, step, "(i32.const " + limit + ")", compare, body);
    }

    private static String loop(String before, int step, String bound, String compare, String body) {
        return before + " (loop $l " + body + " (br_if $l (" + compare + " (local.tee $i (i32.add (local.get $i)"
                + " (i32.const " + step + "))) " + bound + ")))";
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
    void loopsWhoseStartOrBoundIsKnownOnlyOnEntryAreDecidedThere() {
        // The start is a parameter's value.
        assertEquals(List.of(new CountedLoops.Guarded(-1, NE, 1, 4, -1, 256, IF_ICMPLT)),
                withoutOffsets(guarded("(local $i i32)", loop("(local.set $i (local.get 0))", 4, 256, "i32.ne", ""))));
        // The bound is a local, after the variable or (clang's order for !=) before it.
        assertEquals(List.of(new CountedLoops.Guarded(-1, NE, 1, 2, 2, 0, IF_ICMPLT)), withoutOffsets(guarded(
                "(local $i i32) (local $n i32)", loop("(local.set $i (i32.const 0))", 2, "(local.get $n)", "i32.ne",
                        "(i32.store (local.get $i) (local.get $n))"))));
        assertEquals(List.of(new CountedLoops.Guarded(-1, NE, 1, 2, 2, 0, IF_ICMPGT)), withoutOffsets(guarded(
                "(local $i i32) (local $n i32)", "(loop $l (br_if $l (i32.ne (local.get $n) (local.tee $i (i32.add"
                        + " (local.get $i) (i32.const 2))))))")));
        assertEquals(List.of(new CountedLoops.Guarded(-1, LT_U, 1, 8, 0, 0, IF_ICMPLT)), withoutOffsets(guarded(
                "(local $i i32)", loop("", 8, "(local.get 0)", "i32.lt_u", ""))));
        assertEquals(List.of(new CountedLoops.Guarded(-1, GE_U, 1, -1, 0, 0, IF_ICMPGE)), withoutOffsets(guarded(
                "(local $i i32)", loop("", -1, "(local.get 0)", "i32.ge_u", ""))));
        // The offset recorded is the one after the comparison's opcode, where the emitter meets it.
        CountedLoops.Guarded g = guarded("(local $i i32)", loop("", 8, "(local.get 0)", "i32.lt_u", "")).get(0);
        DecodedModule m = WasmModule.parseText("(module (memory 1) (func (param i32) (local $i i32) "
                + loop("", 8, "(local.get 0)", "i32.lt_u", "") + "))").decoded();
        assertEquals(LT_U, m.bytes()[g.exitEnd() - 1] & 0xFF);
    }

    @Test
    void loopsDecidedOnEntryAreInnermostSmallAndKeepTheirBound() {
        String unknownStart = "(local.set $i (local.get 0))";
        // The bound changes in the loop.
        assertEquals(List.of(), guarded("(local $i i32) (local $n i32)", loop(unknownStart, 4, "(local.get $n)",
                "i32.ne", "(local.set $n (i32.const 8))")));
        // The variable is its own bound.
        assertEquals(List.of(), guarded("(local $i i32)", loop(unknownStart, 4, "(local.get $i)", "i32.ne", "")));
        // The variable is written elsewhere in the loop.
        assertEquals(List.of(), guarded("(local $i i32)", loop(unknownStart, 4, 256, "i32.ne",
                "(local.set $i (i32.const 8))")));
        // A loop holding another loop: only the inner one.
        String inner = loop("(local.set $j (i32.const 0))", 1, "(local.get $n)", "i32.lt_u", "").replace("$i", "$j")
                .replace("$l", "$m");
        List<CountedLoops.Guarded> nested = guarded("(local $i i32) (local $j i32) (local $n i32)",
                loop(unknownStart, 4, 256, "i32.ne", inner));
        assertEquals(1, nested.size());
        assertEquals(2, nested.get(0).local());
        // A signed test, or a step in the direction no signed test agrees with, needs nothing.
        assertEquals(List.of(), guarded("(local $i i32)", loop(unknownStart, 4, 256, "i32.lt_s", "")));
        assertEquals(List.of(), guarded("(local $i i32)", loop(unknownStart, -4, 256, "i32.lt_u", "")));
        // Too large to emit twice.
        String big = "(i32.store (local.get $i) (i32.const 1))".repeat(CountedLoops.MAX_GUARDED_BYTES / 4);
        assertEquals(List.of(), guarded("(local $i i32)", loop(unknownStart, 4, 256, "i32.ne", big)));
    }

    private static List<CountedLoops.Guarded> withoutOffsets(List<CountedLoops.Guarded> found) {
        return found.stream().map(g -> new CountedLoops.Guarded(-1, g.compareOp(), g.local(), g.step(), g.boundLocal(),
                g.boundConstant(), g.jump())).toList();
    }
}
