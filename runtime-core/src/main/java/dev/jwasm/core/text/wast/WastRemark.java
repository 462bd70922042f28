package dev.jwasm.core.text.wast;

/**
 * A note on a passed command whose outcome matched only loosely. The reference interpreter's error wording
 * differs from ours in places, so these pass but are counted so the gap stays visible.
 */
public enum WastRemark {
    NONE,
    /** The right kind of error, but its message does not contain the expected text. */
    MESSAGE_MISMATCH,
    /** An {@code assert_invalid} module was already rejected as malformed (while decoding or parsing text). */
    INVALID_AS_MALFORMED
}
