package dev.jwasm.jit.emit;

/** Thrown while emitting a function the JIT does not compile; the function stays interpreted. */
public final class Unsupported extends RuntimeException {
    public Unsupported(String message) {
        super(message, null, false, false);
    }
}
