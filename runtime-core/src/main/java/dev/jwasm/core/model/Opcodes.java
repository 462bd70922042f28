package dev.jwasm.core.model;

/**
 * Binary opcodes of WebAssembly 3.0 (as in the binary-format chapter of the spec). Single-byte opcodes
 * are their byte; prefixed opcodes are encoded as {@code prefix << 16 | subopcode} (for example
 * {@code 0xFC0000} for {@code i32.trunc_sat_f32_s}), so one int names any instruction.
 *
 * <p>Naming: the constant is the text-format mnemonic in upper snake case, dots and slashes replaced by
 * underscores. Only control and variable instructions needed across packages are listed here; the decoder,
 * validator and tiers each keep their own tables for the rest.
 */
public final class Opcodes {
    private Opcodes() {
    }

    public static final int PREFIX_GC = 0xFB;
    public static final int PREFIX_MISC = 0xFC;
    public static final int PREFIX_SIMD = 0xFD;
    public static final int PREFIX_ATOMIC = 0xFE;

    public static final int UNREACHABLE = 0x00;
    public static final int NOP = 0x01;
    public static final int BLOCK = 0x02;
    public static final int LOOP = 0x03;
    public static final int IF = 0x04;
    public static final int ELSE = 0x05;
    public static final int TRY = 0x06;
    public static final int CATCH = 0x07;
    public static final int THROW = 0x08;
    public static final int RETHROW = 0x09;
    public static final int THROW_REF = 0x0A;
    public static final int END = 0x0B;
    public static final int BR = 0x0C;
    public static final int BR_IF = 0x0D;
    public static final int BR_TABLE = 0x0E;
    public static final int RETURN = 0x0F;
    public static final int CALL = 0x10;
    public static final int CALL_INDIRECT = 0x11;
    public static final int RETURN_CALL = 0x12;
    public static final int RETURN_CALL_INDIRECT = 0x13;
    public static final int CALL_REF = 0x14;
    public static final int RETURN_CALL_REF = 0x15;
    public static final int DELEGATE = 0x18;
    public static final int CATCH_ALL = 0x19;
    public static final int DROP = 0x1A;
    public static final int SELECT = 0x1B;
    public static final int SELECT_T = 0x1C;
    public static final int TRY_TABLE = 0x1F;
    public static final int LOCAL_GET = 0x20;
    public static final int LOCAL_SET = 0x21;
    public static final int LOCAL_TEE = 0x22;
    public static final int GLOBAL_GET = 0x23;
    public static final int GLOBAL_SET = 0x24;
    public static final int TABLE_GET = 0x25;
    public static final int TABLE_SET = 0x26;
    public static final int I32_CONST = 0x41;
    public static final int I64_CONST = 0x42;
    public static final int F32_CONST = 0x43;
    public static final int F64_CONST = 0x44;
    public static final int I32_NE = 0x47;
    public static final int I32_LT_U = 0x49;
    public static final int I32_GT_U = 0x4B;
    public static final int I32_LE_U = 0x4D;
    public static final int I32_GE_U = 0x4F;
    public static final int I32_ADD = 0x6A;
    public static final int I32_SUB = 0x6B;
    public static final int I32_MUL = 0x6C;
    public static final int I64_ADD = 0x7C;
    public static final int I64_SUB = 0x7D;
    public static final int I64_MUL = 0x7E;
    public static final int REF_NULL = 0xD0;
    public static final int REF_IS_NULL = 0xD1;
    public static final int REF_FUNC = 0xD2;
    public static final int REF_EQ = 0xD3;
    public static final int REF_AS_NON_NULL = 0xD4;
    public static final int BR_ON_NULL = 0xD5;
    public static final int BR_ON_NON_NULL = 0xD6;
}
