package dev.jwasm.core.validate;

import dev.jwasm.api.InvalidModuleException;
import dev.jwasm.core.model.ConstExpr;
import dev.jwasm.core.model.FuncType;
import dev.jwasm.core.model.FunctionBody;
import dev.jwasm.core.model.FunctionInfo;
import dev.jwasm.core.model.HeapType;
import dev.jwasm.core.model.ValType;
import java.util.List;

/**
 * Validates function bodies with the operand and control stacks of the spec's validation algorithm
 * (appendix "Validation Algorithm"). The bottom type of unreachable code is {@code null} on the operand
 * stack. The per-instruction rules live in the {@code *Rules} classes; this class owns the stacks and the
 * dispatch on the first opcode byte. One instance validates every function of a module, reusing its arrays.
 */
final class CodeValidator {
    static final int FRAME_FUNC = 0;
    static final List<ValType> NONE = List.of();
    private static final List<ValType> ONE_I32 = List.of(ValType.I32);
    private static final List<ValType> ONE_I64 = List.of(ValType.I64);
    private static final List<ValType> ONE_F32 = List.of(ValType.F32);
    private static final List<ValType> ONE_F64 = List.of(ValType.F64);
    private static final List<ValType> ONE_V128 = List.of(ValType.V128);

    final ModuleContext mc;
    final TypeContext types;
    private final CodeReader bodyReader;
    CodeReader r;
    boolean constMode;
    int constGlobalLimit;

    // operand stack
    private ValType[] vals = new ValType[64];
    int sp;
    private int maxSp;

    // control stack
    private int[] cKind = new int[16];
    private int[] cHeight = new int[16];
    private boolean[] cUnreachable = new boolean[16];
    @SuppressWarnings("unchecked")
    private List<ValType>[] cParams = new List[16];
    @SuppressWarnings("unchecked")
    private List<ValType>[] cResults = new List[16];
    private int[] cInitHeight = new int[16];
    int csp;
    private int maxCsp;

    // locals and the initialisation state of non-defaultable ones
    ValType[] locals = new ValType[16];
    int localCount;
    private boolean[] localSet = new boolean[16];
    private int[] initUndo = new int[16];
    private int initSp;

    FuncType funcType;
    int funcIndex;
    int instrOffset;
    boolean usesMemory;
    boolean hasCalls;
    private ValType[] scratch = new ValType[16];
    private final java.util.Map<ValType, FuncType> singleResultBlocks = new java.util.IdentityHashMap<>();

    CodeValidator(ModuleContext mc) {
        this.mc = mc;
        this.types = mc.types;
        this.bodyReader = new CodeReader(mc.module.bytes(), types);
        this.r = bodyReader;
    }

    /** Validates defined function {@code funcIndex} (function index space) with body {@code body}. */
    FunctionInfo validate(int funcIndex, FuncType type, FunctionBody body) {
        this.funcIndex = funcIndex;
        this.funcType = type;
        this.constMode = false;
        setUpLocals(type.params(), body.locals());
        r.reset(body.codeStart(), body.codeEnd());
        run(type.results(), 0);
        return new FunctionInfo(maxSp, maxCsp, usesMemory, hasCalls);
    }

    /**
     * Validates a constant expression producing {@code expected}; only global indices below
     * {@code globalLimit} are visible to it. A {@code ref.func} in it declares its function.
     */
    void validateConst(ConstExpr expr, ValType expected, int globalLimit) {
        this.funcIndex = -1;
        this.funcType = null;
        this.constMode = true;
        this.constGlobalLimit = globalLimit;
        this.localCount = 0;
        this.r = new CodeReader(expr.code(), types);
        r.reset(0, expr.length());
        try {
            run(single(expected), expr.offset());
        } finally {
            this.r = bodyReader;
            this.constMode = false;
        }
    }

    private void run(List<ValType> results, long baseOffset) {
        this.sp = 0;
        this.maxSp = 0;
        this.csp = 0;
        this.maxCsp = 0;
        this.initSp = 0;
        this.usesMemory = false;
        this.hasCalls = false;
        instrOffset = r.pos();
        pushCtrl(FRAME_FUNC, NONE, results);
        try {
            while (csp > 0) {
                instrOffset = r.pos();
                int op = r.u8();
                if (constMode) {
                    ConstExprRules.check(this, op);
                }
                dispatch(op);
            }
            if (!r.atEnd()) {
                throw error(constMode ? "constant expression required" : "section size mismatch");
            }
        } catch (InvalidModuleException e) {
            long at = e.offset() >= 0 ? e.offset() : instrOffset;
            throw new InvalidModuleException(e.reason(), funcIndex, at + baseOffset);
        }
    }

    private void setUpLocals(List<ValType> params, List<ValType> declared) {
        int n = params.size() + declared.size();
        if (locals.length < n) {
            locals = new ValType[n];
            localSet = new boolean[n];
        }
        localCount = n;
        int i = 0;
        for (ValType t : params) {
            locals[i] = t;
            localSet[i++] = true;
        }
        for (ValType t : declared) {
            TypeSectionValidator.checkType(t, types.size());
            locals[i] = t;
            localSet[i++] = t.defaultable();
        }
    }

    private void dispatch(int op) {
        if (op <= 0x1F) {
            ControlRules.apply(this, op);
        } else if (op <= 0x27) {
            VariableRules.apply(this, op);
        } else if (op <= 0x40) {
            MemoryRules.apply(this, op);
        } else if (op <= 0xC4) {
            NumericRules.apply(this, op);
        } else if (op >= 0xD0 && op <= 0xD6) {
            ReferenceRules.apply(this, op);
        } else if (op == 0xFB) {
            GcRules.apply(this, r.u32());
        } else if (op == 0xFC) {
            MiscRules.apply(this, r.u32());
        } else if (op == 0xFD) {
            SimdRules.apply(this, r.u32());
        } else if (op == 0xFE) {
            AtomicRules.apply(this, r.u32());
        } else {
            throw error("illegal opcode " + Integer.toHexString(op));
        }
    }

    /** An error at the current instruction; the offset is made absolute by {@link #run}. */
    InvalidModuleException error(String reason) {
        return new InvalidModuleException(reason, -1, instrOffset);
    }

    // ---- operand stack ----

    void push(ValType t) {
        if (sp == vals.length) {
            ValType[] grown = new ValType[sp * 2];
            System.arraycopy(vals, 0, grown, 0, sp);
            vals = grown;
        }
        vals[sp++] = t;
        if (sp > maxSp) {
            maxSp = sp;
        }
    }

    void pushAll(List<ValType> ts) {
        for (int i = 0, n = ts.size(); i < n; i++) {
            push(ts.get(i));
        }
    }

    /** Pops any value; returns null (the bottom type) in unreachable code with an empty frame. */
    ValType pop() {
        int f = csp - 1;
        if (sp == cHeight[f]) {
            if (cUnreachable[f]) {
                return null;
            }
            throw error("type mismatch");
        }
        return vals[--sp];
    }

    /** Pops a value that must match {@code expected}; returns the actual type (null for bottom). */
    ValType pop(ValType expected) {
        ValType actual = pop();
        if (actual != expected && actual != null && !types.isSubtype(actual, expected)) {
            throw error("type mismatch");
        }
        return actual;
    }

    /** Pops a reference of any type; returns null for bottom. */
    ValType popRef() {
        ValType actual = pop();
        if (actual != null && !actual.isReference()) {
            throw error("type mismatch");
        }
        return actual;
    }

    /** Pops values matching {@code ts} (last on top). */
    void popAll(List<ValType> ts) {
        for (int i = ts.size() - 1; i >= 0; i--) {
            ValType expected = ts.get(i);
            int f = csp - 1;
            if (sp == cHeight[f]) {
                if (cUnreachable[f]) {
                    continue;
                }
                throw mismatch("instruction", ts);
            }
            ValType actual = vals[sp - 1];
            if (actual != expected && actual != null && !types.isSubtype(actual, expected)) {
                throw mismatch("instruction", ts);
            }
            sp--;
        }
    }

    /** Pops values matching {@code ts} and pushes {@code ts} back (as br_if and friends do). */
    void popAndRestore(List<ValType> ts) {
        popAll(ts);
        pushAll(ts);
    }

    /**
     * Pops values matching {@code ts} and pushes back the actual types, bottom included: a br_table
     * target must not narrow the operands the next target sees.
     */
    void popAndRestoreActual(List<ValType> ts) {
        int n = ts.size();
        if (scratch.length < n) {
            scratch = new ValType[n];
        }
        for (int i = n - 1; i >= 0; i--) {
            ValType actual = popForList(ts, i);
            scratch[i] = actual;
        }
        for (int i = 0; i < n; i++) {
            push(scratch[i]);
        }
    }

    private ValType popForList(List<ValType> ts, int i) {
        int f = csp - 1;
        if (sp == cHeight[f]) {
            if (cUnreachable[f]) {
                return null;
            }
            throw mismatch("instruction", ts);
        }
        ValType actual = vals[sp - 1];
        if (actual != null && !types.isSubtype(actual, ts.get(i))) {
            throw mismatch("instruction", ts);
        }
        sp--;
        return actual;
    }

    private InvalidModuleException mismatch(String what, List<ValType> required) {
        int base = cHeight[csp - 1];
        int from = Math.max(base, sp - Math.max(required.size(), 1));
        if (what.equals("block")) {
            from = base;
        }
        StringBuilder sb = new StringBuilder("type mismatch: ").append(what).append(" requires ");
        appendTypes(sb, required);
        sb.append(" but stack has [");
        for (int i = from; i < sp; i++) {
            sb.append(i > from ? " " : "").append(vals[i] == null ? "bot" : vals[i].toString());
        }
        return error(sb.append(']').toString());
    }

    private static void appendTypes(StringBuilder sb, List<ValType> ts) {
        sb.append('[');
        for (int i = 0; i < ts.size(); i++) {
            sb.append(i > 0 ? " " : "").append(ts.get(i));
        }
        sb.append(']');
    }

    /** How many values the current frame has on the stack. */
    int available() {
        return sp - cHeight[csp - 1];
    }

    boolean isUnreachable() {
        return cUnreachable[csp - 1];
    }

    /** Marks the rest of the current block unreachable: the stack becomes polymorphic. */
    void setUnreachable() {
        sp = cHeight[csp - 1];
        cUnreachable[csp - 1] = true;
    }

    // ---- control stack ----

    void pushCtrl(int kind, List<ValType> params, List<ValType> results) {
        if (csp == cKind.length) {
            growCtrl();
        }
        cKind[csp] = kind;
        cParams[csp] = params;
        cResults[csp] = results;
        cHeight[csp] = sp;
        cUnreachable[csp] = false;
        cInitHeight[csp] = initSp;
        csp++;
        if (csp > maxCsp) {
            maxCsp = csp;
        }
        pushAll(params);
    }

    private void growCtrl() {
        int n = cKind.length * 2;
        cKind = java.util.Arrays.copyOf(cKind, n);
        cHeight = java.util.Arrays.copyOf(cHeight, n);
        cUnreachable = java.util.Arrays.copyOf(cUnreachable, n);
        cParams = java.util.Arrays.copyOf(cParams, n);
        cResults = java.util.Arrays.copyOf(cResults, n);
        cInitHeight = java.util.Arrays.copyOf(cInitHeight, n);
    }

    /** Checks the current frame's results are on the stack, pops the frame and returns its index. */
    int popCtrl() {
        int f = csp - 1;
        popAll(cResults[f]);
        if (sp != cHeight[f]) {
            throw mismatch("block", cResults[f]);
        }
        resetLocalInits(cInitHeight[f]);
        csp--;
        return f;
    }

    int frameKind(int f) {
        return cKind[f];
    }

    List<ValType> frameParams(int f) {
        return cParams[f];
    }

    List<ValType> frameResults(int f) {
        return cResults[f];
    }

    /** The frame index for label {@code depth}, or throws "unknown label". */
    int labelFrame(int depth) {
        if (depth < 0 || depth >= csp) {
            throw error("unknown label");
        }
        return csp - 1 - depth;
    }

    /** The types a branch to frame {@code f} carries: a loop's parameters, otherwise its results. */
    List<ValType> labelTypes(int f) {
        return cKind[f] == 0x03 ? cParams[f] : cResults[f];
    }

    // ---- locals ----

    ValType local(int index) {
        if (index < 0 || index >= localCount) {
            throw error("unknown local " + index);
        }
        return locals[index];
    }

    boolean isLocalSet(int index) {
        return localSet[index];
    }

    void markLocalSet(int index) {
        if (localSet[index]) {
            return;
        }
        localSet[index] = true;
        if (initSp == initUndo.length) {
            initUndo = java.util.Arrays.copyOf(initUndo, initSp * 2);
        }
        initUndo[initSp++] = index;
    }

    /** Forgets initialisations made inside a block when leaving it (or switching to its else branch). */
    void resetLocalInits(int height) {
        while (initSp > height) {
            localSet[initUndo[--initSp]] = false;
        }
    }

    // ---- block types ----

    /** Reads a block type: returns its function type (params and results). */
    FuncType blockType() {
        int b = r.peek();
        if (b == 0x40) {
            r.u8();
            return EMPTY_BLOCK;
        }
        if (CodeReader.isValTypeStart(b)) {
            // Value types from the reader are interned, so an identity map caches [] -> [t] block types.
            return singleResultBlocks.computeIfAbsent(r.valType(), t -> new FuncType(NONE, single(t)));
        }
        long idx = r.s33();
        FuncType ft = idx < 0 ? null : types.funcTypeOrNull((int) Math.min(idx, Integer.MAX_VALUE));
        if (ft == null) {
            throw error(idx >= types.size() ? "unknown type" : "type mismatch");
        }
        return ft;
    }

    static final FuncType EMPTY_BLOCK = new FuncType(NONE, NONE);

    static List<ValType> single(ValType t) {
        if (t == ValType.I32) {
            return ONE_I32;
        } else if (t == ValType.I64) {
            return ONE_I64;
        } else if (t == ValType.F32) {
            return ONE_F32;
        } else if (t == ValType.F64) {
            return ONE_F64;
        } else if (t == ValType.V128) {
            return ONE_V128;
        }
        return List.of(t);
    }

    // ---- index lookups ----

    FuncType function(int index) {
        FuncType t = mc.functionType(index);
        if (t == null) {
            throw error("unknown function " + index);
        }
        return t;
    }

    dev.jwasm.core.model.TableType table(int index) {
        if (index < 0 || index >= mc.tables.length) {
            throw error("unknown table " + index);
        }
        return mc.tables[index];
    }

    dev.jwasm.core.model.MemoryType memory(int index) {
        if (index < 0 || index >= mc.memories.length) {
            throw error("unknown memory " + index);
        }
        usesMemory = true;
        return mc.memories[index];
    }

    dev.jwasm.core.model.GlobalType global(int index) {
        if (index < 0 || index >= mc.globals.length) {
            throw error("unknown global " + index);
        }
        return mc.globals[index];
    }

    /** The function type of tag {@code index}. */
    FuncType tag(int index) {
        if (index < 0 || index >= mc.tags.length) {
            throw error("unknown tag " + index);
        }
        return funcTypeAt(mc.tags[index].typeIndex());
    }

    ValType elementSegment(int index) {
        if (index < 0 || index >= mc.elementTypes.length) {
            throw error("unknown elem segment " + index);
        }
        return mc.elementTypes[index];
    }

    void dataSegment(int index) {
        if (!mc.hasDataCount) {
            throw error("data count section required");
        }
        if (index < 0 || index >= mc.dataSegments) {
            throw error("unknown data segment " + index);
        }
    }

    void checkTypeIndex(int index) {
        if (index < 0 || index >= types.size()) {
            throw error("unknown type " + index);
        }
    }

    FuncType funcTypeAt(int index) {
        checkTypeIndex(index);
        FuncType ft = types.funcTypeOrNull(index);
        if (ft == null) {
            throw error("type mismatch");
        }
        return ft;
    }

    dev.jwasm.core.model.StructType structType(int index) {
        checkTypeIndex(index);
        if (types.composite(index) instanceof dev.jwasm.core.model.StructType s) {
            return s;
        }
        throw error("type mismatch");
    }

    dev.jwasm.core.model.ArrayType arrayType(int index) {
        checkTypeIndex(index);
        if (types.composite(index) instanceof dev.jwasm.core.model.ArrayType a) {
            return a;
        }
        throw error("type mismatch");
    }
}
