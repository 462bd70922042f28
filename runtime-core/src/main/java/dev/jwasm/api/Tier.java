package dev.jwasm.api;

/** Which execution tier runs guest code. */
public enum Tier {
    /** The interpreter only. */
    INTERP,
    /** Compile every function to JVM bytecode before its first call. */
    JIT,
    /** Interpret, and compile functions that become hot (falls back to {@link #INTERP} without the JIT module). */
    AUTO
}
