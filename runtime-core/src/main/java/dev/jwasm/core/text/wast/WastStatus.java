package dev.jwasm.core.text.wast;

/** Outcome of one script command. */
public enum WastStatus {
    PASSED,
    FAILED,
    /** Not run to completion because it needs a feature jwasm does not support yet. */
    SKIPPED
}
