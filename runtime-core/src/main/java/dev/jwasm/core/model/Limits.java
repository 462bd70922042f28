package dev.jwasm.core.model;

/**
 * Size limits of a memory (in pages) or table (in elements).
 *
 * @param min initial size
 * @param max maximum size, or -1 when absent
 * @param is64 true for a 64-bit address type ({@code i64}, memory64)
 * @param shared true for a shared memory (threads)
 */
public record Limits(long min, long max, boolean is64, boolean shared) {
    public boolean hasMax() {
        return max >= 0;
    }
}
