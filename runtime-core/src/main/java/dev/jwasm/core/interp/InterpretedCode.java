package dev.jwasm.core.interp;

import dev.jwasm.core.runtime.ExecContext;
import dev.jwasm.core.runtime.FunctionCode;
import dev.jwasm.core.runtime.WasmFunction;

/** A function lowered for the interpreter: the code plus the frame layout facts the loop needs. */
final class InterpretedCode implements FunctionCode {
    final int[] code;
    final int numLocals;
    final int numParams;
    final int maxStack;
    /** Fuel charged at entry: instructions outside any loop. */
    final int entryCost;
    /** Code positions of the LOOP ops (ascending) and the wasm byte offsets of their loops, for OSR. */
    int[] loopPcs = new int[0];
    int[] loopOffsets = new int[0];

    InterpretedCode(int[] code, int numLocals, int numParams, int maxStack, int entryCost) {
        this.code = code;
        this.numLocals = numLocals;
        this.numParams = numParams;
        this.maxStack = maxStack;
        this.entryCost = entryCost;
    }

    @Override
    public void invoke(ExecContext ctx, WasmFunction fn, int fp) {
        Interpreter.execute(ctx, fn, this, fp);
    }
}
