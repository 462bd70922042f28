package dev.jwasm.core.binary;

import static dev.jwasm.core.binary.ImmediateKind.BLOCK_TYPE;
import static dev.jwasm.core.binary.ImmediateKind.BR_ON_CAST;
import static dev.jwasm.core.binary.ImmediateKind.BR_TABLE;
import static dev.jwasm.core.binary.ImmediateKind.F32;
import static dev.jwasm.core.binary.ImmediateKind.F64;
import static dev.jwasm.core.binary.ImmediateKind.HEAP_TYPE;
import static dev.jwasm.core.binary.ImmediateKind.I32;
import static dev.jwasm.core.binary.ImmediateKind.I64;
import static dev.jwasm.core.binary.ImmediateKind.ILLEGAL;
import static dev.jwasm.core.binary.ImmediateKind.INDEX;
import static dev.jwasm.core.binary.ImmediateKind.INDEX_PAIR;
import static dev.jwasm.core.binary.ImmediateKind.LANE;
import static dev.jwasm.core.binary.ImmediateKind.MEMARG;
import static dev.jwasm.core.binary.ImmediateKind.MEMARG_LANE;
import static dev.jwasm.core.binary.ImmediateKind.NONE;
import static dev.jwasm.core.binary.ImmediateKind.PREFIX;
import static dev.jwasm.core.binary.ImmediateKind.SELECT_T;
import static dev.jwasm.core.binary.ImmediateKind.SHUFFLE;
import static dev.jwasm.core.binary.ImmediateKind.TRY_TABLE;
import static dev.jwasm.core.binary.ImmediateKind.V128;
import static dev.jwasm.core.binary.ImmediateKind.ZERO_BYTE;

import dev.jwasm.core.model.Opcodes;
import java.util.Arrays;

/**
 * The immediate operands of every WebAssembly 3.0 instruction (plus the threads, relaxed SIMD,
 * wide-arithmetic and legacy exception-handling extensions), used to step over one instruction at a time.
 *
 * <p>Opcodes are named as in {@link Opcodes}: a single byte, or {@code prefix << 16 | subopcode}.
 * {@link #readOpcode} rejects opcodes that do not exist ("illegal opcode"), {@link #skipImmediates} checks
 * that the immediates are well formed. Block structure ({@code else}, {@code end}, ...) is left to
 * {@link ExpressionScanner}.
 */
public final class InstructionScanner {
    private static final int MEMARG_HAS_MEMORY = 0x40;
    private static final int MEMARG_FLAGS_LIMIT = 0x80;

    private static final ImmediateKind[] SINGLE = singleByteKinds();

    private InstructionScanner() {
    }

    private static ImmediateKind[] singleByteKinds() {
        ImmediateKind[] k = new ImmediateKind[256];
        Arrays.fill(k, ILLEGAL);
        fill(k, 0x00, 0x01, NONE);
        fill(k, 0x02, 0x04, BLOCK_TYPE);
        k[0x05] = NONE;
        k[0x06] = BLOCK_TYPE;
        fill(k, 0x07, 0x09, INDEX);
        fill(k, 0x0A, 0x0B, NONE);
        fill(k, 0x0C, 0x0D, INDEX);
        k[0x0E] = BR_TABLE;
        k[0x0F] = NONE;
        k[0x10] = INDEX;
        k[0x11] = INDEX_PAIR;
        k[0x12] = INDEX;
        k[0x13] = INDEX_PAIR;
        fill(k, 0x14, 0x15, INDEX);
        k[0x18] = INDEX;
        fill(k, 0x19, 0x1B, NONE);
        k[0x1C] = SELECT_T;
        k[0x1F] = TRY_TABLE;
        fill(k, 0x20, 0x26, INDEX);
        fill(k, 0x28, 0x3E, MEMARG);
        fill(k, 0x3F, 0x40, INDEX);
        k[0x41] = I32;
        k[0x42] = I64;
        k[0x43] = F32;
        k[0x44] = F64;
        fill(k, 0x45, 0xC4, NONE);
        k[0xD0] = HEAP_TYPE;
        k[0xD1] = NONE;
        k[0xD2] = INDEX;
        fill(k, 0xD3, 0xD4, NONE);
        fill(k, 0xD5, 0xD6, INDEX);
        fill(k, 0xFB, 0xFE, PREFIX);
        return k;
    }

    private static void fill(ImmediateKind[] k, int from, int to, ImmediateKind kind) {
        for (int i = from; i <= to; i++) {
            k[i] = kind;
        }
    }

    /** Whether {@code b} is a prefix byte whose sub-opcode follows as a u32. */
    public static boolean isPrefix(int b) {
        return SINGLE[b] == PREFIX;
    }

    /**
     * Reads an opcode (with its sub-opcode for prefixed instructions) and returns it in the {@link Opcodes}
     * numbering; fails with "illegal opcode" for opcodes that do not exist.
     */
    public static int readOpcode(ByteReader r) {
        int at = r.position();
        int b = r.u8();
        ImmediateKind kind = SINGLE[b];
        if (kind == ILLEGAL) {
            throw r.errorAt(String.format("illegal opcode %02x", b), at);
        }
        if (kind != PREFIX) {
            return b;
        }
        long sub = r.u32();
        if (sub > 0xFFFF || immediateKind(b << 16 | (int) sub) == ILLEGAL) {
            throw r.errorAt(String.format("illegal opcode %02x %x", b, sub), at);
        }
        return b << 16 | (int) sub;
    }

    /** The immediates {@code opcode} takes ({@link ImmediateKind#ILLEGAL} for opcodes that do not exist). */
    public static ImmediateKind immediateKind(int opcode) {
        if (opcode >>> 16 == 0) {
            return opcode < 256 ? SINGLE[opcode] : ILLEGAL;
        }
        int sub = opcode & 0xFFFF;
        return switch (opcode >>> 16) {
            case Opcodes.PREFIX_GC -> gcKind(sub);
            case Opcodes.PREFIX_MISC -> miscKind(sub);
            case Opcodes.PREFIX_SIMD -> simdKind(sub);
            case Opcodes.PREFIX_ATOMIC -> atomicKind(sub);
            default -> ILLEGAL;
        };
    }

    private static ImmediateKind gcKind(int sub) {
        if (sub <= 1 || (sub >= 6 && sub <= 7) || (sub >= 11 && sub <= 14) || sub == 16) {
            return INDEX;
        }
        if ((sub >= 2 && sub <= 5) || (sub >= 8 && sub <= 10) || (sub >= 17 && sub <= 19)) {
            return INDEX_PAIR;
        }
        if (sub == 15 || (sub >= 26 && sub <= 30)) {
            return NONE;
        }
        if (sub >= 20 && sub <= 23) {
            return HEAP_TYPE;
        }
        return sub == 24 || sub == 25 ? BR_ON_CAST : ILLEGAL;
    }

    private static ImmediateKind miscKind(int sub) {
        if (sub <= 7 || (sub >= 19 && sub <= 22)) {
            return NONE; // saturating truncations; wide arithmetic
        }
        return switch (sub) {
            case 8, 10, 12, 14 -> INDEX_PAIR;
            case 9, 11, 13, 15, 16, 17 -> INDEX;
            default -> ILLEGAL;
        };
    }

    private static ImmediateKind simdKind(int sub) {
        if (sub <= 11 || sub == 92 || sub == 93) {
            return MEMARG;
        }
        if (sub == 12) {
            return V128;
        }
        if (sub == 13) {
            return SHUFFLE;
        }
        if (sub >= 21 && sub <= 34) {
            return LANE;
        }
        if (sub >= 84 && sub <= 91) {
            return MEMARG_LANE;
        }
        if (sub <= 0xFF) {
            return isSimdGap(sub) ? ILLEGAL : NONE;
        }
        return sub <= 0x113 ? NONE : ILLEGAL; // relaxed SIMD
    }

    /** Reserved holes in the 0xFD opcode space. */
    private static boolean isSimdGap(int sub) {
        return switch (sub) {
            case 154, 162, 165, 166, 175, 176, 178, 179, 180, 187, 194, 197, 198, 207, 208, 210, 211, 212, 226,
                    238 -> true;
            default -> false;
        };
    }

    private static ImmediateKind atomicKind(int sub) {
        if (sub <= 2 || (sub >= 0x10 && sub <= 0x4E)) {
            return MEMARG;
        }
        return sub == 3 ? ZERO_BYTE : ILLEGAL;
    }

    /**
     * Reads the immediates of {@code opcode} (already read with {@link #readOpcode}), checking their
     * encoding.
     */
    public static void skipImmediates(ByteReader r, int opcode) {
        ImmediateKind kind = immediateKind(opcode);
        switch (kind) {
            case NONE -> {
            }
            case BLOCK_TYPE -> blockType(r);
            case INDEX -> r.u32();
            case I32 -> r.s32();
            case INDEX_PAIR -> {
                r.u32();
                r.u32();
            }
            case BR_TABLE -> brTable(r);
            case SELECT_T -> selectTypes(r);
            case TRY_TABLE -> tryTable(r);
            case MEMARG -> memarg(r);
            case I64 -> r.s64();
            case F32 -> r.skip(4);
            case F64 -> r.skip(8);
            case HEAP_TYPE -> TypeReader.heapType(r);
            case MEMARG_LANE -> {
                memarg(r);
                r.u8();
            }
            case LANE -> r.u8();
            case V128, SHUFFLE -> r.skip(16);
            case BR_ON_CAST -> brOnCast(r);
            case ZERO_BYTE -> zeroByte(r);
            case PREFIX, ILLEGAL -> throw new IllegalArgumentException("not an instruction: " + Integer.toHexString(opcode));
        }
    }

    /** A block type: empty (0x40), a value type, or a non-negative s33 type index. */
    public static void blockType(ByteReader r) {
        int at = r.position();
        int b = r.peek();
        if (b == 0x40) {
            r.u8();
        } else if (b >= 0 && (b & 0xC0) == 0x40) {
            TypeReader.valType(r);
        } else if (r.s33() < 0) {
            throw r.errorAt("malformed block type", at);
        }
    }

    private static void brTable(ByteReader r) {
        int n = r.count();
        for (int i = 0; i <= n; i++) {
            r.u32();
        }
    }

    private static void selectTypes(ByteReader r) {
        int n = r.count();
        for (int i = 0; i < n; i++) {
            TypeReader.valType(r);
        }
    }

    private static void tryTable(ByteReader r) {
        blockType(r);
        int n = r.count();
        for (int i = 0; i < n; i++) {
            int at = r.position();
            int kind = r.u8();
            if (kind > 3) {
                throw r.errorAt("malformed catch clause", at);
            }
            if (kind < 2) {
                r.u32(); // tag index
            }
            r.u32(); // label
        }
    }

    /** A memarg: alignment flags (bit 6: a memory index follows), optional memory index, u64 offset. */
    public static void memarg(ByteReader r) {
        int at = r.position();
        long flags = r.u32();
        if (flags >= MEMARG_FLAGS_LIMIT) {
            throw r.errorAt("malformed memop flags", at);
        }
        if ((flags & MEMARG_HAS_MEMORY) != 0) {
            r.u32();
        }
        r.u64();
    }

    private static void brOnCast(ByteReader r) {
        int at = r.position();
        if (r.u8() > 3) {
            throw r.errorAt("malformed br_on_cast flags", at);
        }
        r.u32();
        TypeReader.heapType(r);
        TypeReader.heapType(r);
    }

    private static void zeroByte(ByteReader r) {
        int at = r.position();
        if (r.u8() != 0) {
            throw r.errorAt("zero byte expected", at);
        }
    }
}
