package dev.jwasm.api;

/**
 * The module decoded but is not valid: the spec's "invalid" outcome (for example {@code "type mismatch"}).
 * Carries the index of the function being validated (-1 outside code) and the byte offset of the
 * offending instruction or construct (-1 when unknown).
 */
public class InvalidModuleException extends WasmException {
    private static final long serialVersionUID = 1L;
    private final String reason;
    private final int functionIndex;
    private final long offset;

    public InvalidModuleException(String reason, int functionIndex, long offset) {
        super(format(reason, functionIndex, offset));
        this.reason = reason;
        this.functionIndex = functionIndex;
        this.offset = offset;
    }

    public InvalidModuleException(String reason) {
        this(reason, -1, -1);
    }

    private static String format(String reason, int functionIndex, long offset) {
        if (functionIndex < 0 && offset < 0) {
            return reason;
        }
        StringBuilder sb = new StringBuilder(reason).append(" (");
        if (offset >= 0) {
            sb.append("at offset 0x").append(Long.toHexString(offset));
        }
        if (functionIndex >= 0) {
            sb.append(offset >= 0 ? ", " : "").append("func ").append(functionIndex);
        }
        return sb.append(')').toString();
    }

    /** The spec's wording, without location. */
    public String reason() {
        return reason;
    }

    /** Index of the function (in the function index space) being validated, or -1. */
    public int functionIndex() {
        return functionIndex;
    }

    /** Byte offset of the offending construct, or -1. */
    public long offset() {
        return offset;
    }
}
