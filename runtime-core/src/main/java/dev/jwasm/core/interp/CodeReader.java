package dev.jwasm.core.interp;

/**
 * Reads instruction immediates (LEB128 integers, little-endian floats) from a validated module's bytes.
 * Validation already rejected malformed encodings, so the reader does no error checking beyond bounds.
 */
public final class CodeReader {
    private final byte[] bytes;
    private int pos;

    public CodeReader(byte[] bytes, int pos) {
        this.bytes = bytes;
        this.pos = pos;
    }

    public int pos() {
        return pos;
    }

    /** Continues reading at {@code pos}, an offset this reader has been at (to read code a second time). */
    public void seek(int pos) {
        this.pos = pos;
    }

    public int peek() {
        return bytes[pos] & 0xFF;
    }

    public int u8() {
        return bytes[pos++] & 0xFF;
    }

    /** An unsigned LEB128 value of up to 32 bits, as an int (may be negative when >= 2^31). */
    public int u32() {
        return (int) u64();
    }

    /** An unsigned LEB128 value of up to 64 bits. */
    public long u64() {
        long result = 0;
        int shift = 0;
        int b;
        do {
            b = bytes[pos++];
            if (shift < 64) {
                result |= (long) (b & 0x7F) << shift;
            }
            shift += 7;
        } while ((b & 0x80) != 0);
        return result;
    }

    public int s32() {
        return (int) s64();
    }

    /** A signed LEB128 value of up to 64 bits (also reads s33 heap and block types). */
    public long s64() {
        long result = 0;
        int shift = 0;
        int b;
        do {
            b = bytes[pos++];
            if (shift < 64) {
                result |= (long) (b & 0x7F) << shift;
            }
            shift += 7;
        } while ((b & 0x80) != 0);
        if (shift < 64 && (b & 0x40) != 0) {
            result |= -1L << shift;
        }
        return result;
    }

    public int fixed32() {
        int v = (bytes[pos] & 0xFF) | (bytes[pos + 1] & 0xFF) << 8 | (bytes[pos + 2] & 0xFF) << 16
                | (bytes[pos + 3] & 0xFF) << 24;
        pos += 4;
        return v;
    }

    public long fixed64() {
        long lo = fixed32() & 0xFFFF_FFFFL;
        long hi = fixed32() & 0xFFFF_FFFFL;
        return lo | hi << 32;
    }

    /** Skips a value type (a byte, or a reference type with a heap type). */
    public void skipValType() {
        int b = u8();
        if (b == 0x63 || b == 0x64) {
            s64();
        }
    }
}
