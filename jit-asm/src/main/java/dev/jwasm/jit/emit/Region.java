package dev.jwasm.jit.emit;

import static org.objectweb.asm.Opcodes.*;

import dev.jwasm.core.model.Opcodes;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.TreeSet;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.tree.MethodNode;

/**
 * One outlined region of a split function and the contract between its method and the caller.
 * <p>
 * The method is {@code static int name(ExecContext ctx, int fp, int root, int budget)}, {@code budget} being
 * the call budget of the function's frame (see {@code ExecContext.budget}). Its frame in the context's slots
 * starts at {@code fp}: {@link #valueSlots} slots for values (inputs on entry, what is left on its stack when
 * it falls through), then one slot per wasm local the region uses, in {@link #used} order; its own calls use
 * the slots after that. The caller stores inputs and used locals, the region loads them, and on every exit
 * stores the locals it wrote, which the caller reloads. The result says how the region was left: 0 fell
 * through, {@code k > 0} branches to the caller's frame {@code k - 1} (the outermost frame is the function:
 * a return) with the carried values in the exit slots at {@code root} (the free slot index of the entry
 * method, shared by all its regions so a branch passes through several regions without copying), -1 a tail
 * call is pending (its arguments at {@code root} too) and the guest frame was already left.
 */
final class Region {
    static final int FP_SLOT = 1;
    static final int TAIL_CALL = -1;

    final MethodNode node;
    /** Kinds of the values the region starts with (block parameters, an if's condition on top). */
    final char[] inputs;
    /** Value slots of the frame: final once the region is emitted (only its entry and exit code use it). */
    int valueSlots;
    /** How many frames of the caller are visible (as stand-ins): all of them. */
    final int standIns;
    /** A block, loop or if (ends after its {@code end}), or a run of code (ends before its level's end). */
    final boolean construct;
    final List<Integer> used = new ArrayList<>();
    final BitSet written = new BitSet();
    final TreeSet<Integer> exits = new TreeSet<>();
    final Label commonExit = new Label();
    boolean tailExit;
    boolean liveAtStop;
    char[] stopKinds;
    int codeSlot;

    Region(MethodNode node, char[] inputs, int valueSlots, int standIns, boolean construct) {
        this.node = node;
        this.inputs = inputs;
        this.valueSlots = valueSlots;
        this.standIns = standIns;
        this.construct = construct;
    }

    void use(int local) {
        used.add(local);
    }

    boolean isDone(FunctionEmitter e) {
        if (e.frames.size() != standIns) {
            return false;
        }
        if (construct) {
            return true;
        }
        int op = e.in.peek();
        return op == Opcodes.END || op == Opcodes.ELSE || e.outliner.isPinned(e.in.pos());
    }

    /** Bytes of bytecode that entry and exit code take, estimated from what is known so far. */
    int glueEstimate() {
        return 11 * (inputs.length + 2 * used.size()) + 42;
    }

    /** Where every exit goes with its code on the stack: stores the written locals and returns the code. */
    void emitCommonExit(FunctionEmitter e) {
        MethodVisitor mv = e.mv;
        mv.visitLabel(commonExit);
        mv.visitVarInsn(ISTORE, codeSlot);
        for (int j = 0; j < used.size(); j++) {
            int local = used.get(j);
            if (written.get(local)) {
                char k = e.localKinds[local];
                mv.visitVarInsn(FunctionEmitter.loadOp(k), e.localSlots[local]);
                e.fpAddress(mv, valueSlots + j);
                e.rt("put" + Kinds.exact(k), "(" + Names.desc(k) + Names.CTX_D + "I)V");
            }
        }
        mv.visitVarInsn(ILOAD, codeSlot);
        mv.visitInsn(IRETURN);
    }
}
