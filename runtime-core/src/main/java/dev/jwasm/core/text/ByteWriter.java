package dev.jwasm.core.text;

import java.util.Arrays;

/** Growable byte buffer with the binary format's primitive encodings (LEB128, names, vectors). */
final class ByteWriter {
    private byte[] buf = new byte[64];
    private int size;

    int size() {
        return size;
    }

    ByteWriter u8(int b) {
        if (size == buf.length) {
            buf = Arrays.copyOf(buf, buf.length * 2);
        }
        buf[size++] = (byte) b;
        return this;
    }

    ByteWriter bytes(byte[] b) {
        return bytes(b, 0, b.length);
    }

    ByteWriter bytes(byte[] b, int off, int len) {
        if (size + len > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + len));
        }
        System.arraycopy(b, off, buf, size, len);
        size += len;
        return this;
    }

    ByteWriter append(ByteWriter other) {
        return bytes(other.buf, 0, other.size);
    }

    /** Unsigned LEB128 of a value treated as unsigned 64-bit. */
    ByteWriter u64(long v) {
        do {
            int b = (int) (v & 0x7F);
            v >>>= 7;
            u8(v != 0 ? b | 0x80 : b);
        } while (v != 0);
        return this;
    }

    ByteWriter u32(int v) {
        return u64(Integer.toUnsignedLong(v));
    }

    /** Signed LEB128. */
    ByteWriter s64(long v) {
        while (true) {
            int b = (int) (v & 0x7F);
            v >>= 7;
            boolean done = v == 0 && (b & 0x40) == 0 || v == -1 && (b & 0x40) != 0;
            u8(done ? b : b | 0x80);
            if (done) {
                return this;
            }
        }
    }

    ByteWriter f32(int bits) {
        for (int i = 0; i < 4; i++) {
            u8(bits >>> (8 * i));
        }
        return this;
    }

    ByteWriter f64(long bits) {
        for (int i = 0; i < 8; i++) {
            u8((int) (bits >>> (8 * i)));
        }
        return this;
    }

    /** A length-prefixed byte string (names, data). */
    ByteWriter name(byte[] b) {
        u32(b.length);
        return bytes(b);
    }

    /** Appends {@code payload} prefixed by its size (sections, function bodies). */
    ByteWriter sized(ByteWriter payload) {
        u32(payload.size);
        return append(payload);
    }

    byte[] toByteArray() {
        return Arrays.copyOf(buf, size);
    }
}
