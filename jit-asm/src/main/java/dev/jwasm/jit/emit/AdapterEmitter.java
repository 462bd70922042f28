package dev.jwasm.jit.emit;

import static org.objectweb.asm.Opcodes.*;

import dev.jwasm.core.model.FuncType;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;

/** The entry points of a compiled function for callers outside generated code (host, interpreter, trampolines). */
public final class AdapterEmitter {
    private AdapterEmitter() {
    }

    /**
     * Emits the entry from other tiers, arguments and results in slots: {@code a<i>(ExecContext, int fp)},
     * and for a function with tail calls also {@code r<i>}. {@code a<i>} runs the trampoline that makes the
     * tail calls; {@code r<i>} (called by the trampoline) leaves them pending.
     */
    public static void emitAdapter(ClassContext cls, MethodVisitor mv, int definedIndex, boolean trampoline) {
        ModulePlan plan = cls.plan;
        FuncType t = plan.module.functionType(definedIndex + plan.module.importedFunctionCount());
        mv.visitCode();
        char[] params = ModulePlan.kinds(t.params());
        for (int i = 0; i < params.length; i++) {
            mv.visitVarInsn(ALOAD, 0);
            mv.visitVarInsn(ILOAD, 1);
            Ints.push(mv, i);
            mv.visitInsn(IADD);
            mv.visitMethodInsn(INVOKESTATIC, Names.RT, "get" + params[i], "(" + Names.CTX_D + "I)"
                    + Names.desc(params[i]), false);
        }
        mv.visitVarInsn(ALOAD, 0);
        mv.visitVarInsn(ILOAD, 1);
        // Compiled code counts its depth in the budget it passes on, starting from the caller's depth.
        mv.visitVarInsn(ALOAD, 0);
        cls.instance(mv);
        mv.visitMethodInsn(INVOKEVIRTUAL, Names.CTX, "budget", "(" + Names.INST_D + ")I", false);
        mv.visitMethodInsn(INVOKESTATIC, plan.ownerOf(definedIndex), "f" + definedIndex,
                ModulePlan.descriptor(t), false);
        char k = t.results().size() == 1 ? ModulePlan.kind(t.results().get(0)) : 0;
        if (plan.isTailCalling(definedIndex)) {
            if (k != 0) {
                mv.visitVarInsn(FunctionEmitter.storeOp(k), 2);
            }
            Label noTailCall = new Label();
            if (trampoline) {
                mv.visitMethodInsn(INVOKESTATIC, Names.RT, "takeTailCall", "()" + Names.FUNC_D, false);
                mv.visitVarInsn(ASTORE, 4);
                mv.visitVarInsn(ALOAD, 4);
                mv.visitJumpInsn(IFNULL, noTailCall);
                mv.visitVarInsn(ALOAD, 4);
                mv.visitVarInsn(ALOAD, 0);
                mv.visitVarInsn(ILOAD, 1);
                cls.instance(mv);
                mv.visitMethodInsn(INVOKESTATIC, Names.RT, "trampoline", "(" + Names.FUNC_D + Names.CTX_D + "I"
                        + Names.INST_D + ")V", false);
            } else {
                mv.visitMethodInsn(INVOKESTATIC, Names.RT, "hasTailCall", "()Z", false);
                mv.visitJumpInsn(IFEQ, noTailCall);
            }
            mv.visitInsn(RETURN);
            mv.visitLabel(noTailCall);
            if (k != 0) {
                mv.visitVarInsn(FunctionEmitter.loadOp(k), 2);
            }
        }
        if (k != 0) {
            mv.visitVarInsn(ALOAD, 0);
            mv.visitVarInsn(ILOAD, 1);
            mv.visitMethodInsn(INVOKESTATIC, Names.RT, "put" + k, "(" + Names.desc(k) + Names.CTX_D + "I)V", false);
        }
        mv.visitInsn(RETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }
}
