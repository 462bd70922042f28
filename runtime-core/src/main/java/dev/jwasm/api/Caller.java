package dev.jwasm.api;

import java.util.Optional;

/** What a host function sees of the guest that called it. */
public interface Caller {
    /** The calling instance, or null when the host function was called directly by the embedder. */
    Instance instance();

    /**
     * The memory the host function should use: the caller's export named {@code "memory"} if it has one,
     * else its memory 0. Empty when there is no calling instance or it has no memory.
     */
    Optional<Memory> memory();
}
