package dev.jwasm.core.text.wast;

/** A command refers to a module that is missing or failed earlier in the script. */
final class ModuleUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Unavailable unavailable;

    ModuleUnavailableException(String what, Unavailable unavailable) {
        super(what + " is not available: " + (unavailable.line() > 0
                ? "the module at line " + unavailable.line() + " failed: " : "") + unavailable.reason());
        this.unavailable = unavailable;
    }

    Unavailable unavailable() {
        return unavailable;
    }
}
