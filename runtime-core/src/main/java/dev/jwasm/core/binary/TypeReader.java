package dev.jwasm.core.binary;

import dev.jwasm.core.model.GlobalType;
import dev.jwasm.core.model.HeapType;
import dev.jwasm.core.model.Limits;
import dev.jwasm.core.model.MemoryType;
import dev.jwasm.core.model.TableType;
import dev.jwasm.core.model.ValType;

/** Reads the small type encodings shared by several sections: value, reference, heap, table, memory and global types. */
public final class TypeReader {
    private static final int REF = 0x64;
    private static final int REF_NULL = 0x63;
    private static final int FLAG_MAX = 0x01;
    private static final int FLAG_SHARED = 0x02;
    private static final int FLAG_64 = 0x04;
    private static final int FLAG_PAGE_SIZE = 0x08;
    /** Page size exponents at or above this cannot describe a page size held in a long. */
    private static final int PAGE_SIZE_LOG2_LIMIT = 64;

    private TypeReader() {
    }

    /** A value type: number, vector or reference type. */
    public static ValType valType(ByteReader r) {
        int start = r.position();
        int b = r.u8();
        return switch (b) {
            case 0x7F -> ValType.I32;
            case 0x7E -> ValType.I64;
            case 0x7D -> ValType.F32;
            case 0x7C -> ValType.F64;
            case 0x7B -> ValType.V128;
            default -> refTypeFromCode(r, b, start, "malformed value type");
        };
    }

    /** Whether {@code b} starts a value type encoding (used to tell block types from type indices). */
    public static boolean isValTypeCode(int b) {
        return (b >= 0x7B && b <= 0x7F) || b == REF || b == REF_NULL || isAbstractHeapCode(b);
    }

    /** A reference type, including the one-byte abbreviations such as {@code funcref}. */
    public static ValType refType(ByteReader r) {
        int start = r.position();
        return refTypeFromCode(r, r.u8(), start, "malformed reference type");
    }

    private static ValType refTypeFromCode(ByteReader r, int b, int start, String reason) {
        if (b == REF || b == REF_NULL) {
            return ValType.ref(b == REF_NULL, heapType(r));
        }
        if (isAbstractHeapCode(b)) {
            return ValType.ref(true, HeapType.of(HeapType.Kind.fromCode(b)));
        }
        throw r.errorAt(malformedTypeCode(b, reason), start);
    }

    /**
     * The message for an unknown one-byte type code. Type codes are negative s7 integers, so a byte with the
     * continuation bit set is an over-long LEB128 encoding rather than an unknown code.
     */
    static String malformedTypeCode(int b, String reason) {
        return (b & 0x80) != 0 ? "integer representation too long" : reason;
    }

    /** A heap type: an abstract heap type byte or a non-negative s33 type index. */
    public static HeapType heapType(ByteReader r) {
        int start = r.position();
        int b = r.peek();
        if (b >= 0 && (b & 0xC0) == 0x40) {
            // A one-byte negative s33: only the abstract heap type codes are defined.
            r.u8();
            if (!isAbstractHeapCode(b)) {
                throw r.errorAt("malformed heap type", start);
            }
            return HeapType.of(HeapType.Kind.fromCode(b));
        }
        long index = r.s33();
        if (index < 0) {
            throw r.errorAt("malformed heap type", start);
        }
        return HeapType.concrete((int) Math.min(index, Integer.MAX_VALUE));
    }

    private static boolean isAbstractHeapCode(int b) {
        HeapType.Kind k = HeapType.Kind.fromCode(b);
        return k != null && k != HeapType.Kind.CONCRETE;
    }

    /** A table type: element reference type and limits (tables cannot be shared or have custom page sizes). */
    public static TableType tableType(ByteReader r) {
        ValType element = refType(r);
        int flagsAt = r.position();
        int flags = r.u8();
        if ((flags & ~(FLAG_MAX | FLAG_64)) != 0) {
            throw r.errorAt("malformed limits flags", flagsAt);
        }
        return new TableType(element, limits(r, flags));
    }

    /** A memory type: limits flags (max, shared, 64-bit, custom page size), limits and page size. */
    public static MemoryType memoryType(ByteReader r) {
        int flagsAt = r.position();
        int flags = r.u8();
        if ((flags & ~(FLAG_MAX | FLAG_SHARED | FLAG_64 | FLAG_PAGE_SIZE)) != 0) {
            throw r.errorAt("malformed limits flags", flagsAt);
        }
        Limits limits = limits(r, flags);
        int pageSizeLog2 = MemoryType.DEFAULT_PAGE_SIZE_LOG2;
        if ((flags & FLAG_PAGE_SIZE) != 0) {
            int at = r.position();
            long log2 = r.u32();
            if (log2 >= PAGE_SIZE_LOG2_LIMIT) {
                throw r.errorAt("invalid custom page size", at);
            }
            pageSizeLog2 = (int) log2;
        }
        return new MemoryType(limits, pageSizeLog2);
    }

    private static Limits limits(ByteReader r, int flags) {
        boolean is64 = (flags & FLAG_64) != 0;
        long min = bound(r);
        long max = (flags & FLAG_MAX) != 0 ? bound(r) : -1;
        return new Limits(min, max, is64, (flags & FLAG_SHARED) != 0);
    }

    /**
     * A limit. WebAssembly 3.0 encodes every limit as u64, whatever the address type, so a 32-bit memory or
     * table may decode with a limit above 2^32-1: the validator rejects it. Values of 2^63 and more are
     * clamped to {@link Long#MAX_VALUE} so they never read as "no maximum".
     */
    private static long bound(ByteReader r) {
        long v = r.u64();
        return v < 0 ? Long.MAX_VALUE : v;
    }

    /** A global type: value type and mutability byte. */
    public static GlobalType globalType(ByteReader r) {
        ValType type = valType(r);
        return new GlobalType(type, mutability(r));
    }

    /** A mutability byte: 0 for const, 1 for var. */
    public static boolean mutability(ByteReader r) {
        int at = r.position();
        int b = r.u8();
        if (b > 1) {
            throw r.errorAt("malformed mutability", at);
        }
        return b == 1;
    }
}
