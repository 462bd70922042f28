package dev.jwasm.jit.emit;

import static org.objectweb.asm.Opcodes.*;

import dev.jwasm.core.interp.CodeReader;
import dev.jwasm.core.model.DecodedModule;
import dev.jwasm.core.model.FuncType;
import dev.jwasm.core.model.FunctionBody;
import dev.jwasm.core.model.MemoryType;
import dev.jwasm.core.model.Opcodes;
import dev.jwasm.core.model.ValType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.tree.MethodNode;

/**
 * Compiles one wasm function into a static JVM method. Wasm locals become typed JVM locals and the wasm
 * operand stack is the JVM operand stack; a type stack of {@link Kinds} tracks it so branches can discard
 * values under their results and float NaNs are canonicalised where their bits become observable. Liveness
 * and fuel costs follow the interpreter's lowerer exactly so a metered run charges the same fuel on both
 * tiers. Control flow, variables and calls are here; numeric,
 * memory and table instructions are in {@link NumericEmitter} and {@link MemoryEmitter}.
 */
public final class FunctionEmitter {
    static final int BLOCK = 0;
    static final int LOOP = 1;
    static final int IF = 2;
    static final int FUNC = 3;
    /**
     * The JVM allows 255 parameter slots; three are the context, the free slot index and the call budget, and
     * a dispatcher (see {@link DispatcherEmitter}) has the function called as well.
     */
    static final int MAX_PARAM_SLOTS = 251;
    private static final int MAX_LOCAL_SLOTS = 65_000;
    /**
     * Bodies larger than this cannot fit the JVM's 64 KiB method limit (every instruction takes at least
     * one byte of bytecode); rejecting them up front keeps a hostile multi-megabyte body from being
     * translated in memory only to fail at the end.
     */
    private static final int MAX_BODY_BYTES = 64 * 1024;
    /**
     * Larger bodies are not split either: compiling one holds its whole translation in memory (tens of
     * bytes per instruction), which a hostile module could make arbitrarily large; they stay interpreted.
     */
    private static final int MAX_SPLIT_BODY_BYTES = 2 * 1024 * 1024;
    private static final int I32_EQZ = 0x45;
    /** {@code -Djwasm.jit.split=false} keeps every function in one method (for comparisons). */
    private static final boolean SPLIT = !"false".equals(System.getProperty("jwasm.jit.split"));
    /** Emission passes for lazy float locals; see {@link #emitWithLazyLocals}. */
    private static final int MAX_LAZY_PASSES = 4;

    /** A control frame. */
    static final class Ctrl {
        final int kind;
        final int base;
        final char[] params;
        final char[] results;
        final boolean liveAtEntry;
        /** Loop: head; others: end. */
        Label label = new Label();
        Label elseLabel;
        int cost;
        int costIndex = -1;
        /** Offset just after this construct's {@code end} (known when splitting, else unbounded). */
        int endOffset = Integer.MAX_VALUE;
        /** In an outlined region, a frame of an enclosing method: the code returned to branch to it, else 0. */
        int exitCode;
        /** For such a stand-in, the enclosing method's frame whose fuel cost its instructions add to. */
        Ctrl real;

        Ctrl(int kind, int base, char[] params, char[] results, boolean liveAtEntry) {
            this.kind = kind;
            this.base = base;
            this.params = params;
            this.results = results;
            this.liveAtEntry = liveAtEntry;
        }

        char[] carried() {
            return kind == LOOP ? params : results;
        }

        Ctrl costTarget() {
            return real != null ? real : this;
        }
    }

    final ClassContext cls;
    final ModulePlan plan;
    final DecodedModule module;
    final MethodVisitor mv;
    final CodeReader in;
    private final int end;
    final int funcIndex;
    final FuncType type;
    final char[] resultKinds;
    final char[] localKinds;
    final int[] localSlots;
    final int ctxSlot;
    final int spSlot;
    /** Where tail-call arguments go: the slot index the function was called with (its adapter's frame). */
    final int rootSlot;
    private final int meteredSlot;
    /**
     * The call budget this function passes to its callees ({@code ExecContext.budget}): the entry method's
     * parameter after its entry took its share; also gives the depth of its frame (see {@link #unwindHandler}).
     */
    final int budgetSlot;
    /** Entry methods that record their frame on entry: the context's depth before, restored when leaving. */
    private final int depthSlot;
    /**
     * Whether the entry method records its frame only when a throwable unwinds through it (see
     * {@link #unwindHandler}). Not for functions with very many locals: with an exception handler, ASM
     * starts a basic block after every store, each with a frame of all locals, so its memory grows with
     * stores times locals (30 000 locals: gigabytes). Those record their frame on entry.
     */
    private final boolean lazyFrame;
    /**
     * With {@code -Djwasm.jit.lineNumbers=true}, each instruction's offset in the module is its line number,
     * so profilers (JFR, async-profiler) attribute samples of generated code to wasm instructions (the
     * offsets {@code wasm-objdump -d} prints). A debugging aid, off by default: the compiled-module cache
     * keeps what was compiled without it, so profile with {@code --no-cache} or through the API.
     */
    private final boolean lineNumbers = Boolean.getBoolean("jwasm.jit.lineNumbers");
    private static final int MAX_LAZY_FRAME_SLOTS = 512;
    /**
     * The most locals a function with flagged float locals may have: flags cost code at entry and at each
     * read, which must not push a function of thousands of locals over the JVM's method size limit.
     */
    private static final int MAX_LOCALS_FOR_FLAGS = 256;
    /** JVM local holding the byte[] of each 32-bit memory, -1 for 64-bit memories. */
    final int[] memSlots;
    final int fnSlot;
    private int nextSlot;
    private final Map<String, Integer> temps = new HashMap<>();
    final CallEmitter calls = new CallEmitter(this);
    /** Splits the function into several methods; null for a function emitted as one method. */
    final Outliner outliner;
    /** Set when this emitter writes an outlined region of the function rather than its entry method. */
    final Region region;
    private final SizeTracker size;
    /** On-stack replacement variant: wasm offset of the loop it starts at, else -1. */
    final int osrLoop;
    /** Loop exit tests emitted as signed comparisons ({@link CountedLoops}). */
    final CountedLoops.LoopExits loopExits;
    /**
     * Whether loops of {@link CountedLoops.LoopExits#guarded} are emitted twice (see {@link #versionedLoop});
     * never in a split function, whose regions would need both copies' bookkeeping.
     */
    private final boolean versionLoops;
    /** Loops emitted twice so far. */
    private int versionedLoops;
    /** In the signed copy of a loop emitted twice: the offset just after its exit comparison, else -1. */
    int guardedExit = -1;
    /** The conditional jump that continues that copy. */
    int guardedJump;
    private final Label osrTarget = new Label();
    private boolean osrTargetPlaced;
    /** Where a self tail call restarts the function: before fuel charging and local initialisation. */
    final Label restart = new Label();
    /** The body of an entry method (after entering the frame), which {@link #unwindHandler} covers. */
    private final Label unwindStart = new Label();
    private final Label unwindEnd = new Label();
    /**
     * Records the function in the context's frames as a trap or stack overflow unwinds through it, at the
     * depth its budget gives: entering only checks the budget, because writing the frame (or a depth) on
     * every call costs more than the call itself in small functions, and the frames are only read for the
     * backtrace of a trap.
     */
    private final Label unwindHandler = new Label();

    char[] types = new char[16];
    int height;
    final List<Ctrl> frames = new ArrayList<>();
    boolean live = true;
    /** A comparison not materialised yet: the JVM jump opcode taken when it is true, or 0. */
    int pendingJump;

    /**
     * Per local: whether it is a lazy float local, which holds unsettled values (see {@link NanCanonicaliser}):
     * a declared (non-parameter) float local that is only ever set to unsettled values, so that loop-carried
     * float arithmetic is not canonicalised on every iteration.
     */
    private final boolean[] lazy;
    /** Lazy locals found to be set to an exact value: the function is emitted again with them exact. */
    private final BitSet demoted;
    /**
     * Per local: the JVM slot of its unsettled flag, or -1. A float local that is not lazy but is set to
     * unsettled values too gets a flag telling whether it holds one (1) or an exact value (0), so that a
     * loop-carried value is canonicalised where its bits could be observed, not on every set (see
     * {@link NanCanonicaliser#ignoresBits}). Only in functions emitted as one method: a region would need
     * the flags passed in and out.
     */
    private final int[] flagSlots;

    private FunctionEmitter(ClassContext cls, int definedIndex, MethodNode node, int osrLoop, BitSet exactLocals,
            Outliner outliner, boolean versionLoops) {
        this.cls = cls;
        this.versionLoops = versionLoops && outliner == null;
        this.osrLoop = osrLoop;
        this.outliner = outliner;
        this.region = null;
        this.size = outliner != null ? new SizeTracker(node) : null;
        this.plan = cls.plan;
        this.module = plan.module;
        this.mv = node;
        this.funcIndex = definedIndex + module.importedFunctionCount();
        this.type = module.functionType(funcIndex);
        FunctionBody body = module.codes().get(definedIndex);
        if (outliner == null && body.codeEnd() - body.codeStart() > MAX_BODY_BYTES) {
            throw new Unsupported("function body over 64 KiB");
        }
        this.in = new CodeReader(module.bytes(), body.codeStart());
        this.end = body.codeEnd();
        this.loopExits = cls.loopExits(definedIndex);
        this.resultKinds = ModulePlan.kinds(type.results());
        int paramCount = type.params().size();
        long localCount = (long) paramCount + body.locals().size();
        if (localCount > MAX_LOCAL_SLOTS) {
            throw new Unsupported("too many locals");
        }
        localKinds = new char[(int) localCount];
        localSlots = new int[(int) localCount];
        lazy = new boolean[(int) localCount];
        demoted = new BitSet();
        int slot = osrLoop >= 0 ? 2 : 0;
        int ctx = osrLoop >= 0 ? 0 : -1;
        for (int i = 0; i < localCount; i++) {
            if (i == paramCount && osrLoop < 0) {
                if (slot > MAX_PARAM_SLOTS) {
                    throw new Unsupported("too many parameters");
                }
                ctx = slot;
                slot += 3;
            }
            ValType t = i < paramCount ? type.params().get(i) : body.locals().get(i - paramCount);
            localKinds[i] = ModulePlan.kind(t);
            lazy[i] = i >= paramCount && (localKinds[i] == 'F' || localKinds[i] == 'D') && !exactLocals.get(i);
            localSlots[i] = slot;
            slot += Kinds.wide(localKinds[i]) ? 2 : 1;
            if (slot > MAX_LOCAL_SLOTS) {
                throw new Unsupported("too many locals");
            }
        }
        if (localCount == paramCount && osrLoop < 0) {
            if (slot > MAX_PARAM_SLOTS) {
                throw new Unsupported("too many parameters");
            }
            ctx = slot;
            slot += 3;
        }
        ctxSlot = ctx;
        spSlot = ctxSlot + 1;
        rootSlot = spSlot;
        meteredSlot = slot++;
        fnSlot = slot++;
        depthSlot = slot++;
        budgetSlot = osrLoop >= 0 ? slot++ : ctxSlot + 2;
        lazyFrame = osrLoop < 0 && slot <= MAX_LAZY_FRAME_SLOTS;
        List<MemoryType> mems = module.allMemories();
        memSlots = new int[mems.size()];
        for (int i = 0; i < memSlots.length; i++) {
            memSlots[i] = mems.get(i).is64() ? -1 : slot++;
        }
        flagSlots = new int[(int) localCount];
        for (int i = 0; i < localCount; i++) {
            boolean flagged = outliner == null && localCount <= MAX_LOCALS_FOR_FLAGS && !lazy[i]
                    && (localKinds[i] == 'F' || localKinds[i] == 'D');
            flagSlots[i] = flagged ? slot++ : -1;
        }
        nextSlot = slot;
    }

    /**
     * An emitter for a region outlined from {@code parent}: a static method {@code (ExecContext ctx, int fp,
     * int root) -> int} of the same class that reads its inputs and the locals it uses from the context's
     * slots at {@code fp} and reports how it was left (see {@link Region}). Locals get JVM slots on first use.
     */
    FunctionEmitter(FunctionEmitter parent, Region region) {
        this.cls = parent.cls;
        this.plan = parent.plan;
        this.module = parent.module;
        this.mv = region.node;
        this.in = parent.in;
        this.end = parent.end;
        this.loopExits = parent.loopExits;
        this.versionLoops = false;
        this.funcIndex = parent.funcIndex;
        this.type = parent.type;
        this.resultKinds = parent.resultKinds;
        this.localKinds = parent.localKinds;
        this.localSlots = new int[localKinds.length];
        Arrays.fill(localSlots, -1);
        // Lazy float locals are decided per function: a demotion found in a region restarts the whole pass.
        this.lazy = parent.lazy;
        this.demoted = parent.demoted;
        this.flagSlots = new int[localKinds.length];
        Arrays.fill(flagSlots, -1);
        this.osrLoop = -1;
        this.outliner = parent.outliner;
        this.region = region;
        this.size = new SizeTracker(region.node);
        ctxSlot = 0;
        rootSlot = 2;
        budgetSlot = 3;
        spSlot = 4;
        meteredSlot = 5;
        fnSlot = 6;
        depthSlot = -1;
        lazyFrame = false;
        int slot = 7;
        memSlots = new int[parent.memSlots.length];
        for (int i = 0; i < memSlots.length; i++) {
            memSlots[i] = parent.memSlots[i] < 0 ? -1 : slot++;
        }
        region.codeSlot = slot++;
        nextSlot = slot;
        for (int i = 0; i < region.standIns; i++) {
            Ctrl p = parent.frames.get(i);
            Ctrl standIn = new Ctrl(p.kind, 0, p.params, p.results, true);
            standIn.exitCode = i + 1;
            standIn.real = p.costTarget();
            standIn.endOffset = p.endOffset;
            frames.add(standIn);
        }
        for (char k : region.inputs) {
            push(k);
        }
    }

    /** The JVM slot of wasm local {@code index}; in a region, allocated (and loaded on entry) on first use. */
    int localSlot(int index) {
        int s = localSlots[index];
        if (s < 0) {
            s = nextSlot;
            nextSlot += Kinds.wide(localKinds[index]) ? 2 : 1;
            if (nextSlot > MAX_LOCAL_SLOTS + 500) {
                throw new Unsupported("too many locals");
            }
            localSlots[index] = s;
            region.use(index);
        }
        return s;
    }

    void markWritten(int index) {
        if (region != null) {
            region.written.set(index);
        }
    }

    /** Bytes of bytecode emitted in this method so far (an upper bound, with a region's entry and exit). */
    int emittedSize() {
        return size.size() + (region != null ? region.glueEstimate() : 0);
    }

    /**
     * A compiled function: its method, the methods of regions outlined from it (empty unless it was too
     * large for one method HotSpot compiles), and whether it tail-calls other functions.
     */
    public record Emitted(MethodNode method, List<MethodNode> regions, boolean tailCallsOthers) {
    }

    /**
     * Emits function {@code definedIndex} as method {@code f<definedIndex>}, split into regions when one
     * method would exceed HotSpot's huge-method limit; throws {@link Unsupported}.
     */
    public static Emitted emit(ClassContext cls, int definedIndex) {
        FuncType t = cls.plan.module.functionType(definedIndex + cls.plan.module.importedFunctionCount());
        return emitSized(cls, definedIndex, "f" + definedIndex, ModulePlan.descriptor(t), -1);
    }

    /**
     * Emits the function as one method if it is under {@link BytecodeSize#PREFERRED_METHOD_LIMIT}, else split
     * with ever smaller budgets until every part is under that size. Failing that, as one method if HotSpot
     * compiles it, else split under the huge-method limit. If no split achieves that either (a single
     * instruction, such as a {@code br_table} with thousands of targets, can be larger), the one method is
     * used when it exists: it runs, but HotSpot interprets it unless the JVM runs with
     * {@code -XX:-DontCompileHugeMethods}.
     */
    private static Emitted emitSized(ClassContext cls, int definedIndex, String name, String desc, int osrLoop) {
        FunctionBody body = cls.plan.module.codes().get(definedIndex);
        Supplier<MethodNode> method = () -> new MethodNode(ASM9, ACC_PUBLIC | ACC_STATIC, name, desc, null, null);
        boolean fitsJvm = body.codeEnd() - body.codeStart() <= MAX_BODY_BYTES;
        // Loop costs of attempts that are not kept are forgotten, so the kept code's indices are dense.
        int costMark = cls.costMark();
        boolean singleCompiles = false;
        if (fitsJvm) {
            FunctionEmitter e = emitWithLazyLocals(cls, definedIndex, osrLoop, method, () -> null, true);
            MethodNode m = (MethodNode) e.mv;
            if (!SPLIT || BytecodeSize.under(m, BytecodeSize.PREFERRED_METHOD_LIMIT)) {
                return e.emitted(m, List.of());
            }
            if (e.versionedLoops > 0) { // loops emitted twice are not worth splitting the function for
                cls.resetCosts(costMark);
                e = emitWithLazyLocals(cls, definedIndex, osrLoop, method, () -> null, false);
                m = (MethodNode) e.mv;
                if (BytecodeSize.under(m, BytecodeSize.PREFERRED_METHOD_LIMIT)) {
                    return e.emitted(m, List.of());
                }
            }
            singleCompiles = BytecodeSize.underHugeLimit(m);
        } else if (!SPLIT) {
            throw new Unsupported("function body over 64 KiB");
        } else if (body.codeEnd() - body.codeStart() > MAX_SPLIT_BODY_BYTES) {
            throw new Unsupported("function body over 2 MiB");
        }
        ConstructMap constructs = new ConstructMap(cls.plan.module, body.codeStart(), body.codeEnd(), osrLoop);
        int results = cls.plan.module.functionType(definedIndex + cls.plan.module.importedFunctionCount())
                .results().size();
        int compilingBudget = 0; // the largest budget whose split HotSpot compiles, if any
        for (int budget = Outliner.INITIAL_BUDGET; budget >= Outliner.SMALLEST_BUDGET; budget /= 2) {
            cls.resetCosts(costMark);
            FunctionEmitter e = split(cls, definedIndex, osrLoop, method, name, budget, constructs, results);
            if (e == null) {
                break;
            }
            if (e.outliner.fits((MethodNode) e.mv, BytecodeSize.PREFERRED_METHOD_LIMIT)) {
                return e.emitted((MethodNode) e.mv, e.outliner.regions());
            }
            if (compilingBudget == 0 && e.outliner.fits((MethodNode) e.mv, BytecodeSize.HUGE_METHOD_LIMIT)) {
                compilingBudget = budget;
            }
        }
        cls.resetCosts(costMark);
        if (singleCompiles || (compilingBudget == 0 && fitsJvm)) {
            FunctionEmitter e = emitWithLazyLocals(cls, definedIndex, osrLoop, method, () -> null, false);
            return e.emitted((MethodNode) e.mv, List.of());
        }
        if (compilingBudget != 0) {
            FunctionEmitter e = split(cls, definedIndex, osrLoop, method, name, compilingBudget, constructs, results);
            return e.emitted((MethodNode) e.mv, e.outliner.regions());
        }
        throw new Unsupported("function cannot be split into methods under "
                + BytecodeSize.HUGE_METHOD_LIMIT + " bytes");
    }

    /** The function split with {@code budget} bytes per method, or null if it nests too deeply to split. */
    private static FunctionEmitter split(ClassContext cls, int definedIndex, int osrLoop, Supplier<MethodNode> method,
            String name, int budget, ConstructMap constructs, int results) {
        try {
            return emitWithLazyLocals(cls, definedIndex, osrLoop, method,
                    () -> new Outliner(name, budget, constructs, results), false);
        } catch (StackOverflowError tooDeep) {
            // Each nested region is a level of recursion here: a hostile body of many megabytes of
            // straight-line code nests thousands. Its state is local to this attempt.
            return null;
        }
    }

    private Emitted emitted(MethodNode node, List<MethodNode> regions) {
        if (osrLoop >= 0 && (!osrTargetPlaced || calls.tailCallsOthers)) {
            throw new Unsupported("loop at " + osrLoop + " cannot be entered");
        }
        return new Emitted(node, regions, calls.tailCallsOthers);
    }

    /**
     * Emits the function with lazy float locals: a pass that finds lazy locals set to an exact value emits
     * the function again with them exact (most functions need one pass). A demoted local can make locals set
     * from it exact in turn, so a hostile chain of locals could take a pass per local: the last pass allowed
     * has no lazy locals at all. Each pass gets a fresh method and outliner (null: one method).
     */
    private static FunctionEmitter emitWithLazyLocals(ClassContext cls, int definedIndex, int osrLoop,
            Supplier<MethodNode> method, Supplier<Outliner> outliner, boolean versionLoops) {
        BitSet exact = new BitSet();
        for (int pass = 1;; pass++) {
            if (pass == MAX_LAZY_PASSES) {
                exact.set(0, MAX_LOCAL_SLOTS + 1);
            }
            int costMark = cls.costMark();
            FunctionEmitter e = new FunctionEmitter(cls, definedIndex, method.get(), osrLoop, exact, outliner.get(),
                    versionLoops);
            e.run();
            if (e.demoted.isEmpty()) {
                return e;
            }
            exact.or(e.demoted);
            cls.resetCosts(costMark);
        }
    }

    /**
     * Emits {@code o<definedIndex>_<loopOffset>(ExecContext ctx, int fp)}: the function entered at the start
     * of the loop at wasm offset {@code loopOffset}, with the locals of an interpreted activation read from
     * the context's slots at {@code fp} and all results written back there. It does not enter or leave the
     * guest frame: the interpreter's activation continues in it. Throws {@link Unsupported} if the loop has
     * values on the operand stack, or the function tail-calls other functions.
     */
    public static Emitted emitOsr(ClassContext cls, int definedIndex, int loopOffset) {
        if (cls.plan.isTailCalling(definedIndex)) {
            throw new Unsupported("tail calls to other functions");
        }
        return emitSized(cls, definedIndex, "o" + definedIndex + "_" + loopOffset, "(" + Names.CTX_D + "I)V",
                loopOffset);
    }

    // ---- type stack ----

    void push(char k) {
        if (height == types.length) {
            types = Arrays.copyOf(types, height * 2);
        }
        types[height++] = k;
    }

    char pop() {
        return types[--height];
    }

    char peek(int depthFromTop) {
        return types[height - 1 - depthFromTop];
    }

    // ---- emission helpers ----

    void invokeStatic(String owner, String name, String desc) {
        mv.visitMethodInsn(INVOKESTATIC, owner, name, desc, false);
    }

    void rt(String name, String desc) {
        invokeStatic(Names.RT, name, desc);
    }

    void loadCtx() {
        mv.visitVarInsn(ALOAD, ctxSlot);
    }

    static int loadOp(char k) {
        return Kinds.load(k);
    }

    static int storeOp(char k) {
        return Kinds.store(k);
    }

    void popValue(char k) {
        mv.visitInsn(Kinds.wide(k) ? POP2 : POP);
    }

    /** A scratch local for the {@code i}-th value of kind {@code k} of a stack shuffle. */
    int temp(char k, int i) {
        return temps.computeIfAbsent(k + ":" + i, key -> {
            int s = nextSlot;
            nextSlot += Kinds.wide(k) ? 2 : 1;
            if (nextSlot > MAX_LOCAL_SLOTS + 500) {
                throw new Unsupported("too many locals");
            }
            return s;
        });
    }

    /** Pushes {@code ctx, sp + i}: the address of context slot {@code i} of this frame's free area. */
    void slotAddress(int i) {
        loadCtx();
        mv.visitVarInsn(ILOAD, spSlot);
        if (i != 0) {
            Ints.push(mv, i);
            mv.visitInsn(IADD);
        }
    }

    /** Replaces the top {@code n} values by themselves with every i32 widened to an unsigned i64. */
    void widenTop(int n) {
        boolean any = false;
        for (int i = 0; i < n; i++) {
            any |= peek(i) == 'I';
        }
        if (!any) {
            return;
        }
        if (n == 1) {
            widenInt();
            types[height - 1] = 'J';
            return;
        }
        for (int i = 0; i < n; i++) {
            char k = peek(i);
            mv.visitVarInsn(storeOp(k), temp(k, i));
        }
        for (int i = n - 1; i >= 0; i--) {
            char k = types[height - 1 - i];
            mv.visitVarInsn(loadOp(k), temp(k, i));
            if (k == 'I') {
                widenInt();
                types[height - 1 - i] = 'J';
            }
        }
    }

    private void widenInt() {
        mv.visitInsn(I2L);
        mv.visitLdcInsn(0xFFFF_FFFFL);
        mv.visitInsn(LAND);
    }

    void reloadMemories() {
        reloadMemories(mv);
    }

    void reloadMemories(MethodVisitor v) {
        for (int i = 0; i < memSlots.length; i++) {
            if (memSlots[i] >= 0) {
                cls.memory(v, i);
                v.visitMethodInsn(INVOKEVIRTUAL, Names.MEM, "buffer", "()[B", false);
                v.visitVarInsn(ASTORE, memSlots[i]);
            }
        }
    }

    // ---- driver ----

    private void run() {
        mv.visitCode();
        int entryCost = prologue();
        Ctrl fn = new Ctrl(FUNC, 0, new char[0], resultKinds, true);
        fn.endOffset = end;
        frames.add(fn);
        instructions();
        cls.setCost(entryCost, fn.cost);
        if (lazyFrame) {
            mv.visitLabel(unwindEnd);
            mv.visitLabel(unwindHandler);
            loadCtx();
            cls.function(mv, funcIndex);
            mv.visitVarInsn(ILOAD, budgetSlot);
            mv.visitMethodInsn(INVOKEVIRTUAL, Names.CTX, "unwound", "(" + Names.WASM_FUNC_D + "I)V", false);
            mv.visitInsn(ATHROW);
        }
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    /** Emits instructions until the function ends, or this region does. */
    private void instructions() {
        while (!frames.isEmpty() && in.pos() < end && !(region != null && region.isDone(this))) {
            if (outliner != null && live && pendingJump == 0 && outliner.startsRun(this)) {
                outliner.outlineRun(this);
                continue;
            }
            step();
        }
    }

    /** Emits the next instruction. */
    private void step() {
        if (lineNumbers && live) {
            Label line = new Label();
            mv.visitLabel(line);
            mv.visitLineNumber(in.pos(), line);
        }
        int op = in.u8();
        if (live) {
            costFrame().cost++;
        }
        if (live || isStructural(op)) {
            instruction(op);
        } else {
            Immediates.skip(in, op);
        }
    }

    /**
     * Emits the region: from the construct {@code op} at {@code offset} with block type {@code bt} to its
     * {@code end} if {@code op} is not 0, else (a run of straight-line code) until the end of the enclosing
     * construct or the OSR loop. Its inputs are on the type stack already.
     */
    void runRegion(int op, int offset, char[][] bt) {
        mv.visitCode();
        if (op != 0) {
            openFrame(op, offset, bt);
        }
        instructions();
        if (pendingJump != 0) {
            materialize();
        }
        region.liveAtStop = live;
        if (live) {
            region.valueSlots = Math.max(region.valueSlots, height);
            region.stopKinds = Arrays.copyOf(types, height);
            for (int i = height - 1; i >= 0; i--) {
                char k = pop();
                fpAddress(mv, i);
                rt("put" + Kinds.exact(k), "(" + Names.desc(k) + Names.CTX_D + "I)V");
            }
            mv.visitInsn(ICONST_0);
        }
        region.emitCommonExit(this);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        region.node.instructions.insert(regionPrologue());
    }

    /** Pushes {@code ctx, root + i}: the slots of tail-call arguments and of values carried out of regions. */
    void rootAddress(int i) {
        loadCtx();
        mv.visitVarInsn(ILOAD, rootSlot);
        if (i != 0) {
            Ints.push(mv, i);
            mv.visitInsn(IADD);
        }
    }

    /** Pushes {@code ctx, fp + i}: the address of slot {@code i} of a region's frame. */
    void fpAddress(MethodVisitor v, int i) {
        v.visitVarInsn(ALOAD, ctxSlot);
        v.visitVarInsn(ILOAD, Region.FP_SLOT);
        if (i != 0) {
            Ints.push(v, i);
            v.visitInsn(IADD);
        }
    }

    /** Reads the region's inputs (onto the stack) and the locals it uses; emitted last, inserted first. */
    private org.objectweb.asm.tree.InsnList regionPrologue() {
        MethodNode p = new MethodNode();
        p.visitVarInsn(ILOAD, Region.FP_SLOT);
        Ints.push(p, region.valueSlots + region.used.size());
        p.visitInsn(IADD);
        p.visitVarInsn(ISTORE, spSlot);
        for (int i = 0; i < region.inputs.length; i++) {
            char k = region.inputs[i];
            fpAddress(p, i);
            p.visitMethodInsn(INVOKESTATIC, Names.RT, "get" + Kinds.exact(k), "(" + Names.CTX_D + "I)" + Names.desc(k), false);
        }
        for (int j = 0; j < region.used.size(); j++) {
            int local = region.used.get(j);
            char k = localKinds[local];
            fpAddress(p, region.valueSlots + j);
            p.visitMethodInsn(INVOKESTATIC, Names.RT, "get" + Kinds.exact(k), "(" + Names.CTX_D + "I)" + Names.desc(k), false);
            p.visitVarInsn(storeOp(k), localSlots[local]);
        }
        meteredFromBudget(p);
        p.visitInsn(ACONST_NULL);
        p.visitVarInsn(ASTORE, fnSlot);
        reloadMemories(p);
        return p.instructions;
    }

    /**
     * Leaves a region for the enclosing method's frame {@code f}: its carried values go to the exit slots
     * at {@code root}, the rest of the stack is dropped, and the common exit stores the written locals.
     */
    private void exit(Ctrl f) {
        char[] carried = f.carried();
        for (int i = carried.length - 1; i >= 0; i--) {
            char k = peek(carried.length - 1 - i);
            rootAddress(i);
            rt("put" + Kinds.exact(k), "(" + Names.desc(k) + Names.CTX_D + "I)V");
        }
        for (int i = carried.length; i < height; i++) {
            popValue(peek(i));
        }
        Ints.push(mv, f.exitCode);
        mv.visitJumpInsn(GOTO, region.commonExit);
        region.exits.add(f.exitCode);
    }

    /**
     * Ends the method after a tail call to another function was left pending ({@code JitRuntime.setTailCall}):
     * the entry method leaves its guest frame and returns to its adapter's trampoline, a region tells its
     * caller to do so.
     */
    void tailReturn() {
        calls.tailCallsOthers = true;
        if (region != null) {
            region.tailExit = true;
            mv.visitInsn(ICONST_M1);
            mv.visitInsn(IRETURN);
            return;
        }
        restoreDepth();
        if (resultKinds.length == 1) {
            char k = resultKinds[0];
            mv.visitInsn(Kinds.zero(k));
            mv.visitInsn(Kinds.ret(k));
        } else {
            mv.visitInsn(RETURN);
        }
    }

    private static boolean isStructural(int op) {
        return op == Opcodes.BLOCK || op == Opcodes.LOOP || op == Opcodes.IF || op == Opcodes.ELSE
                || op == Opcodes.END;
    }

    private Ctrl costFrame() {
        for (int i = frames.size() - 1; i > 0; i--) {
            if (frames.get(i).kind == LOOP) {
                return frames.get(i).costTarget();
            }
        }
        return frames.get(0).costTarget();
    }

    private int prologue() {
        if (osrLoop < 0) {
            redirectMeteredCall();
            // The frame's share of the budget: one comparison with zero instead of counting the depth.
            Label withinLimit = new Label();
            mv.visitIincInsn(budgetSlot, -2);
            mv.visitVarInsn(ILOAD, budgetSlot);
            mv.visitJumpInsn(IFGE, withinLimit);
            rt("callStackExhausted", "()Ldev/jwasm/api/WasmTrap;");
            mv.visitInsn(ATHROW);
            mv.visitLabel(withinLimit);
        }
        if (lazyFrame) {
            // Any throwable (traps, stack overflows): recording the frame is harmless for the others. First
            // in the exception table, so it must stay the only handler while exception handling is not compiled.
            mv.visitTryCatchBlock(unwindStart, unwindEnd, unwindHandler, "java/lang/Throwable");
            mv.visitLabel(unwindStart);
        } else if (osrLoop < 0) {
            loadCtx();
            cls.function(mv, funcIndex);
            mv.visitVarInsn(ILOAD, budgetSlot);
            mv.visitMethodInsn(INVOKEVIRTUAL, Names.CTX, "enterCompiled", "(" + Names.WASM_FUNC_D + "I)I", false);
            mv.visitVarInsn(ISTORE, depthSlot);
        } else {
            // The interpreter's activation continues here, at the depth it entered.
            loadCtx();
            cls.instance(mv);
            mv.visitMethodInsn(INVOKEVIRTUAL, Names.CTX, "budget", "(" + Names.INST_D + ")I", false);
            mv.visitVarInsn(ISTORE, budgetSlot);
        }
        meteredFromBudget(mv);
        if (osrLoop >= 0) {
            osrPrologue();
        }
        mv.visitLabel(restart);
        int entryCost = cls.newCost();
        meter(entryCost);
        for (int i = type.params().size(); i < localKinds.length; i++) {
            char k = localKinds[i];
            mv.visitInsn(Kinds.zero(k));
            mv.visitVarInsn(storeOp(k), localSlots[i]);
        }
        clearFlags();
        mv.visitInsn(ACONST_NULL);
        mv.visitVarInsn(ASTORE, fnSlot);
        reloadMemories();
        return entryCost;
    }

    /** Whether this activation charges fuel: the budget's low bit, fixed for the activation as in the interpreter. */
    private void meteredFromBudget(MethodVisitor v) {
        v.visitVarInsn(ILOAD, budgetSlot);
        v.visitInsn(ICONST_1);
        v.visitInsn(IAND);
        v.visitVarInsn(ISTORE, meteredSlot);
    }

    /**
     * Leaving an entry method that recorded its frame on entry (without an unwind handler): the context's
     * depth goes back to what it was, as compiled code leaves it.
     */
    private void restoreDepth() {
        if (region == null && osrLoop < 0 && !lazyFrame) {
            loadCtx();
            mv.visitVarInsn(ILOAD, depthSlot);
            mv.visitFieldInsn(PUTFIELD, Names.CTX, "depth", "I");
        }
    }

    /** Takes over the interpreter's locals and jumps to the loop (see {@link #emitOsr}). */
    private void osrPrologue() {
        for (int i = 0; i < localKinds.length; i++) {
            slotAddress(i);
            rt("get" + localKinds[i], "(" + Names.CTX_D + "I)" + Names.desc(localKinds[i]));
            mv.visitVarInsn(storeOp(localKinds[i]), localSlots[i]);
        }
        clearFlags();
        mv.visitInsn(ACONST_NULL);
        mv.visitVarInsn(ASTORE, fnSlot);
        reloadMemories();
        mv.visitJumpInsn(GOTO, osrTarget);
    }

    /** Marks every flagged local exact: parameters and the interpreter's locals are, zeroed locals too. */
    private void clearFlags() {
        for (int s : flagSlots) {
            if (s >= 0) {
                mv.visitInsn(ICONST_0);
                mv.visitVarInsn(ISTORE, s);
            }
        }
    }

    /**
     * In the variant of the code without metering, a call whose budget says it must be metered goes through
     * the function's entry instead, which runs it in the metering variant ({@code CompiledCode}). The check
     * comes before the frame is counted, so the entry counts it as the caller's call. The metering variant
     * folds the check away, as the other variant folds away every {@link #meter}: code that is never metered
     * keeps no fuel calls on paths HotSpot has not seen taken, which cost loops their optimisation.
     */
    private void redirectMeteredCall() {
        Label lean = new Label();
        cls.metering(mv);
        mv.visitJumpInsn(IFNE, lean);
        mv.visitVarInsn(ILOAD, budgetSlot);
        mv.visitInsn(ICONST_1);
        mv.visitInsn(IAND);
        mv.visitJumpInsn(IFEQ, lean);
        for (int i = 0; i < type.params().size(); i++) {
            mv.visitVarInsn(loadOp(localKinds[i]), localSlots[i]);
        }
        cls.function(mv, funcIndex);
        loadCtx();
        mv.visitVarInsn(ILOAD, spSlot);
        mv.visitVarInsn(ILOAD, budgetSlot);
        cls.callOut(mv, module.functionTypeIndex(funcIndex));
        mv.visitInsn(resultKinds.length == 1 ? Kinds.ret(resultKinds[0]) : RETURN);
        mv.visitLabel(lean);
    }

    /** Charges the entry's fuel at {@code costIndex} when metered (only ever in the metering variant). */
    private void meter(int costIndex) {
        Label skip = new Label();
        cls.metering(mv);
        mv.visitJumpInsn(IFEQ, skip);
        mv.visitVarInsn(ILOAD, meteredSlot);
        mv.visitJumpInsn(IFEQ, skip);
        chargeFuel(costIndex);
        mv.visitLabel(skip);
    }

    /**
     * Charges a loop iteration's fuel at {@code costIndex} when metered. The lean variant keeps the test of the
     * activation's metering bit, with {@code JitRuntime.unmeteredLoop} (a no-op) on its taken arm: a loop
     * header HotSpot has profiled gets a never-taken branch, which C2 turns into an uncommon trap, and an
     * unprofiled one loses the branch altogether. Measured, not explained: without it, the C2 code that
     * on-stack replacement compiled for mandelbrot's loop nest (all in one activation of main) ran 1.6 times
     * slower in most whole-process runs (1.05 s instead of 0.65 s), and with a fuel call there instead,
     * lz's steady state lost 8% to loops whose call C2 kept (64.7 ms without, 72.8 with).
     */
    private void meterLoop(int costIndex) {
        Label skip = new Label();
        Label metering = new Label();
        mv.visitVarInsn(ILOAD, meteredSlot);
        mv.visitJumpInsn(IFEQ, skip);
        cls.metering(mv);
        mv.visitJumpInsn(IFNE, metering);
        rt("unmeteredLoop", "()V");
        mv.visitJumpInsn(GOTO, skip);
        mv.visitLabel(metering);
        chargeFuel(costIndex);
        mv.visitLabel(skip);
    }

    private void chargeFuel(int costIndex) {
        loadCtx();
        cls.instance(mv);
        cls.cost(mv, costIndex);
        mv.visitMethodInsn(INVOKEVIRTUAL, Names.CTX, "meter", "(" + Names.INST_D + "I)V", false);
    }

    private void instruction(int op) {
        if (pendingJump != 0) {
            if (op == I32_EQZ) {
                pendingJump = negate(pendingJump);
                return;
            }
            if (op != Opcodes.IF && op != Opcodes.BR_IF && op != Opcodes.SELECT && op != Opcodes.SELECT_T) {
                materialize();
            }
        }
        if (live) {
            NanCanonicaliser.settle(this, NanCanonicaliser.observed(this, op));
        }
        if (op <= 0x1F) {
            control(op);
        } else if (op <= 0x26) {
            variable(op);
        } else if (op <= 0x40) {
            MemoryEmitter.memory(this, op);
        } else if (op <= 0x44) {
            constant(op);
        } else if (op <= 0xC4) {
            NumericEmitter.numeric(this, op);
        } else if (op >= 0xD0 && op <= 0xD6) {
            reference(op);
        } else if (op == Opcodes.PREFIX_MISC) {
            int sub = in.u32();
            if (sub <= 7) {
                NumericEmitter.truncSat(this, sub);
            } else {
                MemoryEmitter.bulk(this, sub);
            }
        } else {
            throw Immediates.unsupported(op);
        }
    }

    // ---- fused comparisons ----

    void materialize() {
        Label yes = new Label();
        Label done = new Label();
        mv.visitJumpInsn(pendingJump, yes);
        pendingJump = 0;
        mv.visitInsn(ICONST_0);
        mv.visitJumpInsn(GOTO, done);
        mv.visitLabel(yes);
        mv.visitInsn(ICONST_1);
        mv.visitLabel(done);
    }

    static int negate(int jumpOp) {
        return switch (jumpOp) {
            case IFEQ -> IFNE;
            case IFNE -> IFEQ;
            case IFLT -> IFGE;
            case IFGE -> IFLT;
            case IFGT -> IFLE;
            case IFLE -> IFGT;
            case IF_ICMPEQ -> IF_ICMPNE;
            case IF_ICMPNE -> IF_ICMPEQ;
            case IF_ICMPLT -> IF_ICMPGE;
            case IF_ICMPGE -> IF_ICMPLT;
            case IF_ICMPGT -> IF_ICMPLE;
            case IF_ICMPLE -> IF_ICMPGT;
            default -> throw new IllegalArgumentException("not a conditional jump: " + jumpOp);
        };
    }

    /** Jumps to {@code target} when the i32 condition on top (or the pending comparison) is true/false. */
    private void conditionalJump(boolean whenTrue, Label target) {
        int op = pendingJump != 0 ? pendingJump : IFNE;
        pendingJump = 0;
        mv.visitJumpInsn(whenTrue ? op : negate(op), target);
    }

    // ---- control ----

    private void control(int op) {
        switch (op) {
            case Opcodes.UNREACHABLE -> {
                rt("unreachable", "()Ldev/jwasm/api/WasmTrap;");
                mv.visitInsn(ATHROW);
                live = false;
            }
            case Opcodes.NOP -> {
            }
            case Opcodes.BLOCK, Opcodes.LOOP, Opcodes.IF -> open(op);
            case Opcodes.ELSE -> elseOp();
            case Opcodes.END -> endOp();
            case Opcodes.BR -> {
                branch(in.u32());
                live = false;
            }
            case Opcodes.BR_IF -> brIf(in.u32());
            case Opcodes.BR_TABLE -> brTable();
            case Opcodes.RETURN -> {
                emitReturn();
                live = false;
            }
            case Opcodes.CALL -> calls.call(in.u32());
            case Opcodes.RETURN_CALL -> {
                calls.returnCall(in.u32());
                live = false;
            }
            case Opcodes.RETURN_CALL_INDIRECT -> {
                int typeIndex = in.u32();
                int table = in.u32();
                char idx = pop();
                cls.table(mv, table);
                cls.typeId(mv, typeIndex);
                rt(idx == 'J' ? "indirect64" : "indirect", "(" + idx + Names.TABLE_D + "I)" + Names.FUNC_D);
                calls.tailCallThrough(module.types().get(typeIndex).funcType());
                live = false;
            }
            case Opcodes.RETURN_CALL_REF -> {
                int typeIndex = in.u32();
                pop();
                rt("callRef", "(" + Names.OBJ_D + ")" + Names.FUNC_D);
                calls.tailCallThrough(module.types().get(typeIndex).funcType());
                live = false;
            }
            case Opcodes.CALL_INDIRECT -> calls.callIndirect(in.u32(), in.u32());
            case Opcodes.CALL_REF -> calls.callRef(in.u32());
            case Opcodes.DROP -> popValue(pop());
            case Opcodes.SELECT -> select();
            case Opcodes.SELECT_T -> {
                int n = in.u32();
                for (int i = 0; i < n; i++) {
                    in.skipValType();
                }
                select();
            }
            default -> throw Immediates.unsupported(op);
        }
    }

    /** Reads a block type: {params, results}. */
    private char[][] blockType() {
        int b = in.peek();
        if (b == 0x40) {
            in.u8();
            return new char[][] {new char[0], new char[0]};
        }
        if (b == 0x7B) {
            throw new Unsupported("SIMD values");
        }
        if (b >= 0x69 && b <= 0x7F) {
            in.u8();
            char k = b == 0x7F ? 'I' : b == 0x7E ? 'J' : b == 0x7D ? 'F' : b == 0x7C ? 'D' : 'A';
            return new char[][] {new char[0], {k}};
        }
        if (b == 0x63 || b == 0x64) {
            in.u8();
            in.s64();
            return new char[][] {new char[0], {'A'}};
        }
        FuncType t = module.types().get((int) in.s64()).funcType();
        return new char[][] {ModulePlan.kinds(t.params()), ModulePlan.kinds(t.results())};
    }

    private void open(int op) {
        int offset = in.pos() - 1;
        char[][] bt = blockType();
        if (!live) {
            int kind = op == Opcodes.LOOP ? LOOP : op == Opcodes.IF ? IF : BLOCK;
            frames.add(new Ctrl(kind, height, bt[0], bt[1], false));
            return;
        }
        if (outliner != null && outliner.outlines(this, offset)) {
            if (pendingJump != 0) {
                materialize();
            }
            outliner.outlineConstruct(this, op, offset, bt);
            return;
        }
        if (op == Opcodes.LOOP && versionedLoop(offset, bt)) {
            return;
        }
        openFrame(op, offset, bt);
    }

    /**
     * Emits a loop of {@link CountedLoops.LoopExits#guarded} twice, if it is one: a copy whose exit test is
     * the signed comparison, which C2 can make a counted loop of, and the loop as written, with a call of
     * {@link dev.jwasm.jit.link.SignedExits#agree} on entry choosing between them. Both copies charge the same
     * fuel. Not for the loop an OSR variant enters (it enters the loop as written) or a loop with parameters.
     */
    private boolean versionedLoop(int offset, char[][] bt) {
        CountedLoops.Guarded g = versionLoops ? loopExits.guarded().get(offset) : null;
        if (g == null || offset == osrLoop || bt[0].length != 0 || guardedExit >= 0) {
            return false;
        }
        versionedLoops++;
        Label asWritten = new Label();
        Label after = new Label();
        Ints.push(mv, g.compareOp());
        mv.visitVarInsn(ILOAD, localSlot(g.local()));
        Ints.push(mv, g.step());
        if (g.boundLocal() >= 0) {
            mv.visitVarInsn(ILOAD, localSlot(g.boundLocal()));
        } else {
            Ints.push(mv, g.boundConstant());
        }
        mv.visitMethodInsn(INVOKESTATIC, Names.SIGNED_EXITS, "agree", "(IIII)Z", false);
        mv.visitJumpInsn(IFEQ, asWritten);
        int bodyAt = in.pos();
        int entryHeight = height;
        char[] entryTypes = Arrays.copyOf(types, height);
        int depth = frames.size();
        guardedExit = g.exitEnd();
        guardedJump = g.jump();
        openFrame(Opcodes.LOOP, offset, bt);
        emitUntilClosed(depth);
        guardedExit = -1;
        if (live) {
            mv.visitJumpInsn(GOTO, after);
        }
        mv.visitLabel(asWritten);
        in.seek(bodyAt);
        height = entryHeight;
        System.arraycopy(entryTypes, 0, types, 0, entryHeight);
        live = true;
        openFrame(Opcodes.LOOP, offset, bt);
        emitUntilClosed(depth);
        mv.visitLabel(after);
        return true;
    }

    /** Emits instructions until the frames are back to {@code depth} (the construct opened last is closed). */
    private void emitUntilClosed(int depth) {
        while (frames.size() > depth && in.pos() < end) {
            step();
        }
    }

    private void openFrame(int op, int offset, char[][] bt) {
        int kind = op == Opcodes.LOOP ? LOOP : op == Opcodes.IF ? IF : BLOCK;
        if (kind == IF) {
            pop();
        }
        Ctrl f = new Ctrl(kind, height - bt[0].length, bt[0], bt[1], true);
        if (outliner != null) {
            f.endOffset = outliner.endOf(offset);
        }
        if (kind == LOOP) {
            if (offset == osrLoop && height == 0 && bt[0].length == 0) {
                f.label = osrTarget;
                osrTargetPlaced = true;
            }
            mv.visitLabel(f.label);
            f.costIndex = cls.newCost();
            meterLoop(f.costIndex);
        } else if (kind == IF) {
            f.elseLabel = new Label();
            conditionalJump(false, f.elseLabel);
        }
        frames.add(f);
    }

    private void elseOp() {
        Ctrl f = frames.get(frames.size() - 1);
        if (!f.liveAtEntry) {
            return;
        }
        if (live) {
            mv.visitJumpInsn(GOTO, f.label);
        }
        mv.visitLabel(f.elseLabel);
        f.elseLabel = null;
        live = true;
        resetTo(f, f.params);
    }

    private void resetTo(Ctrl f, char[] top) {
        height = f.base;
        for (char k : top) {
            push(k);
        }
    }

    private void endOp() {
        Ctrl f = frames.remove(frames.size() - 1);
        if (f.kind == LOOP && f.costIndex >= 0) {
            cls.setCost(f.costIndex, f.cost);
        }
        if (!f.liveAtEntry) {
            live = false;
            return;
        }
        if (f.kind == FUNC) {
            resetTo(f, f.results);
            emitReturn();
            return;
        }
        if (f.elseLabel != null) {
            if (live) {
                mv.visitJumpInsn(GOTO, f.label);
            }
            mv.visitLabel(f.elseLabel);
        }
        if (f.kind != LOOP) {
            mv.visitLabel(f.label);
        }
        resetTo(f, f.results);
        live = true;
    }

    /** Emits a jump to label {@code depth} with its values on top; leaves the type stack unchanged. */
    void branch(int depth) {
        Ctrl f = frames.get(frames.size() - 1 - depth);
        if (f.exitCode > 0) {
            exit(f);
            return;
        }
        if (f.kind == FUNC) {
            emitReturn();
            return;
        }
        char[] carried = f.carried();
        int extras = height - carried.length - f.base;
        if (extras > 0) {
            for (int i = 0; i < carried.length; i++) {
                char k = peek(i);
                mv.visitVarInsn(storeOp(k), temp(k, i));
            }
            for (int i = 0; i < extras; i++) {
                popValue(peek(carried.length + i));
            }
            for (int i = carried.length - 1; i >= 0; i--) {
                char k = peek(i);
                mv.visitVarInsn(loadOp(k), temp(k, i));
            }
        }
        mv.visitJumpInsn(GOTO, f.label);
    }

    private boolean needsShuffle(int depth) {
        Ctrl f = frames.get(frames.size() - 1 - depth);
        return f.kind == FUNC || f.exitCode > 0 || height - f.carried().length - f.base > 0;
    }

    private void brIf(int depth) {
        pop();
        if (!needsShuffle(depth)) {
            conditionalJump(true, frames.get(frames.size() - 1 - depth).label);
            return;
        }
        Label skip = new Label();
        conditionalJump(false, skip);
        branch(depth);
        mv.visitLabel(skip);
    }

    private void brTable() {
        int n = in.u32();
        int[] depths = new int[n + 1];
        for (int i = 0; i <= n; i++) {
            depths[i] = in.u32();
        }
        pop();
        if (n == 0) {
            mv.visitInsn(POP);
            branch(depths[0]);
            live = false;
            return;
        }
        Map<Integer, Label> trampolines = new HashMap<>();
        Label[] labels = new Label[n];
        for (int i = 0; i < n; i++) {
            labels[i] = trampolines.computeIfAbsent(depths[i], d -> new Label());
        }
        Label dflt = trampolines.computeIfAbsent(depths[n], d -> new Label());
        mv.visitTableSwitchInsn(0, n - 1, dflt, labels);
        for (Map.Entry<Integer, Label> e : trampolines.entrySet()) {
            mv.visitLabel(e.getValue());
            branch(e.getKey());
        }
        live = false;
    }

    void emitReturn() {
        if (region != null) {
            exit(frames.get(0));
            return;
        }
        char[] results = resultKinds;
        restoreDepth();
        if (results.length == 1 && osrLoop < 0) {
            mv.visitInsn(Kinds.ret(results[0]));
            return;
        }
        for (int i = results.length - 1; i >= 0; i--) {
            char k = peek(results.length - 1 - i);
            slotAddress(i);
            rt("put" + k, "(" + Names.desc(k) + Names.CTX_D + "I)V");
        }
        mv.visitInsn(RETURN);
    }

    private void select() {
        pop();
        char k = pop();
        if (Kinds.unsettled(k)) {
            types[height - 1] = k;
        }
        Label isFalse = new Label();
        Label done = new Label();
        conditionalJump(false, isFalse);
        popValue(k);
        mv.visitJumpInsn(GOTO, done);
        mv.visitLabel(isFalse);
        if (Kinds.wide(k)) {
            mv.visitInsn(DUP2_X2);
            mv.visitInsn(POP2);
            mv.visitInsn(POP2);
        } else {
            mv.visitInsn(SWAP);
            mv.visitInsn(POP);
        }
        mv.visitLabel(done);
    }

    // ---- variables, constants, references ----

    private void variable(int op) {
        int index = in.u32();
        switch (op) {
            case Opcodes.LOCAL_GET -> {
                mv.visitVarInsn(loadOp(localKinds[index]), localSlot(index));
                if (flagSlots[index] >= 0) {
                    getFlagged(index);
                } else {
                    push(lazy[index] ? Kinds.unsettledOf(localKinds[index]) : localKinds[index]);
                }
            }
            case Opcodes.LOCAL_SET -> {
                beforeLocalSet(index);
                mv.visitVarInsn(storeOp(pop()), localSlot(index));
                markWritten(index);
            }
            case Opcodes.LOCAL_TEE -> {
                beforeLocalSet(index);
                mv.visitInsn(Kinds.wide(peek(0)) ? DUP2 : DUP);
                mv.visitVarInsn(storeOp(peek(0)), localSlot(index));
                markWritten(index);
            }
            case Opcodes.GLOBAL_GET -> globalGet(index);
            case Opcodes.GLOBAL_SET -> {
                char k = pop();
                cls.global(mv, index);
                rt("setGlobal" + k, "(" + Names.desc(k) + Names.GLOBAL_D + ")V");
            }
            default -> MemoryEmitter.tableAccess(this, op, index);
        }
    }

    /**
     * A lazy local takes an unsettled value as it is; a flagged one too, recording whether it is unsettled;
     * any other local needs it canonicalised.
     */
    private void beforeLocalSet(int index) {
        if (flagSlots[index] >= 0) {
            mv.visitInsn(Kinds.unsettled(peek(0)) ? ICONST_1 : ICONST_0);
            mv.visitVarInsn(ISTORE, flagSlots[index]);
        } else if (!lazy[index]) {
            NanCanonicaliser.settle(this, 1);
        } else if (!Kinds.unsettled(peek(0))) {
            demoted.set(index);
        }
    }

    /**
     * Pushes the value of flagged local {@code index} (loaded on the JVM stack): as unsettled when the
     * instruction consuming it ignores a NaN's bits, else exact, canonicalised here if its flag is set.
     */
    private void getFlagged(int index) {
        char k = localKinds[index];
        if (NanCanonicaliser.ignoresBits(module.bytes(), in.pos(), end)) {
            push(Kinds.unsettledOf(k));
            return;
        }
        Label exact = new Label();
        mv.visitVarInsn(ILOAD, flagSlots[index]);
        mv.visitJumpInsn(IFEQ, exact);
        invokeStatic("dev/jwasm/jit/link/FloatOps", "canonical", k == 'F' ? "(F)F" : "(D)D");
        mv.visitLabel(exact);
        push(k);
    }

    private void globalGet(int index) {
        char k = ModulePlan.kind(module.allGlobals().get(index).valType());
        cls.global(mv, index);
        if (k == 'A') {
            mv.visitFieldInsn(GETFIELD, Names.GLOBAL, "ref", Names.OBJ_D);
        } else {
            mv.visitFieldInsn(GETFIELD, Names.GLOBAL, "bits", "J");
            if (k == 'I' || k == 'F') {
                mv.visitInsn(L2I);
            }
            if (k == 'F') {
                invokeStatic("java/lang/Float", "intBitsToFloat", "(I)F");
            } else if (k == 'D') {
                invokeStatic("java/lang/Double", "longBitsToDouble", "(J)D");
            }
        }
        push(k);
    }

    private void constant(int op) {
        switch (op) {
            case Opcodes.I32_CONST -> {
                Ints.push(mv, in.s32());
                push('I');
            }
            case Opcodes.I64_CONST -> {
                Ints.push(mv, in.s64());
                push('J');
            }
            // A constant that is not a NaN is trivially unsettled: canonicalising it changes nothing.
            case Opcodes.F32_CONST -> {
                int bits = in.fixed32();
                Ints.pushFloat(mv, bits);
                push(Float.isNaN(Float.intBitsToFloat(bits)) ? 'F' : 'f');
            }
            default -> {
                long bits = in.fixed64();
                Ints.pushDouble(mv, bits);
                push(Double.isNaN(Double.longBitsToDouble(bits)) ? 'D' : 'd');
            }
        }
    }

    private void reference(int op) {
        switch (op) {
            case Opcodes.REF_NULL -> {
                in.s64();
                mv.visitInsn(ACONST_NULL);
                push('A');
            }
            case Opcodes.REF_IS_NULL -> {
                pop();
                rt("isNull", "(" + Names.OBJ_D + ")I");
                push('I');
            }
            case Opcodes.REF_FUNC -> {
                cls.function(mv, in.u32());
                push('A');
            }
            case Opcodes.REF_EQ -> {
                height -= 2;
                rt("refEq", "(" + Names.OBJ_D + Names.OBJ_D + ")I");
                push('I');
            }
            case Opcodes.REF_AS_NON_NULL -> rt("asNonNull", "(" + Names.OBJ_D + ")" + Names.OBJ_D);
            case Opcodes.BR_ON_NULL -> {
                int depth = in.u32();
                Label nonNull = new Label();
                mv.visitInsn(DUP);
                mv.visitJumpInsn(IFNONNULL, nonNull);
                mv.visitInsn(POP);
                pop();
                branch(depth);
                push('A');
                mv.visitLabel(nonNull);
            }
            default -> {
                int depth = in.u32();
                Label isNull = new Label();
                mv.visitInsn(DUP);
                mv.visitJumpInsn(IFNULL, isNull);
                branch(depth);
                mv.visitLabel(isNull);
                mv.visitInsn(POP);
                pop();
            }
        }
    }
}
