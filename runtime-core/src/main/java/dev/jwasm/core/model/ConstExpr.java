package dev.jwasm.core.model;

/**
 * A constant expression (global, element, data and table initialisers) as its raw instruction bytes,
 * including the final {@code end} opcode.
 *
 * @param offset byte offset of the first instruction in the module, for error messages
 */
public record ConstExpr(byte[] code, long offset) {
    public ConstExpr {
        code = code.clone();
    }

    @Override
    public byte[] code() {
        return code.clone();
    }

    /** Number of code bytes without copying. */
    public int length() {
        return code.length;
    }

    /** Byte {@code i} of the expression without copying. */
    public byte byteAt(int i) {
        return code[i];
    }
}
