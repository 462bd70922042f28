package dev.jwasm.jit.emit;

import static org.objectweb.asm.Opcodes.*;

import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.IincInsnNode;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * An upper bound of the bytecode length of instructions in a {@link MethodNode}, without writing the class:
 * the {@link Outliner} keeps every method of a split function under HotSpot's huge-method limit with it.
 * Bounds assume the widest form ASM may choose (switch padding, {@code ldc_w}); jumps are 3 bytes, as they
 * are in every method under 32 KiB.
 */
public final class BytecodeSize {
    /** HotSpot never compiles methods with more bytes of bytecode than this ({@code HugeMethodLimit}). */
    public static final int HUGE_METHOD_LIMIT = 8000;

    private BytecodeSize() {
    }

    public static int of(MethodNode m) {
        return count(m.instructions.getFirst(), null);
    }

    /**
     * The size jwasm prefers methods under: C2 inlines callees only while the bytecode it has parsed for one
     * compilation stays under 8000 bytes ({@code DesiredMethodLimit}), so a method near the huge-method
     * limit gets none of its memory accessors inlined, and every recompilation after a deoptimisation
     * parses all of it again. Half the limit leaves half the budget to inlining.
     */
    public static final int PREFERRED_METHOD_LIMIT = HUGE_METHOD_LIMIT / 2;

    /** Whether HotSpot compiles the method: measured exactly (by writing it) when the bound says no. */
    static boolean underHugeLimit(MethodNode m) {
        return under(m, HUGE_METHOD_LIMIT);
    }

    /** Whether the method's bytecode is shorter than {@code limit}, measured exactly when the bound says no. */
    static boolean under(MethodNode m, int limit) {
        return of(m) < limit || exact(m) < limit;
    }

    /** The exact code length, from writing the method alone into a scratch class. */
    static int exact(MethodNode m) {
        ClassWriter cw = new ClassWriter(0);
        cw.visit(V17, ACC_PUBLIC, "Measured", null, "java/lang/Object", null);
        LabelNode end = new LabelNode();
        m.instructions.add(end);
        try {
            m.accept(cw);
            return end.getLabel().getOffset();
        } finally {
            m.instructions.remove(end);
        }
    }

    /** The size of the instructions from {@code from} (inclusive) to {@code to} (exclusive, null: the end). */
    static int count(AbstractInsnNode from, AbstractInsnNode to) {
        int size = 0;
        for (AbstractInsnNode n = from; n != null && n != to; n = n.getNext()) {
            size += size(n);
        }
        return size;
    }

    static int size(AbstractInsnNode n) {
        switch (n.getType()) {
            case AbstractInsnNode.LABEL, AbstractInsnNode.LINE, AbstractInsnNode.FRAME:
                return 0;
            case AbstractInsnNode.INSN:
                return 1;
            case AbstractInsnNode.VAR_INSN: {
                int v = ((VarInsnNode) n).var;
                return v <= 3 ? 1 : v <= 255 ? 2 : 4;
            }
            case AbstractInsnNode.IINC_INSN: {
                IincInsnNode i = (IincInsnNode) n;
                return i.var <= 255 && i.incr >= -128 && i.incr <= 127 ? 3 : 6;
            }
            case AbstractInsnNode.INT_INSN:
                return ((IntInsnNode) n).getOpcode() == SIPUSH ? 3 : 2;
            case AbstractInsnNode.METHOD_INSN:
                return ((MethodInsnNode) n).getOpcode() == INVOKEINTERFACE ? 5 : 3;
            case AbstractInsnNode.INVOKE_DYNAMIC_INSN:
                return 5;
            case AbstractInsnNode.TABLESWITCH_INSN:
                return 16 + 4 * ((TableSwitchInsnNode) n).labels.size();
            case AbstractInsnNode.LOOKUPSWITCH_INSN:
                return 12 + 8 * ((LookupSwitchInsnNode) n).labels.size();
            case AbstractInsnNode.MULTIANEWARRAY_INSN:
                return 4;
            default:
                // ldc (at most ldc_w / ldc2_w), field, type and jump instructions
                return 3;
        }
    }
}
