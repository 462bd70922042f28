package dev.jwasm.core.binary;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Test helper that assembles binary modules: header, sections with computed sizes, LEB128 numbers. */
final class ModuleBytes {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private ModuleBytes() {
        raw(0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00);
    }

    /** A module with the header only; add sections with {@link #section}. */
    static ModuleBytes module() {
        return new ModuleBytes();
    }

    /** Appends section {@code id} whose content is the concatenation of {@code parts}. */
    ModuleBytes section(int id, byte[]... parts) {
        byte[] content = concat(parts);
        out.write(id);
        out.writeBytes(u32(content.length));
        out.writeBytes(content);
        return this;
    }

    /** Appends bytes as they are. */
    ModuleBytes raw(int... bytes) {
        out.writeBytes(bytes(bytes));
        return this;
    }

    byte[] build() {
        return out.toByteArray();
    }

    static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            o.writeBytes(p);
        }
        return o.toByteArray();
    }

    static byte[] u32(long value) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        long v = value;
        do {
            int b = (int) (v & 0x7F);
            v >>>= 7;
            o.write(v != 0 ? b | 0x80 : b);
        } while (v != 0);
        return o.toByteArray();
    }

    /** A length-prefixed UTF-8 name. */
    static byte[] name(String s) {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        return concat(u32(utf8.length), utf8);
    }

    /** A vector: count followed by the items. */
    static byte[] vec(byte[]... items) {
        return concat(u32(items.length), concat(items));
    }

    /** Type section content with one {@code (func)} type. */
    static byte[] oneEmptyFuncType() {
        return vec(bytes(0x60, 0x00, 0x00));
    }

    /** A function body: size, then locals declarations and code (which must end with 0x0B). */
    static byte[] body(byte[] locals, int... code) {
        byte[] content = concat(locals, bytes(code));
        return concat(u32(content.length), content);
    }

    /**
     * A module with one {@code (func)} type, one function whose code is {@code code} (without locals), and
     * a memory when {@code withMemory}.
     */
    static byte[] function(boolean withMemory, int... code) {
        ModuleBytes m = module().section(1, oneEmptyFuncType()).section(3, vec(bytes(0)));
        if (withMemory) {
            m.section(5, vec(bytes(0x00, 0x01)));
        }
        return m.section(10, vec(body(bytes(0), code))).build();
    }
}
