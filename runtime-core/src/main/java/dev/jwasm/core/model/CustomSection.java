package dev.jwasm.core.model;

/**
 * A custom section, kept in module order.
 *
 * @param offset byte offset of the section's content (after its name)
 * @param placement id of the last non-custom section before it (0 when none), so it can be re-emitted in place
 */
public record CustomSection(String name, byte[] content, long offset, int placement) {
}
