package dev.jwasm.jit.emit;

import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.MethodNode;

/** The bytecode size of a method being emitted, counted incrementally (see {@link BytecodeSize}). */
final class SizeTracker {
    private final MethodNode node;
    private AbstractInsnNode counted;
    private int size;

    SizeTracker(MethodNode node) {
        this.node = node;
    }

    int size() {
        AbstractInsnNode last = node.instructions.getLast();
        if (last != null && last != counted) {
            AbstractInsnNode from = counted == null ? node.instructions.getFirst() : counted.getNext();
            size += BytecodeSize.count(from, last) + BytecodeSize.size(last);
            counted = last;
        }
        return size;
    }
}
