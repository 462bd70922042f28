package dev.jwasm.core.interp;

import java.io.ByteArrayOutputStream;

/** Test helper: writes wasm instruction bytes (opcodes and LEB128 immediates). */
public final class Code {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    public static Code of(int... bytes) {
        return new Code().op(bytes);
    }

    public Code op(int... bytes) {
        for (int b : bytes) {
            out.write(b);
        }
        return this;
    }

    public Code u(long v) {
        do {
            int b = (int) (v & 0x7F);
            v >>>= 7;
            out.write(v != 0 ? b | 0x80 : b);
        } while (v != 0);
        return this;
    }

    public Code s(long v) {
        boolean more = true;
        while (more) {
            int b = (int) (v & 0x7F);
            v >>= 7;
            more = !((v == 0 && (b & 0x40) == 0) || (v == -1 && (b & 0x40) != 0));
            out.write(more ? b | 0x80 : b);
        }
        return this;
    }

    public Code i32(int v) {
        return op(0x41).s(v);
    }

    public Code i64(long v) {
        return op(0x42).s(v);
    }

    public Code f32(float v) {
        int b = Float.floatToRawIntBits(v);
        return op(0x43, b & 0xFF, (b >>> 8) & 0xFF, (b >>> 16) & 0xFF, b >>> 24);
    }

    public Code f64(double v) {
        long b = Double.doubleToRawLongBits(v);
        op(0x44);
        for (int i = 0; i < 8; i++) {
            op((int) (b >>> (8 * i)) & 0xFF);
        }
        return this;
    }

    public Code get(int local) {
        return op(0x20).u(local);
    }

    public Code set(int local) {
        return op(0x21).u(local);
    }

    public Code call(int func) {
        return op(0x10).u(func);
    }

    /** A memory access with alignment 0 and {@code offset} on memory 0. */
    public Code mem(int opcode, long offset) {
        return op(opcode, 0).u(offset);
    }

    public Code end() {
        return op(0x0B);
    }

    public byte[] bytes() {
        return out.toByteArray();
    }
}
