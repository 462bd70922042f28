package dev.jwasm.api;

/**
 * An import could not be satisfied: missing, of the wrong kind, or of an incompatible type. The spec's
 * "unlinkable" outcome; messages start with {@code "unknown import"} or {@code "incompatible import type"}.
 */
public class LinkException extends WasmException {
    private static final long serialVersionUID = 1L;

    public LinkException(String message) {
        super(message);
    }
}
