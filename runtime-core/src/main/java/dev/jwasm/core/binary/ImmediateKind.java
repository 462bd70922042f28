package dev.jwasm.core.binary;

/**
 * The shapes of immediate operands that follow an opcode in the binary format. Several instructions share
 * each shape, the way ASM groups opcodes by operand shape, so a reader (decoder, validator, compiler) needs
 * one case per shape rather than per instruction.
 */
public enum ImmediateKind {
    /** Not an instruction. */
    ILLEGAL,
    /** No immediates. */
    NONE,
    /** A block type: 0x40, a value type or an s33 type index ({@code block}, {@code loop}, {@code if}, {@code try}). */
    BLOCK_TYPE,
    /** One u32 index (local, global, function, label, table, memory, type, tag, data or element). */
    INDEX,
    /** Two u32 immediates, for example {@code call_indirect} (type, table) or {@code array.new_fixed} (type, size). */
    INDEX_PAIR,
    /** {@code br_table}: a vector of label indices, then the default label. */
    BR_TABLE,
    /** Typed {@code select}: a vector of value types. */
    SELECT_T,
    /** {@code try_table}: a block type, then a vector of catch clauses. */
    TRY_TABLE,
    /** A memarg: alignment flags (bit 6: a memory index follows), optional memory index, u64 offset. */
    MEMARG,
    /** An s32 ({@code i32.const}). */
    I32,
    /** An s64 ({@code i64.const}). */
    I64,
    /** Four bytes ({@code f32.const}). */
    F32,
    /** Eight bytes ({@code f64.const}). */
    F64,
    /** A heap type ({@code ref.null}, {@code ref.test}, {@code ref.cast}). */
    HEAP_TYPE,
    /** A prefix byte: a u32 sub-opcode follows. */
    PREFIX,
    /** A memarg, then a lane index byte (SIMD lane loads and stores). */
    MEMARG_LANE,
    /** A lane index byte (SIMD extract and replace lane). */
    LANE,
    /** Sixteen bytes ({@code v128.const}). */
    V128,
    /** Sixteen lane index bytes ({@code i8x16.shuffle}). */
    SHUFFLE,
    /** {@code br_on_cast} / {@code br_on_cast_fail}: flags byte, label, two heap types. */
    BR_ON_CAST,
    /** A reserved zero byte ({@code atomic.fence}). */
    ZERO_BYTE
}
