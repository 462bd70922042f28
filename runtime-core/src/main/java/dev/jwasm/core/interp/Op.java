package dev.jwasm.core.interp;

/**
 * Opcodes of the interpreter's lowered code, the one place that numbers them.
 *
 * <p>The dispatch loop's own instructions ({@link Interpreter}'s switch keys) are numbered in order of
 * dynamic frequency over the yardstick programs (fib, matmul, sieve, sha256, nbody, counted with a temporary
 * counter), {@link #STRIDE} apart. Frequency order matters before C2's code arrives: C1 compiles a switch into
 * compares in ascending key order, one per key range, so the most frequent keys are found first, and its
 * profiling code tests every key per dispatch (of a {@code lookupswitch}; of a {@code tableswitch}, every
 * value of its range), so the loop's cold instructions stay out of the key set. Everything else is numbered
 * above the hot keys: wasm's single-byte instructions as {@link #WASM} + byte, 0xFC-prefixed ones as {@link
 * #MISC_BASE} + subopcode, and the interpreter's own cold variants from {@link #COLD}. Loads and stores that
 * behave alike on the value stack share one opcode (f32.load is i32.load, i64.store8 is i32.store8).
 *
 * <p>Immediates follow each opcode in the {@code int[]}; branch targets are code positions and every branch
 * carries {@code keep} (values moved) and {@code drop} (slots discarded under them).
 */
final class Op {
    private Op() {
    }

    /**
     * The distance between hot keys. Keys this sparse keep C2 from compiling the loop's switch into a jump
     * table (it does not when there are more than {@code MaxJumpTableSparseness}, 5, values per key range, and
     * each key is followed by a range of gaps); it makes a search tree weighted by the switch profile instead,
     * whose conditional branches predict far better than the one shared indirect jump. Keys 1 apart (a dense
     * jump table): CPU time of nbody 2.2 to 3.3 s, sieve 1.5 to 1.9 s (see package-info).
     */
    static final int STRIDE = 16;

    // ---- hot: the dispatch loop's switch keys, most frequent first ----

    // Fall-through fusions (*_C, *_L, *_LC, *_LL, LOCAL_GET_TEE, LOCAL_COPY2): a push (i32.const, i64.const or
    // local.get, with its immediates) or a copy followed by an instruction (with its immediates). The fused case
    // pushes, then falls through into the instruction's own case, which sits right below it in the dispatch
    // loop: one dispatch saved, no code duplicated.

    /** I32_CONST value (also f32 bits). */
    static final int I32_CONST = 0 * STRIDE;
    /** LOCAL_* index (frame relative). */
    static final int LOCAL_GET = 1 * STRIDE;
    /** I64_LOAD_LC a c offset: i64.load (or f64.load) at address (local a + c). */
    static final int I64_LOAD_LC = 2 * STRIDE;
    static final int LOCAL_SET = 3 * STRIDE;
    static final int LOCAL_TEE = 4 * STRIDE;
    /**
     * LOOP cost osrOffset: loop header, counts back-edges and charges fuel; osrOffset is the loop's wasm byte
     * offset when on-stack replacement may enter here (empty operand stack), else -1.
     */
    static final int LOOP = 5 * STRIDE;
    /** I32_ADD_LC_TEE a c d: like I32_ADD_LC_SET, also pushes the sum. */
    static final int I32_ADD_LC_TEE = 6 * STRIDE;
    static final int F64_MUL = 7 * STRIDE;
    /** Loads and stores on memory 0 (32-bit): op offset. I64_LOAD is also f64.load. */
    static final int I64_LOAD = 8 * STRIDE;
    /** Also f64.store. */
    static final int I64_STORE = 9 * STRIDE;
    static final int I32_ADD = 10 * STRIDE;
    /** I32_ADD_LL a b: pushes local a + local b. */
    static final int I32_ADD_LL = 11 * STRIDE;
    static final int F64_ADD = 12 * STRIDE;
    /** LOCAL_GET2 a b: pushes two locals. */
    static final int LOCAL_GET2 = 13 * STRIDE;
    static final int I32_XOR = 14 * STRIDE;
    /** I32_ADD_LL_SET a b d: local d = local a + local b (I32_ADD_LL then LOCAL_SET). */
    static final int I32_ADD_LL_SET = 15 * STRIDE;
    static final int I64_ADD_C = 16 * STRIDE;
    static final int BR_IF_NE = 17 * STRIDE;
    /** I32_ROTL_LC a c / I32_SHR_U_LC a c: local.get a fused into I32_ROTL_C c / I32_SHR_U_C c. */
    static final int I32_ROTL_LC = 18 * STRIDE;
    static final int F64_SUB = 19 * STRIDE;
    /** I32_ADD_LC_SET a c d: local d = local a + c (I32_ADD_LOCAL_CONST then LOCAL_SET). */
    static final int I32_ADD_LC_SET = 20 * STRIDE;
    /** I64_CONST low high (also f64 bits). */
    static final int I64_CONST = 21 * STRIDE;
    /** F64_ADD_LL a b / F64_MUL_LL a b: two local.get fused into f64.add / f64.mul (falls through F64_*_L). */
    static final int F64_MUL_LL = 22 * STRIDE;
    /** I32_ADD_LL_TEE a b d: like I32_ADD_LL_SET, also pushes the sum. */
    static final int I32_ADD_LL_TEE = 23 * STRIDE;
    /** LOCAL_GET_TEE a b: local.get a then local.tee b (falls through LOCAL_TEE). */
    static final int LOCAL_GET_TEE = 24 * STRIDE;
    /** See I32_ROTL_LC. */
    static final int I32_SHR_U_LC = 25 * STRIDE;
    /**
     * I32_LOAD_LC a c offset: i32.load at address (local a + c), the add wrapping at 32 bits; also local.get
     * then i32.load with c = 0. The *_LOAD_LC ops push the address and fall through into the plain load, so
     * the loop keeps one inlined memory access per load kind.
     */
    static final int I32_LOAD_LC = 26 * STRIDE;
    static final int F64_ADD_L = 27 * STRIDE;
    /** BR_IF_LE_U_L a target: local.get a fused into BR_IF_LE_U. */
    static final int BR_IF_LE_U_L = 28 * STRIDE;
    static final int I32_AND = 29 * STRIDE;
    /** I32_ADD_LOCAL_CONST a c: pushes local a + c (also local - c with c negated). */
    static final int I32_ADD_LOCAL_CONST = 30 * STRIDE;
    /** F64_ADD_STORE offset: f64.add then f64.store (falls through I64_STORE). */
    static final int F64_ADD_STORE = 31 * STRIDE;
    /** LOCAL_TEE_F64_MUL d: local.tee d then f64.mul. */
    static final int LOCAL_TEE_F64_MUL = 32 * STRIDE;
    /** LOCAL_GET_I32_CONST a c: pushes a local and a constant. */
    static final int LOCAL_GET_I32_CONST = 33 * STRIDE;
    static final int F64_MUL_L = 34 * STRIDE;
    static final int I32_STORE8_C = 35 * STRIDE;
    static final int I32_AND_C = 36 * STRIDE;
    /** LOCAL_COPY2 a b c d: two LOCAL_COPY (falls through the second). */
    static final int LOCAL_COPY2 = 37 * STRIDE;
    static final int BR_IF_GT_U = 38 * STRIDE;
    static final int BR_IF_LT_U = 39 * STRIDE;
    static final int RETURN = 40 * STRIDE;
    /** CALL funcIndex. */
    static final int CALL = 41 * STRIDE;
    static final int I32_OR = 42 * STRIDE;
    static final int SELECT = 43 * STRIDE;
    static final int I32_ROTL_C = 44 * STRIDE;
    /** F64_MUL_C low high: f64.const then f64.mul. */
    static final int F64_MUL_C = 45 * STRIDE;
    /** Also f32.store and i64.store32. */
    static final int I32_STORE = 46 * STRIDE;
    /** Also f32.load and i64.load32_s. */
    static final int I32_LOAD = 47 * STRIDE;
    static final int I64_XOR = 48 * STRIDE;
    /** LOCAL_COPY from to: local.get then local.set. */
    static final int LOCAL_COPY = 49 * STRIDE;
    static final int I32_XOR_C = 50 * STRIDE;
    static final int I64_MUL_C = 51 * STRIDE;
    /** U8_LOAD_LC a c offset: i32.load8_u at address (local a + c). */
    static final int U8_LOAD_LC = 52 * STRIDE;
    static final int I32_EQZ = 53 * STRIDE;
    static final int I64_ADD = 54 * STRIDE;
    static final int I32_SHL = 55 * STRIDE;
    /** BR_IF_SIMPLE target: a conditional branch that moves no values. */
    static final int BR_IF_SIMPLE = 56 * STRIDE;
    static final int F64_DIV = 57 * STRIDE;
    static final int F64_SQRT = 58 * STRIDE;
    /** BR_IF_EQZ..BR_IF_GE_U target: an i32 comparison fused with a non-adjusting br_if. */
    static final int BR_IF_EQZ = 59 * STRIDE;
    static final int I32_ADD_C = 60 * STRIDE;
    static final int I32_SHR_U = 61 * STRIDE;
    static final int I32_SHL_C = 62 * STRIDE;
    static final int I32_SHR_U_C = 63 * STRIDE;
    static final int I64_SHL_C = 64 * STRIDE;
    static final int I64_SHR_U_C = 65 * STRIDE;
    static final int BR_IF_EQ = 66 * STRIDE;
    static final int I32_MUL_C = 67 * STRIDE;
    static final int GLOBAL_SET = 68 * STRIDE;
    static final int I32_SUB = 69 * STRIDE;
    static final int I32_SUB_C = 70 * STRIDE;
    static final int GLOBAL_GET = 71 * STRIDE;
    static final int I32_MUL = 72 * STRIDE;
    /** Also i64.load8_u. */
    static final int U8_LOAD = 73 * STRIDE;
    /** GOTO target: a branch that moves no values. */
    static final int GOTO = 74 * STRIDE;
    /** Also i64.store8. */
    static final int I32_STORE8 = 75 * STRIDE;
    static final int DROP = 76 * STRIDE;
    static final int BR_IF_GT_S = 77 * STRIDE;
    static final int I32_OR_C = 78 * STRIDE;
    static final int BR_IF_GE_S = 79 * STRIDE;
    static final int BR_IF_GE_U = 80 * STRIDE;
    static final int BR_IF_LT_S = 81 * STRIDE;
    /** BR_TABLE n (target keep drop)*(n+1). */
    static final int BR_TABLE = 82 * STRIDE;
    static final int BR_IF_LE_U = 83 * STRIDE;
    static final int I32_STORE_C = 84 * STRIDE;
    /** CALL_INDIRECT typeId table is64. */
    static final int CALL_INDIRECT = 85 * STRIDE;
    static final int I32_SHR_S_C = 86 * STRIDE;
    static final int BR_IF_LE_S = 87 * STRIDE;
    /** See F64_MUL_LL. */
    static final int F64_ADD_LL = 88 * STRIDE;
    static final int I64_MUL = 89 * STRIDE;
    static final int I32_ROTL = 90 * STRIDE;
    /** IF target: pops i32, jumps to target when zero. */
    static final int IF = 91 * STRIDE;
    static final int I64_SHR_U = 92 * STRIDE;
    /** CALL_REF (no immediates). */
    static final int CALL_REF = 93 * STRIDE;
    static final int RETURN_CALL_INDIRECT = 94 * STRIDE;
    static final int RETURN_CALL_REF = 95 * STRIDE;
    static final int RETURN_CALL = 96 * STRIDE;
    static final int I32_SHR_S = 97 * STRIDE;
    static final int I64_SHL = 98 * STRIDE;
    /** The number of hot opcodes. */
    static final int HOT_COUNT = 99;

    // ---- cold: ColdDispatch ----

    /** Wasm's single-byte instruction b, when not hot, is WASM + b. */
    static final int WASM = 0x800;
    static final int UNREACHABLE = WASM;
    /** BR target keep drop. */
    static final int BR = WASM + 0x0C;
    /** BR_IF target keep drop. */
    static final int BR_IF = WASM + 0x0D;
    /** TABLE_GET/SET table. */
    static final int TABLE_GET = WASM + 0x25;
    static final int TABLE_SET = WASM + 0x26;
    /** MEMORY_SIZE/GROW memIndex. */
    static final int MEMORY_SIZE = WASM + 0x3F;
    static final int MEMORY_GROW = WASM + 0x40;
    /** The unfused i32 comparisons after eqz, eq to ge_u, in wasm's order. */
    static final int I32_EQ = WASM + 0x46;
    static final int I32_GE_U = WASM + 0x4F;
    static final int I32_ROTR = WASM + 0x78;
    static final int I64_AND = WASM + 0x83;
    static final int REF_NULL = WASM + 0xD0;
    static final int REF_IS_NULL = WASM + 0xD1;
    /** REF_FUNC funcIndex. */
    static final int REF_FUNC = WASM + 0xD2;
    static final int REF_EQ = WASM + 0xD3;
    static final int REF_AS_NON_NULL = WASM + 0xD4;
    /** BR_ON_NULL / BR_ON_NON_NULL target keep drop. */
    static final int BR_ON_NULL = WASM + 0xD5;
    static final int BR_ON_NON_NULL = WASM + 0xD6;
    /** 0xFC xx is lowered to MISC_BASE + xx. */
    static final int MISC_BASE = 0x900;

    /** The interpreter's own cold variants. */
    static final int COLD = 0x920;
    static final int SELECT_REF = COLD;
    static final int LOCAL_GET_REF = COLD + 1;
    static final int LOCAL_SET_REF = COLD + 2;
    static final int LOCAL_TEE_REF = COLD + 3;
    static final int GLOBAL_GET_REF = COLD + 4;
    static final int GLOBAL_SET_REF = COLD + 5;
    /** MEM_GENERIC wasmOpcode memIndex offsetLow offsetHigh: loads/stores on other or 64-bit memories. */
    static final int MEM_GENERIC = COLD + 6;
    static final int I32_ROTR_C = COLD + 7;
    static final int I64_AND_C = COLD + 8;
    static final int I64_XOR_C = COLD + 9;
    /** IF_CMP + (cmp - 0x45) target: an i32 comparison fused with if (jumps when the comparison is false). */
    static final int IF_CMP = COLD + 10;

    /** The lowered opcode of each single-byte wasm instruction the lowerer emits as is. */
    private static final int[] FROM_WASM = new int[256];
    /** The BR_IF_* fusion of each i32 comparison, eqz to ge_u in wasm's order. */
    private static final int[] BR_IF_CMP = {BR_IF_EQZ, BR_IF_EQ, BR_IF_NE, BR_IF_LT_S, BR_IF_LT_U, BR_IF_GT_S,
        BR_IF_GT_U, BR_IF_LE_S, BR_IF_LE_U, BR_IF_GE_S, BR_IF_GE_U};

    static {
        for (int b = 0; b < FROM_WASM.length; b++) {
            FROM_WASM[b] = WASM + b;
        }
        int[] hot = {
            0x10, CALL, 0x11, CALL_INDIRECT, 0x12, RETURN_CALL, 0x13, RETURN_CALL_INDIRECT, 0x14, CALL_REF,
            0x15, RETURN_CALL_REF, 0x20, LOCAL_GET, 0x21, LOCAL_SET, 0x22, LOCAL_TEE, 0x23, GLOBAL_GET,
            0x24, GLOBAL_SET,
            0x28, I32_LOAD, 0x2A, I32_LOAD, 0x34, I32_LOAD, 0x29, I64_LOAD, 0x2B, I64_LOAD, 0x2D, U8_LOAD,
            0x31, U8_LOAD, 0x36, I32_STORE, 0x38, I32_STORE, 0x3E, I32_STORE, 0x37, I64_STORE, 0x39, I64_STORE,
            0x3A, I32_STORE8, 0x3C, I32_STORE8,
            0x45, I32_EQZ, 0x6A, I32_ADD, 0x6B, I32_SUB, 0x6C, I32_MUL, 0x71, I32_AND, 0x72, I32_OR, 0x73, I32_XOR,
            0x74, I32_SHL, 0x75, I32_SHR_S, 0x76, I32_SHR_U, 0x77, I32_ROTL,
            0x7C, I64_ADD, 0x7E, I64_MUL, 0x85, I64_XOR, 0x86, I64_SHL, 0x88, I64_SHR_U,
            0x9F, F64_SQRT, 0xA0, F64_ADD, 0xA1, F64_SUB, 0xA2, F64_MUL, 0xA3, F64_DIV,
        };
        for (int i = 0; i < hot.length; i += 2) {
            FROM_WASM[hot[i]] = hot[i + 1];
        }
    }

    /** The lowered opcode of single-byte wasm instruction {@code b} (one without special lowering). */
    static int fromWasm(int b) {
        return FROM_WASM[b];
    }

    /** The index (0 for eqz .. 10 for ge_u) of lowered i32 comparison {@code op}, or -1 if it is none. */
    static int i32Comparison(int op) {
        return op == I32_EQZ ? 0 : op >= I32_EQ && op <= I32_GE_U ? op - I32_EQ + 1 : -1;
    }

    /** The BR_IF_* fusion of the i32 comparison with index {@code cmp} (see {@link #i32Comparison}). */
    static int brIfComparison(int cmp) {
        return BR_IF_CMP[cmp];
    }
}
