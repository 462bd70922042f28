package dev.jwasm.jit.emit;

import static org.objectweb.asm.Opcodes.*;

import dev.jwasm.core.model.FuncType;

/**
 * Calls of one function being compiled: direct {@code invokestatic} to compiled functions, the generic path
 * through the context's slots for everything else, dispatch of {@code call_indirect}/{@code call_ref}, and
 * tail calls (a jump for the function itself, the adapter's trampoline for others).
 */
final class CallEmitter {
    static final String CALL_OUT = "(" + Names.FUNC_D + Names.CTX_D + "I" + Names.INST_D + "I)I";
    private final FunctionEmitter e;

    CallEmitter(FunctionEmitter e) {
        this.e = e;
    }


    /** Whether the function tail-calls other functions (then it returns to its adapter's trampoline). */
    boolean tailCallsOthers;

    /**
     * A tail call of the function itself becomes a jump back to its start (constant Java stack, as the
     * interpreter's tail calls). A tail call of another function needs constant stack too, and the JVM
     * has none: the arguments go to the context's slots, the callee is left with
     * {@code JitRuntime.setTailCall} and the function returns to the trampoline of its adapter, which makes
     * the call. Such functions are therefore never called directly by compiled code.
     */
    void returnCall(int callee) {
        // An outlined region cannot jump to the start of the entry method: it tail-calls like any other.
        if (callee != e.funcIndex || e.region != null) {
            e.cls.function(e.mv, callee);
            tailCallThrough(e.module.functionType(callee));
            return;
        }
        for (int i = e.type.params().size() - 1; i >= 0; i--) {
            e.mv.visitVarInsn(e.storeOp(e.pop()), e.localSlots[i]);
        }
        while (e.height > 0) {
            e.popValue(e.pop());
        }
        e.mv.visitJumpInsn(GOTO, e.restart);
    }

    /** Tail call of the checked function on top of the stack, whose arguments are under it. */
    void tailCallThrough(FuncType t) {
        tailCallsOthers = true;
        e.mv.visitVarInsn(ASTORE, e.fnSlot);
        for (int i = t.params().size() - 1; i >= 0; i--) {
            char k = e.pop();
            // At the slots the adapter's trampoline reads: those the function itself was called with.
            e.rootAddress(i);
            e.rt("put" + k, "(" + Names.desc(k) + Names.CTX_D + "I)V");
        }
        e.mv.visitVarInsn(ALOAD, e.fnSlot);
        e.rt("setTailCall", "(" + Names.FUNC_D + ")V");
        e.tailReturn();
    }

    void call(int callee) {
        FuncType t = e.module.functionType(callee);
        int defined = callee - e.module.importedFunctionCount();
        if (defined >= 0 && e.plan.isDirect(defined)) {
            e.loadCtx();
            e.mv.visitVarInsn(ILOAD, e.spSlot);
            e.mv.visitVarInsn(ILOAD, e.budgetSlot);
            e.invokeStatic(e.plan.ownerOf(defined), "f" + defined, ModulePlan.descriptor(t));
            e.height -= t.params().size();
            if (t.results().size() == 1) {
                e.push(ModulePlan.kind(t.results().get(0)));
            } else {
                readResults(t);
            }
        } else {
            e.cls.function(e.mv, callee);
            e.mv.visitVarInsn(ASTORE, e.fnSlot);
            genericCall(t);
        }
        e.reloadMemories();
    }

    void callIndirect(int typeIndex, int table) {
        char idx = e.pop();
        e.cls.table(e.mv, table);
        e.cls.typeId(e.mv, typeIndex);
        e.rt(idx == 'J' ? "indirect64" : "indirect", "(" + idx + Names.TABLE_D + "I)" + Names.FUNC_D);
        dispatch(typeIndex);
    }

    void callRef(int typeIndex) {
        e.pop();
        e.rt("callRef", "(" + Names.OBJ_D + ")" + Names.FUNC_D);
        dispatch(typeIndex);
    }

    /** Calls the checked function on top of the stack through the class's dispatcher for its e.type. */
    void dispatch(int typeIndex) {
        FuncType t = e.module.types().get(typeIndex).funcType();
        if (DispatcherEmitter.paramSlots(t) > FunctionEmitter.MAX_PARAM_SLOTS) {
            throw new Unsupported("too many parameters");
        }
        e.loadCtx();
        e.mv.visitVarInsn(ILOAD, e.spSlot);
        e.mv.visitVarInsn(ILOAD, e.budgetSlot);
        e.cls.dispatch(e.mv, typeIndex);
        e.height -= t.params().size();
        if (t.results().size() == 1) {
            e.push(ModulePlan.kind(t.results().get(0)));
        } else {
            readResults(t);
        }
        e.reloadMemories();
    }

    /** Calls the function in {@code e.fnSlot} through the context's slots ({@code JitRuntime.callOut}). */
    void genericCall(FuncType t) {
        int n = t.params().size();
        for (int i = n - 1; i >= 0; i--) {
            char k = e.pop();
            e.slotAddress(i);
            e.rt("put" + k, "(" + Names.desc(k) + Names.CTX_D + "I)V");
        }
        e.mv.visitVarInsn(ALOAD, e.fnSlot);
        e.loadCtx();
        e.mv.visitVarInsn(ILOAD, e.spSlot);
        e.cls.instance(e.mv);
        e.mv.visitVarInsn(ILOAD, e.budgetSlot);
        e.rt("callOut", CALL_OUT);
        e.mv.visitVarInsn(ISTORE, e.budgetSlot);
        readResults(t);
    }

    void readResults(FuncType t) {
        char[] results = ModulePlan.kinds(t.results());
        for (int i = 0; i < results.length; i++) {
            e.slotAddress(i);
            e.rt("get" + results[i], "(" + Names.CTX_D + "I)" + Names.desc(results[i]));
            e.push(results[i]);
        }
    }
}
