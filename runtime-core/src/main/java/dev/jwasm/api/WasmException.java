package dev.jwasm.api;

/**
 * Root of every error jwasm reports about a module or its execution.
 *
 * <p>Messages start with the WebAssembly specification's own wording (for example {@code "type mismatch"}
 * or {@code "integer divide by zero"}) so that a {@code contains} check against the spec testsuite works,
 * followed by details such as the byte offset or function.
 */
public abstract class WasmException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    protected WasmException(String message) {
        super(message);
    }

    protected WasmException(String message, Throwable cause) {
        super(message, cause);
    }
}
