package dev.jwasm.wasi;

/** Whether the guest may modify a preopened directory. */
public enum PreopenMode {
    /** Reads only: writes, creation, renames, unlinks, truncation and time changes are refused. */
    READ_ONLY,
    /** Full access below the directory (never above it). */
    READ_WRITE
}
