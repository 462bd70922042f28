package dev.jwasm.core.interp;

import dev.jwasm.core.model.DecodedModule;
import dev.jwasm.core.model.FuncType;
import dev.jwasm.core.model.FunctionBody;
import dev.jwasm.core.model.Opcodes;
import dev.jwasm.core.model.ValType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Lowers one validated function body into the interpreter's {@code int[]} code (see {@link Op}). Tracks
 * the operand stack height so every branch knows statically how many values to keep and drop, resolves
 * branch targets to code positions, and computes the frame size. Code after an unconditional branch is
 * parsed but not emitted.
 */
final class Lowerer {
    private final DecodedModule module;
    private final int[] typeIds;
    private final CodeReader in;
    private final int end;
    private final ValType[] localTypes;
    private final int resultCount;

    private int[] code = new int[64];
    private int len;
    private int height;
    private int maxHeight;
    private boolean live = true;
    private final List<Frame> frames = new ArrayList<>();
    private final List<Integer> loopPcs = new ArrayList<>();
    private final List<Integer> loopOffsets = new ArrayList<>();
    private int functionCost;
    /** Start of the most recent instruction, for the peephole pass; -1 when none. */
    private int lastStart = -1;
    /** Start of the instruction before {@link #lastStart}; -1 when unknown. */
    private int beforeLast = -1;
    /** Set by {@link #fuse} when it rewrote two instructions into two others: the start of the second. */
    private int splitLast = -1;
    /** Highest code position a label was bound to: instructions before it must not fuse across it. */
    private int barrier;

    /** A control frame being lowered. */
    private static final class Frame {
        final boolean loop;
        final boolean isIf;
        final int baseHeight;
        final int params;
        final int results;
        final boolean liveAtEntry;
        /** Loop: position of the LOOP op; others: -1 until the end is known. */
        int target = -1;
        /** Code positions whose int must become this frame's end position. */
        int[] patches = new int[4];
        int patchCount;
        /** For an if: position of the IF's target immediate, until the else is seen. */
        int ifPatch = -1;
        int cost;

        Frame(boolean loop, boolean isIf, int baseHeight, int params, int results, boolean liveAtEntry) {
            this.loop = loop;
            this.isIf = isIf;
            this.baseHeight = baseHeight;
            this.params = params;
            this.results = results;
            this.liveAtEntry = liveAtEntry;
        }

        int arity() {
            return loop ? params : results;
        }

        void addPatch(int pos) {
            if (patchCount == patches.length) {
                patches = Arrays.copyOf(patches, patchCount * 2);
            }
            patches[patchCount++] = pos;
        }
    }

    private Lowerer(DecodedModule module, int[] typeIds, int funcIndex) {
        this.module = module;
        this.typeIds = typeIds;
        FunctionBody body = module.codes().get(funcIndex - module.importedFunctionCount());
        FuncType type = module.functionType(funcIndex);
        this.in = new CodeReader(module.bytes(), body.codeStart());
        this.end = body.codeEnd();
        List<ValType> locals = new ArrayList<>(type.params());
        locals.addAll(body.locals());
        this.localTypes = locals.toArray(new ValType[0]);
        this.resultCount = type.results().size();
    }

    /** Lowers function {@code funcIndex} (a defined function) of {@code module}. */
    static InterpretedCode lower(DecodedModule module, int[] typeIds, int funcIndex) {
        return new Lowerer(module, typeIds, funcIndex).run(funcIndex);
    }

    private InterpretedCode run(int funcIndex) {
        frames.add(new Frame(false, false, 0, 0, resultCount, true));
        while (!frames.isEmpty() && in.pos() < end) {
            int op = in.u8();
            if (live) {
                costFrame().cost++;
            }
            int start = len;
            lowerOp(op);
            if (live && len > start) {
                if (lastStart >= barrier && lastStart < start && fuse(lastStart, start)) {
                    if (splitLast >= 0) {
                        // The pair was re-split into two instructions; the second may fuse with what follows.
                        beforeLast = lastStart;
                        lastStart = splitLast;
                        splitLast = -1;
                    } else if (beforeLast >= barrier && beforeLast < lastStart && fuse(beforeLast, lastStart)) {
                        lastStart = splitLast >= 0 ? splitLast : beforeLast;
                        beforeLast = -1;
                        splitLast = -1;
                    }
                } else {
                    beforeLast = lastStart;
                    lastStart = start;
                }
            }
        }
        InterpretedCode ic = new InterpretedCode(Arrays.copyOf(code, len), localTypes.length,
                module.functionType(funcIndex).params().size(), maxHeight + 1, Math.max(1, functionCost));
        ic.loopPcs = loopPcs.stream().mapToInt(Integer::intValue).toArray();
        ic.loopOffsets = loopOffsets.stream().mapToInt(Integer::intValue).toArray();
        return ic;
    }

    // ---- emission and stack height ----

    private void emit(int v) {
        if (!live) {
            return;
        }
        if (len == code.length) {
            code = Arrays.copyOf(code, len * 2);
        }
        code[len++] = v;
    }

    private void emit(int a, int b) {
        emit(a);
        emit(b);
    }

    private void pop(int n) {
        height = Math.max(height - n, frames.isEmpty() ? 0 : top().baseHeight);
    }

    private void push(int n) {
        height += n;
        if (live && height > maxHeight) {
            maxHeight = height;
        }
    }

    private void effect(int pops, int pushes) {
        pop(pops);
        push(pushes);
    }

    private Frame top() {
        return frames.get(frames.size() - 1);
    }

    private Frame costFrame() {
        for (int i = frames.size() - 1; i > 0; i--) {
            if (frames.get(i).loop) {
                return frames.get(i);
            }
        }
        return frames.get(0);
    }

    private void markDead() {
        live = false;
        height = top().baseHeight;
    }

    // ---- dispatch by opcode group (each method stays small) ----

    private void lowerOp(int op) {
        if (op <= 0x1F) {
            lowerControl(op);
        } else if (op <= 0x26) {
            lowerVariable(op);
        } else if (op <= 0x44) {
            lowerMemoryOrConst(op);
        } else if (op <= 0xC4) {
            emit(Op.fromWasm(op));
            effect(isBinary(op) ? 2 : 1, 1);
        } else if (op >= 0xD0 && op <= 0xD6) {
            lowerReference(op);
        } else if (op == Opcodes.PREFIX_MISC) {
            lowerMisc(in.u32());
        } else {
            throw unsupported(op);
        }
    }

    private static boolean isBinary(int op) {
        return (op >= 0x46 && op <= 0x4F) || (op >= 0x51 && op <= 0x66) || (op >= 0x6A && op <= 0x78)
                || (op >= 0x7C && op <= 0x8A) || (op >= 0x92 && op <= 0x98) || (op >= 0xA0 && op <= 0xA6);
    }

    private UnsupportedOperationException unsupported(int op) {
        String what = switch (op) {
            case Opcodes.PREFIX_SIMD -> "SIMD";
            case Opcodes.PREFIX_GC -> "GC";
            case Opcodes.PREFIX_ATOMIC -> "threads (atomics)";
            case Opcodes.TRY, Opcodes.CATCH, Opcodes.THROW, Opcodes.RETHROW, Opcodes.THROW_REF, Opcodes.DELEGATE,
                    Opcodes.CATCH_ALL, Opcodes.TRY_TABLE -> "exception handling";
            default -> String.format("opcode 0x%02x", op);
        };
        return new UnsupportedOperationException(what + " instructions are not supported yet (at offset "
                + (in.pos() - 1) + ")");
    }

    private void lowerControl(int op) {
        switch (op) {
            case Opcodes.UNREACHABLE -> {
                emit(Op.UNREACHABLE);
                markDead();
            }
            case Opcodes.NOP -> {
            }
            case Opcodes.BLOCK, Opcodes.LOOP, Opcodes.IF -> openBlock(op);
            case Opcodes.ELSE -> lowerElse();
            case Opcodes.END -> lowerEnd();
            case Opcodes.BR -> {
                branch(Op.BR, in.u32());
                markDead();
            }
            case Opcodes.BR_IF -> {
                pop(1);
                branch(Op.BR_IF, in.u32());
            }
            case Opcodes.BR_TABLE -> lowerBrTable();
            case Opcodes.RETURN -> {
                emit(Op.RETURN);
                markDead();
            }
            case Opcodes.CALL, Opcodes.RETURN_CALL, Opcodes.CALL_INDIRECT, Opcodes.RETURN_CALL_INDIRECT,
                    Opcodes.CALL_REF, Opcodes.RETURN_CALL_REF -> lowerCall(op);
            case Opcodes.DROP -> {
                emit(Op.DROP);
                pop(1);
            }
            case Opcodes.SELECT -> {
                emit(Op.SELECT);
                effect(3, 1);
            }
            case Opcodes.SELECT_T -> {
                int n = in.u32();
                boolean ref = false;
                for (int i = 0; i < n; i++) {
                    ref |= in.peek() == 0x63 || in.peek() == 0x64 || (in.peek() >= 0x69 && in.peek() <= 0x74);
                    in.skipValType();
                }
                emit(ref ? Op.SELECT_REF : Op.SELECT);
                effect(3, 1);
            }
            default -> throw unsupported(op);
        }
    }

    /** Reads a block type; returns {params, results}. */
    private int[] blockType() {
        int b = in.peek();
        if (b == 0x40) {
            in.u8();
            return new int[] {0, 0};
        }
        if (b >= 0x69 && b <= 0x7F) {
            in.u8();
            return new int[] {0, 1};
        }
        if (b == 0x63 || b == 0x64) {
            in.u8();
            in.s64();
            return new int[] {0, 1};
        }
        FuncType t = module.types().get((int) in.s64()).funcType();
        return new int[] {t.params().size(), t.results().size()};
    }

    private void openBlock(int op) {
        int loopOffset = in.pos() - 1;
        int[] bt = blockType();
        if (op == Opcodes.IF) {
            pop(1);
        }
        Frame f = new Frame(op == Opcodes.LOOP, op == Opcodes.IF, height - bt[0], bt[0], bt[1], live);
        if (f.loop) {
            f.target = len;
            barrier = len;
            if (live) {
                // For on-stack replacement: where this loop's LOOP op is, and the loop's wasm offset.
                loopPcs.add(len);
                loopOffsets.add(loopOffset);
            }
            // The header's wasm offset when the operand stack is empty there (the only place on-stack
            // replacement may enter), else -1; the stack height at a loop header is static.
            emit(Op.LOOP, 0);
            emit(height == 0 ? loopOffset : -1);
        } else if (f.isIf) {
            emit(Op.IF);
            f.ifPatch = len;
            emit(0);
        }
        frames.add(f);
    }

    private void lowerElse() {
        Frame f = top();
        if (f.liveAtEntry) {
            if (live) {
                emit(Op.GOTO);
                f.addPatch(len);
                emit(0);
            }
            live = true;
            code[f.ifPatch] = len;
            barrier = len;
            f.ifPatch = -1;
        }
        height = f.baseHeight + f.params;
    }

    private void lowerEnd() {
        Frame f = frames.remove(frames.size() - 1);
        live = f.liveAtEntry;
        height = f.baseHeight + f.results;
        if (!live) {
            return;
        }
        barrier = len;
        if (f.ifPatch >= 0) {
            code[f.ifPatch] = len;
        }
        if (f.loop) {
            code[f.target + 1] = Math.max(1, f.cost);
        }
        for (int i = 0; i < f.patchCount; i++) {
            code[f.patches[i]] = len;
        }
        if (frames.isEmpty()) {
            functionCost = f.cost;
            emit(Op.RETURN);
        }
    }

    /** Emits a branch to label {@code depth}: {@code op target keep drop}, or a shorter form. */
    private void branch(int op, int depth) {
        if (!live) {
            return;
        }
        Frame target = frames.get(frames.size() - 1 - depth);
        if (frames.size() - 1 - depth == 0 && op == Op.BR) {
            emit(Op.RETURN);
            return;
        }
        int keep = target.arity();
        int drop = height - keep - target.baseHeight;
        if (drop == 0 && (op == Op.BR || op == Op.BR_IF)) {
            emit(op == Op.BR ? Op.GOTO : Op.BR_IF_SIMPLE);
            emitTarget(target);
            return;
        }
        emit(op);
        emitTarget(target);
        emit(keep, drop);
    }

    private void emitTarget(Frame target) {
        if (target.loop) {
            emit(target.target);
        } else {
            target.addPatch(len);
            emit(0);
        }
    }

    private void lowerBrTable() {
        int n = in.u32();
        pop(1);
        emit(Op.BR_TABLE, n);
        for (int i = 0; i <= n; i++) {
            int depth = in.u32();
            if (live) {
                Frame target = frames.get(frames.size() - 1 - depth);
                int keep = target.arity();
                emitTarget(target);
                emit(keep, height - keep - target.baseHeight);
            }
        }
        markDead();
    }

    private void lowerCall(int op) {
        FuncType t;
        switch (op) {
            case Opcodes.CALL, Opcodes.RETURN_CALL -> {
                int f = in.u32();
                t = module.functionType(f);
                emit(Op.fromWasm(op), f);
            }
            case Opcodes.CALL_INDIRECT, Opcodes.RETURN_CALL_INDIRECT -> {
                int type = in.u32();
                int table = in.u32();
                t = module.types().get(type).funcType();
                pop(1);
                emit(Op.fromWasm(op), typeIds[type]);
                emit(table, module.allTables().get(table).is64() ? 1 : 0);
            }
            default -> {
                t = module.types().get(in.u32()).funcType();
                pop(1);
                emit(Op.fromWasm(op));
            }
        }
        effect(t.params().size(), t.results().size());
        if (op == Opcodes.RETURN_CALL || op == Opcodes.RETURN_CALL_INDIRECT || op == Opcodes.RETURN_CALL_REF) {
            markDead();
        }
    }

    private void lowerVariable(int op) {
        int index = in.u32();
        switch (op) {
            case Opcodes.LOCAL_GET, Opcodes.LOCAL_SET, Opcodes.LOCAL_TEE -> {
                boolean ref = localTypes[index].isReference();
                emit(ref ? Op.LOCAL_GET_REF + (op - Opcodes.LOCAL_GET) : Op.fromWasm(op), index);
                effect(op == Opcodes.LOCAL_GET ? 0 : 1, op == Opcodes.LOCAL_SET ? 0 : 1);
            }
            case Opcodes.GLOBAL_GET, Opcodes.GLOBAL_SET -> {
                boolean ref = module.allGlobals().get(index).valType().isReference();
                emit(ref ? Op.GLOBAL_GET_REF + (op - Opcodes.GLOBAL_GET) : Op.fromWasm(op), index);
                effect(op == Opcodes.GLOBAL_GET ? 0 : 1, op == Opcodes.GLOBAL_GET ? 1 : 0);
            }
            case Opcodes.TABLE_GET -> {
                emit(Op.TABLE_GET, index);
                effect(1, 1);
            }
            default -> {
                emit(Op.TABLE_SET, index);
                pop(2);
            }
        }
    }

    private void lowerMemoryOrConst(int op) {
        switch (op) {
            case Opcodes.I32_CONST -> {
                emit(Op.I32_CONST, in.s32());
                push(1);
            }
            case Opcodes.I64_CONST -> emitI64(in.s64());
            case Opcodes.F32_CONST -> {
                emit(Op.I32_CONST, in.fixed32());
                push(1);
            }
            case Opcodes.F64_CONST -> emitI64(in.fixed64());
            case 0x3F, 0x40 -> {
                emit(Op.fromWasm(op), in.u32());
                effect(op == 0x3F ? 0 : 1, 1);
            }
            default -> lowerLoadStore(op);
        }
    }

    private void emitI64(long v) {
        emit(Op.I64_CONST, (int) v);
        emit((int) (v >>> 32));
        push(1);
    }

    private void lowerLoadStore(int op) {
        int flags = in.u32();
        int mem = (flags & 0x40) != 0 ? in.u32() : 0;
        long offset = in.u64();
        if (mem == 0 && !module.allMemories().get(0).is64()) {
            emit(Op.fromWasm(op), (int) offset);
        } else {
            emit(Op.MEM_GENERIC, op);
            emit(mem, (int) offset);
            emit((int) (offset >>> 32));
        }
        if (op <= 0x35) {
            effect(1, 1);
        } else {
            pop(2);
        }
    }

    private void lowerReference(int op) {
        switch (op) {
            case Opcodes.REF_NULL -> {
                in.s64();
                emit(Op.REF_NULL);
                push(1);
            }
            case Opcodes.REF_IS_NULL, Opcodes.REF_AS_NON_NULL -> {
                emit(Op.fromWasm(op));
                effect(1, 1);
            }
            case Opcodes.REF_FUNC -> {
                emit(Op.REF_FUNC, in.u32());
                push(1);
            }
            case Opcodes.REF_EQ -> {
                emit(Op.REF_EQ);
                effect(2, 1);
            }
            case Opcodes.BR_ON_NULL -> {
                int depth = in.u32();
                pop(1);
                branch(Op.BR_ON_NULL, depth);
                push(1);
            }
            default -> {
                branch(Op.BR_ON_NON_NULL, in.u32());
                pop(1);
            }
        }
    }

    private void lowerMisc(int sub) {
        int op = Op.MISC_BASE + sub;
        switch (sub) {
            case 0, 1, 2, 3, 4, 5, 6, 7 -> {
                emit(op);
                effect(1, 1);
            }
            case 8 -> { // memory.init data mem
                int data = in.u32();
                emit(op, data);
                emit(in.u32());
                pop(3);
            }
            case 9, 13 -> { // data.drop, elem.drop
                emit(op, in.u32());
            }
            case 10, 14 -> { // memory.copy, table.copy: dst src
                int dst = in.u32();
                emit(op, dst);
                emit(in.u32());
                pop(3);
            }
            case 11, 17 -> { // memory.fill, table.fill
                emit(op, in.u32());
                pop(3);
            }
            case 12 -> { // table.init elem table
                int elem = in.u32();
                emit(op, elem);
                emit(in.u32());
                pop(3);
            }
            case 15 -> { // table.grow
                emit(op, in.u32());
                effect(2, 1);
            }
            case 16 -> { // table.size
                emit(op, in.u32());
                push(1);
            }
            default -> throw new UnsupportedOperationException("instruction 0xfc " + sub + " is not supported yet");
        }
    }

    // ---- peephole: fuse the instruction at prev with the one just emitted at cur ----

    private boolean fuse(int prev, int cur) {
        int a = code[prev];
        int b = code[cur];
        if (a == Op.LOCAL_GET && b == Op.LOCAL_GET && len == cur + 2) {
            return rewrite(prev, Op.LOCAL_GET2, code[prev + 1], code[cur + 1]);
        }
        if (a == Op.LOCAL_GET && b == Op.LOCAL_SET && len == cur + 2) {
            return rewrite(prev, Op.LOCAL_COPY, code[prev + 1], code[cur + 1]);
        }
        if (a == Op.LOCAL_GET2 && b == Op.I32_CONST && len == cur + 2) {
            // local.get a; local.get b; i32.const c: pair b with c instead, which may fuse on into an address.
            int la = code[prev + 1];
            int lb = code[prev + 2];
            int c = code[cur + 1];
            code[prev] = Op.LOCAL_GET;
            code[prev + 1] = la;
            return split(prev + 2, Op.LOCAL_GET_I32_CONST, lb, c);
        }
        if (a == Op.LOCAL_GET_I32_CONST && b != Op.I32_ADD && b != Op.I32_SUB && len == cur + 1
                && fallThroughFusion(Op.I32_CONST, b) != 0) {
            // local.get a; i32.const c; op: the constant operation has a fused form, the pair does not.
            int la = code[prev + 1];
            int c = code[prev + 2];
            int withLocal = fallThroughFusion(Op.LOCAL_GET, fallThroughFusion(Op.I32_CONST, b));
            if (withLocal != 0) {
                return rewrite(prev, withLocal, la, c);
            }
            code[prev] = Op.LOCAL_GET;
            code[prev + 1] = la;
            code[prev + 2] = fallThroughFusion(Op.I32_CONST, b);
            code[prev + 3] = c;
            len = prev + 4;
            splitLast = prev + 2;
            return true;
        }
        if (a == Op.LOCAL_GET && b == Op.I32_CONST && len == cur + 2) {
            return rewrite(prev, Op.LOCAL_GET_I32_CONST, code[prev + 1], code[cur + 1]);
        }
        if (a == Op.LOCAL_GET_I32_CONST && (b == Op.I32_ADD || b == Op.I32_SUB) && len == cur + 1) {
            int c = b == Op.I32_ADD ? code[prev + 2] : -code[prev + 2];
            return rewrite(prev, Op.I32_ADD_LOCAL_CONST, code[prev + 1], c);
        }
        if (a == Op.LOCAL_GET2 && b == Op.I32_ADD && len == cur + 1) {
            return rewrite(prev, Op.I32_ADD_LL, code[prev + 1], code[prev + 2]);
        }
        if (a == Op.LOCAL_GET && len == cur + 2 && fusedLoad(b) != 0) {
            return rewrite(prev, fusedLoad(b), code[prev + 1], 0, code[cur + 1]);
        }
        if (a == Op.I32_ADD_LOCAL_CONST && len == cur + 2 && fusedLoad(b) != 0) {
            return rewrite(prev, fusedLoad(b), code[prev + 1], code[prev + 2], code[cur + 1]);
        }
        if ((a == Op.I32_ADD_LL || a == Op.I32_ADD_LOCAL_CONST) && (b == Op.LOCAL_SET || b == Op.LOCAL_TEE)
                && len == cur + 2) {
            int fused = a == Op.I32_ADD_LL
                    ? (b == Op.LOCAL_SET ? Op.I32_ADD_LL_SET : Op.I32_ADD_LL_TEE)
                    : (b == Op.LOCAL_SET ? Op.I32_ADD_LC_SET : Op.I32_ADD_LC_TEE);
            return rewrite(prev, fused, code[prev + 1], code[prev + 2], code[cur + 1]);
        }
        if ((a == Op.I32_ADD_LL_SET || a == Op.I32_ADD_LC_SET) && b == Op.LOCAL_GET
                && code[prev + 3] == code[cur + 1] && len == cur + 2) {
            code[prev] = a == Op.I32_ADD_LL_SET ? Op.I32_ADD_LL_TEE : Op.I32_ADD_LC_TEE;
            len = prev + 4;
            return true;
        }
        if (a == Op.LOCAL_SET && b == Op.LOCAL_GET && code[prev + 1] == code[cur + 1] && len == cur + 2) {
            code[prev] = Op.LOCAL_TEE;
            len = prev + 2;
            return true;
        }
        int fused = fallThroughFusion(a, b);
        if (fused != 0) {
            return fuseFallThrough(prev, cur, fused);
        }
        int cmp = cur == prev + 1 ? Op.i32Comparison(a) : -1;
        if (cmp >= 0 && b == Op.BR_IF_SIMPLE) {
            relocatePatch(cur + 1, prev + 1);
            return rewrite(prev, Op.brIfComparison(cmp), code[cur + 1]);
        }
        if (cmp >= 0 && b == Op.IF && top().ifPatch == cur + 1) {
            top().ifPatch = prev + 1;
            return rewrite(prev, Op.IF_CMP + cmp, code[cur + 1]);
        }
        return false;
    }

    /**
     * The fall-through fusion of push instruction {@code prev} followed by {@code next}, or 0 when there is
     * none (see {@link Op#I32_ADD_C}).
     */
    private static int fallThroughFusion(int prev, int next) {
        return switch (prev) {
            case Op.LOCAL_GET2 -> next == Op.F64_ADD ? Op.F64_ADD_LL : next == Op.F64_MUL ? Op.F64_MUL_LL : 0;
            case Op.I32_CONST -> switch (next) {
                case Op.I32_ROTL -> Op.I32_ROTL_C;
                case Op.I32_ROTR -> Op.I32_ROTR_C;
                case Op.I32_ADD -> Op.I32_ADD_C;
                case Op.I32_SUB -> Op.I32_SUB_C;
                case Op.I32_MUL -> Op.I32_MUL_C;
                case Op.I32_AND -> Op.I32_AND_C;
                case Op.I32_OR -> Op.I32_OR_C;
                case Op.I32_XOR -> Op.I32_XOR_C;
                case Op.I32_SHL -> Op.I32_SHL_C;
                case Op.I32_SHR_S -> Op.I32_SHR_S_C;
                case Op.I32_SHR_U -> Op.I32_SHR_U_C;
                case Op.I32_STORE -> Op.I32_STORE_C;
                case Op.I32_STORE8 -> Op.I32_STORE8_C;
                default -> 0;
            };
            case Op.I64_CONST -> switch (next) {
                case Op.I64_ADD -> Op.I64_ADD_C;
                case Op.I64_MUL -> Op.I64_MUL_C;
                case Op.I64_AND -> Op.I64_AND_C;
                case Op.I64_XOR -> Op.I64_XOR_C;
                case Op.I64_SHL -> Op.I64_SHL_C;
                case Op.I64_SHR_U -> Op.I64_SHR_U_C;
                case Op.F64_MUL -> Op.F64_MUL_C;
                default -> 0;
            };
            case Op.LOCAL_GET -> switch (next) {
                case Op.F64_ADD -> Op.F64_ADD_L;
                case Op.F64_MUL -> Op.F64_MUL_L;
                case Op.LOCAL_TEE -> Op.LOCAL_GET_TEE;
                case Op.I32_ROTL_C -> Op.I32_ROTL_LC;
                case Op.I32_SHR_U_C -> Op.I32_SHR_U_LC;
                case Op.BR_IF_LE_U -> Op.BR_IF_LE_U_L;
                default -> 0;
            };
            case Op.LOCAL_COPY -> next == Op.LOCAL_COPY ? Op.LOCAL_COPY2 : 0;
            case Op.LOCAL_TEE -> next == Op.F64_MUL ? Op.LOCAL_TEE_F64_MUL : 0;
            case Op.F64_ADD -> next == Op.I64_STORE ? Op.F64_ADD_STORE : 0;
            default -> 0;
        };
    }

    /** Fuses push {@code prev} with the instruction at {@code cur} by dropping cur's opcode word. */
    private boolean fuseFallThrough(int prev, int cur, int fused) {
        code[prev] = fused;
        System.arraycopy(code, cur + 1, code, cur, len - cur - 1);
        len--;
        if (fused == Op.BR_IF_LE_U_L) {
            // The forward branch's target slot moved up with the rest.
            relocatePatch(cur + 1, cur);
        }
        return true;
    }

    /** The fused form of load {@code op} taking its address from a local plus a constant, or 0 when there is none. */
    private static int fusedLoad(int op) {
        return switch (op) {
            case Op.I32_LOAD -> Op.I32_LOAD_LC;
            case Op.I64_LOAD -> Op.I64_LOAD_LC;
            case Op.U8_LOAD -> Op.U8_LOAD_LC;
            default -> 0;
        };
    }

    /** Rewrites to a local.get at {@code at - 2} followed by {@code op imm1 imm2} at {@code at}, the new last one. */
    private boolean split(int at, int op, int imm1, int imm2) {
        code[at] = op;
        code[at + 1] = imm1;
        code[at + 2] = imm2;
        len = at + 3;
        splitLast = at;
        return true;
    }

    private boolean rewrite(int at, int op, int imm1, int imm2, int imm3) {
        code[at] = op;
        code[at + 1] = imm1;
        code[at + 2] = imm2;
        code[at + 3] = imm3;
        len = at + 4;
        return true;
    }

    private boolean rewrite(int at, int op, int imm) {
        code[at] = op;
        code[at + 1] = imm;
        len = at + 2;
        return true;
    }

    private boolean rewrite(int at, int op, int imm1, int imm2) {
        code[at] = op;
        code[at + 1] = imm1;
        code[at + 2] = imm2;
        len = at + 3;
        return true;
    }

    /** A forward branch's target slot moved from {@code from} to {@code to}. */
    private void relocatePatch(int from, int to) {
        for (Frame f : frames) {
            for (int i = 0; i < f.patchCount; i++) {
                if (f.patches[i] == from) {
                    f.patches[i] = to;
                }
            }
        }
    }
}
