package dev.jwasm.jit.emit;

import static org.objectweb.asm.Opcodes.*;

import dev.jwasm.core.model.Opcodes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.tree.MethodNode;

/**
 * Splits a function too large for one method HotSpot compiles into several methods of the same class,
 * deciding while the function is emitted. Every method (the entry one and each region) has a budget of
 * bytecode bytes: a block, loop or if that would not fit the rest of the budget but fits a method of its
 * own becomes a {@link Region} method; once a method is over its budget, the rest of the current construct
 * (a run of straight-line code and nested constructs) becomes a region, whose own overflow continues in a
 * further region. Sizes of constructs are estimated from their wasm size; the sizes of the methods produced
 * are checked afterwards, and the function is emitted again with a smaller budget when one is too large.
 */
final class Outliner {
    static final int INITIAL_BUDGET = 5500;
    static final int SMALLEST_BUDGET = 700;
    /** Bytecode bytes per byte of wasm code, an overestimate for compiled C (typically 1.5 to 2.5). */
    private static final int BYTES_PER_WASM_BYTE = 3;
    /** Constructs smaller than this (estimated bytecode bytes) are not worth a call. */
    private static final int MIN_CONSTRUCT = 300;
    /** A run is outlined only if its construct has at least this many wasm bytes left. */
    private static final int MIN_RUN = 64;
    /** A run starts only where at most this many values of the current construct are on the stack. */
    private static final int MAX_RUN_INPUTS = 8;
    private static final String DESC = "(" + Names.CTX_D + "III)I";

    private final String name;
    private final int budget;
    private final ConstructMap constructs;
    private final List<MethodNode> regions = new ArrayList<>();
    /** Slots at {@code root} for the values of branches out of regions: as many as any label carries. */
    private final int exitSlots;

    Outliner(String name, int budget, ConstructMap constructs, int functionResults) {
        this.name = name;
        this.budget = budget;
        this.constructs = constructs;
        this.exitSlots = Math.max(constructs.maxArity(), functionResults);
    }

    List<MethodNode> regions() {
        return regions;
    }

    int endOf(int offset) {
        return constructs.endOf(offset);
    }

    boolean isPinned(int offset) {
        return constructs.isPinned(offset);
    }

    /** Whether every method of the function is shorter than {@code limit} bytes of bytecode. */
    boolean fits(MethodNode entry, int limit) {
        if (!BytecodeSize.under(entry, limit)) {
            return false;
        }
        for (MethodNode m : regions) {
            if (!BytecodeSize.under(m, limit)) {
                return false;
            }
        }
        return true;
    }

    /** Whether the live construct at {@code offset} becomes a region of its own. */
    boolean outlines(FunctionEmitter e, int offset) {
        if (constructs.isPinned(offset)) {
            return false;
        }
        long estimate = (long) (constructs.endOf(offset) - offset) * BYTES_PER_WASM_BYTE;
        return estimate >= MIN_CONSTRUCT && estimate <= budget && e.emittedSize() + estimate > budget;
    }

    /** Whether the rest of the current construct becomes a region, before the next instruction. */
    boolean startsRun(FunctionEmitter e) {
        if (e.emittedSize() <= budget) {
            return false;
        }
        int pos = e.in.pos();
        int op = e.in.peek();
        if (op == Opcodes.END || op == Opcodes.ELSE || constructs.isPinned(pos)) {
            return false;
        }
        FunctionEmitter.Ctrl inner = e.frames.get(e.frames.size() - 1);
        return inner.endOffset - pos >= MIN_RUN && e.height - inner.base <= MAX_RUN_INPUTS;
    }

    /** Outlines the construct {@code op} at {@code offset}, whose parameters (and condition) are on the stack. */
    void outlineConstruct(FunctionEmitter e, int op, int offset, char[][] bt) {
        char[] inputs = bt[0];
        if (op == Opcodes.IF) {
            inputs = Arrays.copyOf(inputs, inputs.length + 1);
            inputs[inputs.length - 1] = 'I';
        }
        FunctionEmitter region = newRegion(e, inputs, true, Math.max(inputs.length, bt[1].length));
        region.runRegion(op, offset, bt);
        call(e, region.region);
    }

    /** Outlines the rest of the current construct; the values it has on the stack are the inputs. */
    void outlineRun(FunctionEmitter e) {
        int base = e.frames.get(e.frames.size() - 1).base;
        char[] inputs = Arrays.copyOfRange(e.types, base, e.height);
        FunctionEmitter region = newRegion(e, inputs, false, inputs.length);
        region.runRegion(0, 0, null);
        call(e, region.region);
    }

    private FunctionEmitter newRegion(FunctionEmitter e, char[] inputs, boolean construct, int values) {
        MethodNode node = new MethodNode(ASM9, ACC_PUBLIC | ACC_STATIC, name + "$" + regions.size(), DESC, null,
                null);
        regions.add(node);
        return new FunctionEmitter(e, new Region(node, inputs, values, e.frames.size(), construct));
    }

    /**
     * Emits the call of region {@code r} in {@code e}: inputs and used locals to the region's frame, the call,
     * then written locals back and a dispatch on how the region was left. Frames of regions called from the
     * entry method start after the exit slots at its free slot index; a region's own calls start theirs at
     * its free slot index.
     */
    private void call(FunctionEmitter e, Region r) {
        MethodVisitor mv = e.mv;
        for (int i = r.inputs.length - 1; i >= 0; i--) {
            char k = e.pop();
            frameAddress(e, i);
            put(e, k);
        }
        for (int j = 0; j < r.used.size(); j++) {
            int local = r.used.get(j);
            char k = e.localKinds[local];
            mv.visitVarInsn(FunctionEmitter.loadOp(k), e.localSlot(local));
            frameAddress(e, r.valueSlots + j);
            put(e, k);
        }
        frameAddress(e, 0);
        mv.visitVarInsn(ILOAD, e.rootSlot);
        mv.visitVarInsn(ILOAD, e.budgetSlot);
        e.invokeStatic(e.cls.internalName, r.node.name, DESC);
        int code = e.temp('I', -1);
        mv.visitVarInsn(ISTORE, code);
        if (r.tailExit) {
            Label noTailCall = new Label();
            mv.visitVarInsn(ILOAD, code);
            mv.visitInsn(ICONST_M1);
            mv.visitJumpInsn(IF_ICMPNE, noTailCall);
            e.tailReturn();
            mv.visitLabel(noTailCall);
        }
        for (int j = 0; j < r.used.size(); j++) {
            int local = r.used.get(j);
            if (r.written.get(local)) {
                char k = e.localKinds[local];
                frameAddress(e, r.valueSlots + j);
                get(e, k);
                mv.visitVarInsn(FunctionEmitter.storeOp(k), e.localSlot(local));
                e.markWritten(local);
            }
        }
        e.reloadMemories();
        Label fallThrough = new Label();
        if (!r.exits.isEmpty()) {
            if (r.liveAtStop) {
                mv.visitVarInsn(ILOAD, code);
                mv.visitJumpInsn(IFEQ, fallThrough);
            }
            dispatchExits(e, r, code);
        } else if (!r.liveAtStop) {
            // Never returns normally: the region ends in a trap or an endless loop.
            mv.visitInsn(ACONST_NULL);
            mv.visitInsn(ATHROW);
        }
        if (r.liveAtStop) {
            mv.visitLabel(fallThrough);
            for (int i = 0; i < r.stopKinds.length; i++) {
                frameAddress(e, i);
                get(e, r.stopKinds[i]);
                e.push(r.stopKinds[i]);
            }
        } else {
            e.live = false;
        }
    }

    /**
     * Branches for each exit code of {@code r}: to a frame of {@code e} with the carried values read from
     * the exit slots, or, for frames further out, on to {@code e}'s own exit with the same code.
     */
    private static void dispatchExits(FunctionEmitter e, Region r, int code) {
        MethodVisitor mv = e.mv;
        List<Integer> own = new ArrayList<>();
        List<Integer> through = new ArrayList<>();
        for (int c : r.exits) {
            (e.frames.get(c - 1).exitCode == 0 ? own : through).add(c);
        }
        Label passOn = new Label();
        if (own.isEmpty()) {
            mv.visitJumpInsn(GOTO, passOn);
        } else {
            Label[] targets = new Label[own.size()];
            int[] keys = new int[own.size()];
            for (int i = 0; i < keys.length; i++) {
                keys[i] = own.get(i);
                targets[i] = new Label();
            }
            Label dflt = through.isEmpty() ? targets[0] : passOn;
            mv.visitVarInsn(ILOAD, code);
            mv.visitLookupSwitchInsn(dflt, keys, targets);
            for (int i = 0; i < keys.length; i++) {
                mv.visitLabel(targets[i]);
                char[] carried = e.frames.get(keys[i] - 1).carried();
                for (int v = 0; v < carried.length; v++) {
                    e.rootAddress(v);
                    get(e, carried[v]);
                    e.push(carried[v]);
                }
                e.branch(e.frames.size() - keys[i]);
                e.height -= carried.length;
            }
        }
        if (!through.isEmpty()) {
            mv.visitLabel(passOn);
            for (int i = 0; i < e.height; i++) {
                e.popValue(e.peek(i));
            }
            mv.visitVarInsn(ILOAD, code);
            mv.visitJumpInsn(GOTO, e.region.commonExit);
            e.region.exits.addAll(through);
        }
    }

    /** Pushes {@code ctx} and the slot index of slot {@code i} of the frame of a region that {@code e} calls. */
    private void frameAddress(FunctionEmitter e, int i) {
        e.loadCtx();
        e.mv.visitVarInsn(ILOAD, e.spSlot);
        int offset = i + (e.region == null ? exitSlots : 0);
        if (offset != 0) {
            Ints.push(e.mv, offset);
            e.mv.visitInsn(IADD);
        }
    }

    private static void put(FunctionEmitter e, char k) {
        e.rt("put" + Kinds.exact(k), "(" + Names.desc(k) + Names.CTX_D + "I)V");
    }

    private static void get(FunctionEmitter e, char k) {
        e.rt("get" + Kinds.exact(k), "(" + Names.CTX_D + "I)" + Names.desc(k));
    }
}
