package dev.jwasm.jit.emit;

import static org.objectweb.asm.Opcodes.*;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Type;

/**
 * One generated class: the static final fields its code reads (instance, functions, globals, memories,
 * tables, canonical type ids, loop fuel costs), registered on first use and initialised from {@code LinkData} in the static
 * initialiser, so HotSpot treats them as constants.
 */
public final class ClassContext {
    private record Field(String desc, String getter, int index, String cast) {
    }

    final String internalName;
    final int classIndex;
    final ModulePlan plan;
    private final Map<String, Field> fields = new LinkedHashMap<>();
    private final java.util.Set<Integer> dispatchers = new java.util.TreeSet<>();
    private final java.util.Set<Integer> callOutStubs = new java.util.TreeSet<>();
    /** Per defined function, its {@link CountedLoops} exit tests: found once, used by every emission pass. */
    private final Map<Integer, CountedLoops.LoopExits> loopExits = new java.util.HashMap<>();
    private int[] costs = new int[16];
    private int costCount;

    public ClassContext(String internalName, int classIndex, ModulePlan plan) {
        this.internalName = internalName;
        this.classIndex = classIndex;
        this.plan = plan;
    }

    private void get(MethodVisitor mv, String name, Field f) {
        fields.putIfAbsent(name, f);
        mv.visitFieldInsn(GETSTATIC, internalName, name, fields.get(name).desc);
    }

    void instance(MethodVisitor mv) {
        get(mv, "INST", new Field(Names.INST_D, "instance", -1, null));
    }

    /** Pushes function {@code index}: a WasmFunction for defined functions, else a FunctionInstance. */
    void function(MethodVisitor mv, int index) {
        boolean defined = index >= plan.module.importedFunctionCount();
        get(mv, "F" + index, new Field(defined ? Names.WASM_FUNC_D : Names.FUNC_D, "function", index,
                defined ? Names.WASM_FUNC : null));
    }

    void global(MethodVisitor mv, int index) {
        get(mv, "G" + index, new Field(Names.GLOBAL_D, "global", index, null));
    }

    void memory(MethodVisitor mv, int index) {
        get(mv, "M" + index, new Field(Names.MEM_D, "memory", index, null));
    }

    void table(MethodVisitor mv, int index) {
        get(mv, "T" + index, new Field(Names.TABLE_D, "table", index, null));
    }

    /**
     * Pushes the canonical id of type {@code typeIndex} (for signature checks). Ids are numbered per process,
     * so they are read from a field rather than emitted as constants: the class then works in any process,
     * which code compiled ahead of time needs.
     */
    void typeId(MethodVisitor mv, int typeIndex) {
        get(mv, "Y" + typeIndex, new Field("I", "typeId", typeIndex, null));
    }

    /**
     * Pushes whether this class is the metering variant of the instance's code (a constant per class: the
     * same bytes are defined once without metering and, if the instance is ever metered, once with).
     */
    void metering(MethodVisitor mv) {
        get(mv, "METERING", new Field("Z", "metering", -1, null));
    }

    /** Pushes the fuel cost stored at {@code costIndex}. */
    void cost(MethodVisitor mv, int costIndex) {
        get(mv, "COSTS", new Field("[I", "costs", -2, null));
        Ints.push(mv, costIndex);
        mv.visitInsn(IALOAD);
    }

    /** Calls the dispatcher of type {@code typeIndex} (generated in {@link #finish}). */
    void dispatch(MethodVisitor mv, int typeIndex) {
        dispatchers.add(typeIndex);
        mv.visitMethodInsn(INVOKESTATIC, internalName, DispatcherEmitter.name(typeIndex),
                DispatcherEmitter.descriptor(plan.module.types().get(typeIndex).funcType()), false);
    }

    /** Calls the call-out stub of type {@code typeIndex} (generated in {@link #finish}). */
    void callOut(MethodVisitor mv, int typeIndex) {
        callOutStubs.add(typeIndex);
        mv.visitMethodInsn(INVOKESTATIC, internalName, DispatcherEmitter.callOutName(typeIndex),
                DispatcherEmitter.descriptor(plan.module.types().get(typeIndex).funcType()), false);
    }

    /** The loop exit tests of defined function {@code definedIndex} to emit signed ({@link CountedLoops}). */
    CountedLoops.LoopExits loopExits(int definedIndex) {
        return loopExits.computeIfAbsent(definedIndex, f -> {
            dev.jwasm.core.model.FunctionBody body = plan.module.codes().get(f);
            return CountedLoops.find(plan.module.bytes(), body.codeStart(), body.codeEnd());
        });
    }

    int newCost() {
        if (costCount == costs.length) {
            costs = Arrays.copyOf(costs, costCount * 2);
        }
        costs[costCount] = 1;
        return costCount++;
    }

    /** The number of costs registered so far, for {@link #resetCosts}. */
    int costMark() {
        return costCount;
    }

    /** Forgets the costs registered since {@code mark} (a function emitted again). */
    void resetCosts(int mark) {
        costCount = mark;
    }

    void setCost(int index, int cost) {
        costs[index] = Math.max(1, cost);
    }

    public int[] costs() {
        return Arrays.copyOf(costs, costCount);
    }

    /** Declares the registered fields and writes the static initialiser. */
    public void finish(ClassWriter cw) {
        for (int typeIndex : dispatchers) {
            DispatcherEmitter.emit(cw, this, typeIndex);
        }
        for (int typeIndex : callOutStubs) {
            DispatcherEmitter.emitCallOut(cw, this, typeIndex);
        }
        MethodVisitor mv = cw.visitMethod(ACC_STATIC, "<clinit>", "()V", null, null);
        mv.visitCode();
        mv.visitLdcInsn(Type.getObjectType(internalName));
        mv.visitMethodInsn(INVOKESTATIC, Names.LINK, "of", "(Ljava/lang/Class;)L" + Names.LINK + ";", false);
        mv.visitVarInsn(ASTORE, 0);
        for (Map.Entry<String, Field> e : fields.entrySet()) {
            Field f = e.getValue();
            cw.visitField(ACC_STATIC | ACC_FINAL | ACC_PRIVATE, e.getKey(), f.desc, null, null).visitEnd();
            mv.visitVarInsn(ALOAD, 0);
            String ret = f.cast != null ? Names.FUNC_D : f.desc;
            if (f.index == -2) {
                Ints.push(mv, classIndex);
                mv.visitMethodInsn(INVOKEVIRTUAL, Names.LINK, f.getter, "(I)" + ret, false);
            } else if (f.index >= 0) {
                Ints.push(mv, f.index);
                mv.visitMethodInsn(INVOKEVIRTUAL, Names.LINK, f.getter, "(I)" + ret, false);
            } else {
                mv.visitMethodInsn(INVOKEVIRTUAL, Names.LINK, f.getter, "()" + ret, false);
            }
            if (f.cast != null) {
                mv.visitTypeInsn(CHECKCAST, f.cast);
            }
            mv.visitFieldInsn(PUTSTATIC, internalName, e.getKey(), f.desc);
        }
        mv.visitInsn(RETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }
}
