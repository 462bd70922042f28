package dev.jwasm.core.text.wast;

/**
 * The host object a script denotes by {@code (ref.extern N)} or {@code (ref.host N)}. One script run uses
 * one object per number, so references compare equal by identity as well as by {@link #equals}.
 */
record HostObject(long id) {
    @Override
    public String toString() {
        return "host#" + id;
    }
}
