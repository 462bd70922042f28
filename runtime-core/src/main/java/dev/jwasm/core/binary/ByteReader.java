package dev.jwasm.core.binary;

import dev.jwasm.api.MalformedModuleException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A cursor over the bytes of a binary module: bytes, LEB128 integers, lengths and names, each failing with
 * the spec testsuite's wording.
 *
 * <p>Like the reference interpreter, a reader is bounded by the end of the whole module rather than the
 * current section: sized constructs are checked for an exact fit after they are read ("section size
 * mismatch"), which is what makes a missing {@code end} opcode report the testsuite's expected message.
 */
public final class ByteReader {
    /** The message for reading past the end of the input. */
    public static final String UNEXPECTED_END = "unexpected end of section or function";

    private final byte[] bytes;
    private final int limit;
    private int pos;

    /** A reader over all of {@code bytes} (not copied). */
    public ByteReader(byte[] bytes) {
        this(bytes, 0, bytes.length);
    }

    /** A reader over {@code bytes[start, limit)} (not copied). */
    public ByteReader(byte[] bytes, int start, int limit) {
        if (start < 0 || limit > bytes.length || start > limit) {
            throw new IllegalArgumentException("bad range " + start + ".." + limit);
        }
        this.bytes = bytes;
        this.pos = start;
        this.limit = limit;
    }

    public int position() {
        return pos;
    }

    /** Moves the cursor; {@code p} must lie within the reader's range. */
    public void position(int p) {
        if (p < 0 || p > limit) {
            throw new IllegalArgumentException("position " + p + " outside 0.." + limit);
        }
        pos = p;
    }

    public int limit() {
        return limit;
    }

    public int remaining() {
        return limit - pos;
    }

    public boolean atEnd() {
        return pos >= limit;
    }

    /** An exception at the current position. */
    public MalformedModuleException error(String reason) {
        return new MalformedModuleException(reason, pos);
    }

    /** An exception at {@code offset}. */
    public MalformedModuleException errorAt(String reason, int offset) {
        return new MalformedModuleException(reason, offset);
    }

    /** The next byte without consuming it, or -1 at the end. */
    public int peek() {
        return pos < limit ? bytes[pos] & 0xFF : -1;
    }

    /** One unsigned byte. */
    public int u8() {
        if (pos >= limit) {
            throw error(UNEXPECTED_END);
        }
        return bytes[pos++] & 0xFF;
    }

    /** Skips {@code n} bytes, which must be present. */
    public void skip(int n) {
        if (n < 0 || n > limit - pos) {
            throw error(UNEXPECTED_END);
        }
        pos += n;
    }

    /** Copies the next {@code n} bytes. */
    public byte[] bytes(int n) {
        int start = pos;
        skip(n);
        byte[] out = new byte[n];
        System.arraycopy(bytes, start, out, 0, n);
        return out;
    }

    /** An unsigned 32-bit LEB128 integer (at most 5 bytes, padding allowed), as a non-negative long. */
    public long u32() {
        long result = 0;
        for (int i = 0; i < 4; i++) {
            int b = u8();
            result |= (long) (b & 0x7F) << (7 * i);
            if ((b & 0x80) == 0) {
                return result;
            }
        }
        int last = lastByte();
        if ((last & 0x70) != 0) {
            throw errorAt("integer too large", pos - 1);
        }
        return result | (long) last << 28;
    }

    /** A signed 32-bit LEB128 integer. */
    public int s32() {
        int result = 0;
        for (int i = 0; i < 4; i++) {
            int b = u8();
            result |= (b & 0x7F) << (7 * i);
            if ((b & 0x80) == 0) {
                return signExtend(result, 7 * (i + 1));
            }
        }
        int last = lastByte();
        // Bits 32..34 must repeat the sign bit 31 (0x08).
        int extra = last & 0x78;
        if (extra != 0 && extra != 0x78) {
            throw errorAt("integer too large", pos - 1);
        }
        return result | last << 28;
    }

    /** A signed 33-bit LEB128 integer (block types and heap types). */
    public long s33() {
        long result = 0;
        for (int i = 0; i < 4; i++) {
            int b = u8();
            result |= (long) (b & 0x7F) << (7 * i);
            if ((b & 0x80) == 0) {
                return signExtend(result, 7 * (i + 1));
            }
        }
        int last = lastByte();
        int extra = last & 0x70;
        if (extra != 0 && extra != 0x70) {
            throw errorAt("integer too large", pos - 1);
        }
        return signExtend(result | (long) (last & 0x1F) << 28, 33);
    }

    /** A signed 64-bit LEB128 integer. */
    public long s64() {
        long result = 0;
        for (int i = 0; i < 9; i++) {
            int b = u8();
            result |= (long) (b & 0x7F) << (7 * i);
            if ((b & 0x80) == 0) {
                return signExtend(result, 7 * (i + 1));
            }
        }
        int last = lastByte();
        if ((last & 0x7F) != 0 && (last & 0x7F) != 0x7F) {
            throw errorAt("integer too large", pos - 1);
        }
        return result | (long) last << 63;
    }

    /** An unsigned 64-bit LEB128 integer, as the long with the same bits. */
    public long u64() {
        long result = 0;
        for (int i = 0; i < 9; i++) {
            int b = u8();
            result |= (long) (b & 0x7F) << (7 * i);
            if ((b & 0x80) == 0) {
                return result;
            }
        }
        int last = lastByte();
        if ((last & 0x7E) != 0) {
            throw errorAt("integer too large", pos - 1);
        }
        return result | (long) last << 63;
    }

    /**
     * An index (u32). Indices that do not fit a non-negative int are returned as {@link Integer#MAX_VALUE}:
     * no index space can be that large, so they stay out of range for any signed bounds check.
     */
    public int index() {
        long v = u32();
        return v > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) v;
    }

    /**
     * A byte length (u32) of a section, function body, name or data segment: one exceeding the rest of the
     * module fails here with "length out of bounds", before anything is allocated. Like the reference
     * interpreter, the bytes of the length itself count as available, so a length that overshoots by no
     * more than its own encoding fails later with "unexpected end" instead.
     */
    public int length() {
        int start = pos;
        long n = u32();
        if (n > limit - start) {
            throw errorAt("length out of bounds", start);
        }
        return (int) n;
    }

    /**
     * A vector count (u32, clamped to {@link Integer#MAX_VALUE}). Not checked against the remaining bytes,
     * matching the reference interpreter's messages: every vector element takes at least one byte, so a
     * loop over a hostile count fails with "unexpected end" after at most {@link #remaining()} elements.
     * Callers must therefore never allocate more than {@code min(count, remaining())} slots up front.
     */
    public int count() {
        long n = u32();
        return n > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) n;
    }

    /** Capacity to reserve for a vector of {@code count} elements: never more than can possibly be read. */
    public int capacityFor(int count) {
        return Math.min(count, remaining());
    }

    /** A name: a length-prefixed UTF-8 string, strictly decoded. */
    public String name() {
        int n = length();
        int start = pos;
        skip(n);
        if (isAscii(start, n)) {
            return new String(bytes, start, n, StandardCharsets.US_ASCII);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, start, n))
                    .toString();
        } catch (CharacterCodingException e) {
            throw errorAt("malformed UTF-8 encoding", start);
        }
    }

    private boolean isAscii(int start, int n) {
        for (int i = start; i < start + n; i++) {
            if (bytes[i] < 0) {
                return false;
            }
        }
        return true;
    }

    /** The final byte of a maximal-length LEB128 encoding, which must not continue. */
    private int lastByte() {
        int b = u8();
        if ((b & 0x80) != 0) {
            throw errorAt("integer representation too long", pos - 1);
        }
        return b;
    }

    private static int signExtend(int value, int bits) {
        int shift = 32 - bits;
        return (value << shift) >> shift;
    }

    private static long signExtend(long value, int bits) {
        int shift = 64 - bits;
        return (value << shift) >> shift;
    }
}
