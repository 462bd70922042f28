package dev.jwasm.core.validate;

import dev.jwasm.api.InvalidModuleException;
import dev.jwasm.core.model.HeapType;
import dev.jwasm.core.model.ValType;

/**
 * A cursor over instruction bytes that reads immediates (LEB128 integers, value and heap types). Never
 * reads past {@code end}: truncated or over-long encodings throw {@link InvalidModuleException}.
 */
final class CodeReader {
    private final byte[] bytes;
    private int pos;
    private int end;
    private final TypeContext types;

    CodeReader(byte[] bytes, TypeContext types) {
        this.bytes = bytes;
        this.types = types;
    }

    void reset(int start, int end) {
        this.pos = start;
        this.end = end;
    }

    /** Moves back (or forward) to {@code p}, which must lie within the current range. */
    void seek(int p) {
        this.pos = p;
    }

    int pos() {
        return pos;
    }

    boolean atEnd() {
        return pos >= end;
    }

    int u8() {
        if (pos >= end) {
            throw new InvalidModuleException("unexpected end", -1, pos);
        }
        return bytes[pos++] & 0xFF;
    }

    int peek() {
        if (pos >= end) {
            throw new InvalidModuleException("unexpected end", -1, pos);
        }
        return bytes[pos] & 0xFF;
    }

    void skip(int n) {
        if (end - pos < n) {
            throw new InvalidModuleException("unexpected end", -1, pos);
        }
        pos += n;
    }

    /** An unsigned 32-bit LEB128 value, returned as int bits (indices above 2^31 come back negative). */
    int u32() {
        long r = unsigned(5);
        if (r > 0xFFFF_FFFFL) {
            throw new InvalidModuleException("integer too large", -1, pos);
        }
        return (int) r;
    }

    /** An index: an unsigned 32-bit value, saturated to Integer.MAX_VALUE so range checks just fail. */
    int index() {
        long r = unsigned(5);
        return r > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) r;
    }

    long u64() {
        return unsigned(10);
    }

    private long unsigned(int maxBytes) {
        long result = 0;
        int shift = 0;
        for (int i = 0; i < maxBytes; i++) {
            int b = u8();
            result |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return result;
            }
            shift += 7;
        }
        throw new InvalidModuleException("integer representation too long", -1, pos);
    }

    /** Skips a signed LEB128 value of at most {@code maxBytes} bytes. */
    void skipSigned(int maxBytes) {
        for (int i = 0; i < maxBytes; i++) {
            if ((u8() & 0x80) == 0) {
                return;
            }
        }
        throw new InvalidModuleException("integer representation too long", -1, pos);
    }

    /** A signed 33-bit LEB128 value (block types, heap types). */
    long s33() {
        long result = 0;
        int shift = 0;
        int b;
        do {
            if (shift >= 35) {
                throw new InvalidModuleException("integer representation too long", -1, pos);
            }
            b = u8();
            result |= (long) (b & 0x7F) << shift;
            shift += 7;
        } while ((b & 0x80) != 0);
        if (shift < 64 && (b & 0x40) != 0) {
            result |= -1L << shift;
        }
        return result;
    }

    /** A heap type: an abstract type code or a type index (checked against the type count). */
    HeapType heapType() {
        long v = s33();
        if (v >= 0) {
            if (v >= types.size()) {
                throw new InvalidModuleException("unknown type " + v, -1, pos);
            }
            return types.heap((int) v);
        }
        HeapType.Kind k = HeapType.Kind.fromCode((int) (v & 0x7F));
        if (k == null || v < -64) {
            throw new InvalidModuleException("malformed heap type", -1, pos);
        }
        return HeapType.of(k);
    }

    /** Whether {@code b} starts a value type (as opposed to a block type's type index or 0x40). */
    static boolean isValTypeStart(int b) {
        return (b >= 0x7B && b <= 0x7F) || b == 0x63 || b == 0x64 || HeapType.Kind.fromCode(b) != null;
    }

    ValType valType() {
        int b = u8();
        switch (b) {
            case 0x7F:
                return ValType.I32;
            case 0x7E:
                return ValType.I64;
            case 0x7D:
                return ValType.F32;
            case 0x7C:
                return ValType.F64;
            case 0x7B:
                return ValType.V128;
            case 0x64:
                return types.ref(false, heapType());
            case 0x63:
                return types.ref(true, heapType());
            default:
                HeapType.Kind k = HeapType.Kind.fromCode(b);
                if (k == null || k == HeapType.Kind.CONCRETE) {
                    throw new InvalidModuleException("malformed value type", -1, pos - 1);
                }
                return types.ref(true, HeapType.of(k));
        }
    }
}
