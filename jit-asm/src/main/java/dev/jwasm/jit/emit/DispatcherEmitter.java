package dev.jwasm.jit.emit;

import static org.objectweb.asm.Opcodes.*;

import dev.jwasm.core.model.FuncType;
import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;

/**
 * Emits {@code d<type>(params..., FunctionInstance f, ExecContext ctx, int sp, int budget)}, the target of
 * {@code call_indirect} and {@code call_ref} after their checks: a switch over the compiled functions of
 * this instance with exactly that signature calls them directly; any other function (imported, interpreted,
 * from another instance, a subtype) is called through the context's slots.
 */
final class DispatcherEmitter {
    private static final int MAX_CASES = 200;
    /** Bytecode bytes the cases and generic path may take: under HotSpot's limit, with room for the rest. */
    private static final int MAX_BYTES = BytecodeSize.HUGE_METHOD_LIMIT - 500;

    private DispatcherEmitter() {
    }

    static String name(int typeIndex) {
        return "d" + typeIndex;
    }

    /** The stub that calls a function through the context's slots only (the dispatcher's generic path). */
    static String callOutName(int typeIndex) {
        return "x" + typeIndex;
    }

    static String descriptor(FuncType t) {
        String direct = ModulePlan.descriptor(t);
        int split = direct.indexOf(Names.CTX_D);
        return direct.substring(0, split) + Names.FUNC_D + direct.substring(split);
    }

    static void emit(ClassWriter cw, ClassContext cls, int typeIndex) {
        ModulePlan plan = cls.plan;
        FuncType t = plan.module.types().get(typeIndex).funcType();
        MethodVisitor mv = cw.visitMethod(ACC_PUBLIC | ACC_STATIC, name(typeIndex), descriptor(t), null, null);
        mv.visitCode();
        Layout at = Layout.of(t);
        List<Integer> targets = candidates(plan, typeIndex);
        Label generic = new Label();
        if (!targets.isEmpty()) {
            mv.visitVarInsn(ALOAD, at.f());
            cls.instance(mv);
            mv.visitMethodInsn(INVOKESTATIC, Names.RT, "definedIndexIn", "(" + Names.FUNC_D + Names.INST_D + ")I",
                    false);
            int[] keys = targets.stream().mapToInt(Integer::intValue).toArray();
            Label[] labels = new Label[keys.length];
            for (int i = 0; i < keys.length; i++) {
                labels[i] = new Label();
            }
            mv.visitLookupSwitchInsn(generic, keys, labels);
            for (int i = 0; i < keys.length; i++) {
                mv.visitLabel(labels[i]);
                at.loadParams(mv);
                mv.visitVarInsn(ALOAD, at.ctx());
                mv.visitVarInsn(ILOAD, at.sp());
                mv.visitVarInsn(ILOAD, at.budget());
                mv.visitMethodInsn(INVOKESTATIC, plan.ownerOf(keys[i]), "f" + keys[i], ModulePlan.descriptor(t), false);
                returnResult(mv, t);
            }
        }
        mv.visitLabel(generic);
        callThroughSlots(mv, cls, t);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    /**
     * Emits {@code x<type>}, with the dispatcher's descriptor, which always calls {@code f} through the
     * context's slots: how code without metering hands a call that must be metered to the function's entry.
     */
    static void emitCallOut(ClassWriter cw, ClassContext cls, int typeIndex) {
        FuncType t = cls.plan.module.types().get(typeIndex).funcType();
        MethodVisitor mv = cw.visitMethod(ACC_PUBLIC | ACC_STATIC, callOutName(typeIndex), descriptor(t), null,
                null);
        mv.visitCode();
        callThroughSlots(mv, cls, t);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    /**
     * Where the arguments of a dispatcher or call-out stub are: the wasm parameters (kinds {@code params} at
     * {@code slots}), then the function at {@code f}, the context, the slot pointer and the budget.
     */
    private record Layout(char[] params, int[] slots, int f) {
        static Layout of(FuncType t) {
            char[] params = ModulePlan.kinds(t.params());
            int[] slots = new int[params.length];
            int slot = 0;
            for (int i = 0; i < params.length; i++) {
                slots[i] = slot;
                slot += Kinds.wide(params[i]) ? 2 : 1;
            }
            return new Layout(params, slots, slot);
        }

        int ctx() {
            return f + 1;
        }

        int sp() {
            return f + 2;
        }

        int budget() {
            return f + 3;
        }

        void loadParams(MethodVisitor mv) {
            for (int i = 0; i < params.length; i++) {
                mv.visitVarInsn(FunctionEmitter.loadOp(params[i]), slots[i]);
            }
        }
    }

    /** Puts the parameters into the slots at {@code sp}, calls {@code f} and returns its result. */
    private static void callThroughSlots(MethodVisitor mv, ClassContext cls, FuncType t) {
        Layout at = Layout.of(t);
        char[] params = at.params();
        for (int i = 0; i < params.length; i++) {
            mv.visitVarInsn(FunctionEmitter.loadOp(params[i]), at.slots()[i]);
            mv.visitVarInsn(ALOAD, at.ctx());
            mv.visitVarInsn(ILOAD, at.sp());
            Ints.push(mv, i);
            mv.visitInsn(IADD);
            mv.visitMethodInsn(INVOKESTATIC, Names.RT, "put" + params[i], "(" + Names.desc(params[i]) + Names.CTX_D
                    + "I)V", false);
        }
        mv.visitVarInsn(ALOAD, at.f());
        mv.visitVarInsn(ALOAD, at.ctx());
        mv.visitVarInsn(ILOAD, at.sp());
        cls.instance(mv);
        mv.visitVarInsn(ILOAD, at.budget());
        mv.visitMethodInsn(INVOKESTATIC, Names.RT, "callOut", CallEmitter.CALL_OUT, false);
        // The caller keeps its budget: the metering bit is re-read where compiled code calls out directly.
        mv.visitInsn(POP);
        if (t.results().size() == 1) {
            char k = ModulePlan.kind(t.results().get(0));
            mv.visitVarInsn(ALOAD, at.ctx());
            mv.visitVarInsn(ILOAD, at.sp());
            mv.visitMethodInsn(INVOKESTATIC, Names.RT, "get" + k, "(" + Names.CTX_D + "I)" + Names.desc(k), false);
        }
        returnResult(mv, t);
    }

    /** JVM parameter slots of the parameters of {@code t}. */
    static int paramSlots(FuncType t) {
        return Layout.of(t).f();
    }

    private static void returnResult(MethodVisitor mv, FuncType t) {
        if (t.results().size() != 1) {
            mv.visitInsn(RETURN);
            return;
        }
        char k = ModulePlan.kind(t.results().get(0));
        mv.visitInsn(Kinds.ret(k));
    }

    /**
     * Compiled functions whose canonical type is exactly the call's, by defined index, ascending: as many
     * as keep the dispatcher under HotSpot's huge-method limit (every case loads all parameters).
     */
    private static List<Integer> candidates(ModulePlan plan, int typeIndex) {
        int wanted = plan.typeIds[typeIndex];
        int imported = plan.module.importedFunctionCount();
        List<Integer> out = new ArrayList<>();
        int defined = plan.module.codes().size();
        int n = plan.module.types().get(typeIndex).funcType().params().size();
        // Upper bounds: a case is its switch entry, its loads (2 bytes each), call and return; the generic
        // path stores each parameter into a slot.
        int maxCases = Math.min(MAX_CASES, Math.max(0, MAX_BYTES - 13 * n) / (18 + 2 * n));
        for (int k = 0; k < defined && out.size() < maxCases; k++) {
            if (plan.isDirect(k) && plan.typeIds[plan.module.functionTypeIndex(imported + k)] == wanted) {
                out.add(k);
            }
        }
        return out;
    }
}
