package dev.jwasm.core.interp;

/**
 * Opcodes of the interpreter's lowered code. Wasm's single-byte opcodes keep their values (numeric
 * instructions, loads and stores on memory 0 have the same encoding minus immediates); 0xFC-prefixed ones
 * are mapped to {@code 0xE0 + subopcode}; variants the interpreter adds start at 0x100.
 *
 * <p>Immediates follow each opcode in the {@code int[]}; branch targets are code positions and every branch
 * carries {@code keep} (values moved) and {@code drop} (slots discarded under them).
 */
final class Op {
    private Op() {
    }

    static final int UNREACHABLE = 0x00;
    /**
     * LOOP cost osrOffset: loop header, counts back-edges and charges fuel; osrOffset is the loop's wasm byte
     * offset when on-stack replacement may enter here (empty operand stack), else -1.
     */
    static final int LOOP = 0x03;
    /** IF target: pops i32, jumps to target when zero. */
    static final int IF = 0x04;
    /** BR target keep drop. */
    static final int BR = 0x0C;
    /** BR_IF target keep drop. */
    static final int BR_IF = 0x0D;
    /** BR_TABLE n (target keep drop)*(n+1). */
    static final int BR_TABLE = 0x0E;
    static final int RETURN = 0x0F;
    /** CALL funcIndex. */
    static final int CALL = 0x10;
    /** CALL_INDIRECT typeId table is64. */
    static final int CALL_INDIRECT = 0x11;
    static final int RETURN_CALL = 0x12;
    static final int RETURN_CALL_INDIRECT = 0x13;
    /** CALL_REF (no immediates). */
    static final int CALL_REF = 0x14;
    static final int RETURN_CALL_REF = 0x15;
    static final int DROP = 0x1A;
    static final int SELECT = 0x1B;
    /** LOCAL_* index (frame relative). */
    static final int LOCAL_GET = 0x20;
    static final int LOCAL_SET = 0x21;
    static final int LOCAL_TEE = 0x22;
    static final int GLOBAL_GET = 0x23;
    static final int GLOBAL_SET = 0x24;
    /** TABLE_GET/SET table. */
    static final int TABLE_GET = 0x25;
    static final int TABLE_SET = 0x26;
    /** Loads and stores on memory 0 (32-bit): op offset. */
    static final int I32_LOAD = 0x28;
    static final int I64_STORE32 = 0x3E;
    /** MEMORY_SIZE/GROW memIndex. */
    static final int MEMORY_SIZE = 0x3F;
    static final int MEMORY_GROW = 0x40;
    /** I32_CONST value (also f32 bits). */
    static final int I32_CONST = 0x41;
    /** I64_CONST low high (also f64 bits). */
    static final int I64_CONST = 0x42;
    static final int REF_NULL = 0xD0;
    static final int REF_IS_NULL = 0xD1;
    /** REF_FUNC funcIndex. */
    static final int REF_FUNC = 0xD2;
    static final int REF_EQ = 0xD3;
    static final int REF_AS_NON_NULL = 0xD4;
    /** BR_ON_NULL / BR_ON_NON_NULL target keep drop. */
    static final int BR_ON_NULL = 0xD5;
    static final int BR_ON_NON_NULL = 0xD6;
    /** 0xFC xx is lowered to MISC_BASE + xx. */
    static final int MISC_BASE = 0xE0;

    /** GOTO target: a branch that moves no values. */
    static final int GOTO = 0x100;
    /** BR_IF_SIMPLE target: a conditional branch that moves no values. */
    static final int BR_IF_SIMPLE = 0x101;
    static final int LOCAL_GET_REF = 0x102;
    static final int LOCAL_SET_REF = 0x103;
    static final int LOCAL_TEE_REF = 0x104;
    static final int GLOBAL_GET_REF = 0x105;
    static final int GLOBAL_SET_REF = 0x106;
    static final int SELECT_REF = 0x107;
    /** MEM_GENERIC wasmOpcode memIndex offsetLow offsetHigh: loads/stores on other or 64-bit memories. */
    static final int MEM_GENERIC = 0x108;

    // Superinstructions formed by Lowerer's peephole pass (never across a branch target).
    /** LOCAL_GET2 a b: pushes two locals. */
    static final int LOCAL_GET2 = 0x110;
    /** LOCAL_GET_I32_CONST a c: pushes a local and a constant. */
    static final int LOCAL_GET_I32_CONST = 0x111;
    /** I32_ADD_LOCAL_CONST a c: pushes local a + c (also local - c with c negated). */
    static final int I32_ADD_LOCAL_CONST = 0x112;
    /** I32_ADD_LL a b: pushes local a + local b. */
    static final int I32_ADD_LL = 0x113;
    /** I32_ADD_LL_SET a b d: local d = local a + local b (I32_ADD_LL then LOCAL_SET). */
    static final int I32_ADD_LL_SET = 0x115;
    /** I32_ADD_LL_TEE a b d: like I32_ADD_LL_SET, also pushes the sum. */
    static final int I32_ADD_LL_TEE = 0x116;
    /** I32_ADD_LC_SET a c d: local d = local a + c (I32_ADD_LOCAL_CONST then LOCAL_SET). */
    static final int I32_ADD_LC_SET = 0x117;
    /** I32_ADD_LC_TEE a c d: like I32_ADD_LC_SET, also pushes the sum. */
    static final int I32_ADD_LC_TEE = 0x118;
    /**
     * I32_LOAD_LC a c offset: i32.load at address (local a + c), the add wrapping at 32 bits; also local.get
     * then i32.load with c = 0. The *_LOAD_LC ops push the address and fall through into the plain load, so
     * the loop keeps one inlined memory access per load kind.
     */
    static final int I32_LOAD_LC = 0x11B;
    /** I64_LOAD_LC a c offset: i64.load (or f64.load) at address (local a + c). */
    static final int I64_LOAD_LC = 0x11C;
    /** U8_LOAD_LC a c offset: i32.load8_u at address (local a + c). */
    static final int U8_LOAD_LC = 0x11D;
    /** BR_IF_CMP + (cmp - 0x45) target: an i32 comparison (eqz..ge_u) fused with a non-adjusting br_if. */
    static final int BR_IF_CMP = 0x120;
    /** IF_CMP + (cmp - 0x45) target: an i32 comparison fused with if (jumps when the comparison is false). */
    static final int IF_CMP = 0x130;

    // Fall-through fusions: a push (i32.const, i64.const or local.get, with its immediates) followed by an
    // instruction (with its immediates). The fused case pushes, then falls through into the instruction's own
    // case, which sits right below it in the dispatch loop: one dispatch saved, no code duplicated.
    static final int I32_ADD_C = 0x140;
    static final int I32_SUB_C = 0x141;
    static final int I32_MUL_C = 0x142;
    static final int I32_AND_C = 0x143;
    static final int I32_OR_C = 0x144;
    static final int I32_XOR_C = 0x145;
    static final int I32_SHL_C = 0x146;
    static final int I32_SHR_S_C = 0x147;
    static final int I32_SHR_U_C = 0x148;
    static final int I64_ADD_C = 0x149;
    static final int I64_MUL_C = 0x14A;
    static final int I64_AND_C = 0x14B;
    static final int I64_XOR_C = 0x14C;
    static final int I64_SHL_C = 0x14D;
    static final int I64_SHR_U_C = 0x14E;
    static final int I32_STORE_C = 0x14F;
    static final int I32_STORE8_C = 0x150;
    static final int F64_ADD_L = 0x151;
    static final int F64_MUL_L = 0x152;
    static final int I32_ROTL_C = 0x153;
    static final int I32_ROTR_C = 0x154;
    /** F64_ADD_LL a b / F64_MUL_LL a b: two local.get fused into f64.add / f64.mul (falls through F64_*_L). */
    static final int F64_ADD_LL = 0x156;
    static final int F64_MUL_LL = 0x157;
    /** LOCAL_COPY from to: local.get then local.set. */
    static final int LOCAL_COPY = 0x155;
}
