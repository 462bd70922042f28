package dev.jwasm.api;

/**
 * The bytes (or text) given as a module do not follow the binary (or text) format: the spec's
 * "malformed" outcome. {@link #offset()} is the byte offset in the binary where decoding failed, or -1
 * when unknown.
 */
public class MalformedModuleException extends WasmException {
    private static final long serialVersionUID = 1L;
    private final long offset;
    private final String reason;

    /**
     * @param reason the spec's wording, for example {@code "unexpected end"}
     * @param offset byte offset where the problem was found, or -1
     */
    public MalformedModuleException(String reason, long offset) {
        super(offset >= 0 ? reason + " (at offset 0x" + Long.toHexString(offset) + ")" : reason);
        this.reason = reason;
        this.offset = offset;
    }

    protected MalformedModuleException(String reason, String fullMessage) {
        super(fullMessage);
        this.reason = reason;
        this.offset = -1;
    }

    /** Byte offset in the module where decoding failed, or -1. */
    public long offset() {
        return offset;
    }

    /** The spec's wording of the problem, without location. */
    public String reason() {
        return reason;
    }
}
