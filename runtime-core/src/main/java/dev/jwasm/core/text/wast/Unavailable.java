package dev.jwasm.core.text.wast;

/**
 * Why a script module has no usable instance or definition: it failed to compile or instantiate at
 * {@code line}. {@code feature} is set when the cause was a missing feature, so the commands that use the
 * module are skipped rather than failed.
 */
record Unavailable(int line, String reason, String feature) {
}
