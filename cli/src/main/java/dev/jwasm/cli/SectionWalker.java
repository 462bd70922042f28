package dev.jwasm.cli;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Lists the sections of a binary module by walking their headers, for {@code jwasm inspect}. Only the
 * framing is read (id, size, a custom section's name); the decoder has already checked the contents.
 */
final class SectionWalker {
    private static final String[] NAMES = {"custom", "type", "import", "function", "table", "memory",
        "global", "export", "start", "element", "code", "data", "datacount", "tag"};
    private static final int HEADER_SIZE = 8;

    /**
     * One section.
     *
     * @param offset where the section starts (its id byte)
     * @param contentOffset where its content starts, just after the size (a custom section's name included)
     * @param size the content size as the header declares it
     * @param customName the custom section's name, or null for a known section
     */
    record Section(int id, long offset, long contentOffset, long size, String customName) {
        /** {@code type}, {@code code}... or {@code custom "name"}. */
        String displayName() {
            if (id == 0) {
                return "custom \"" + customName + "\"";
            }
            return id < NAMES.length ? NAMES[id] : "unknown(" + id + ")";
        }
    }

    private final byte[] bytes;
    private int pos;

    private SectionWalker(byte[] bytes) {
        this.bytes = bytes;
    }

    /**
     * The sections of {@code module} in order.
     *
     * @throws IllegalArgumentException if the framing is broken (not a binary module, or a size past the end)
     */
    static List<Section> sections(byte[] module) {
        return new SectionWalker(module).walk();
    }

    private List<Section> walk() {
        if (bytes.length < HEADER_SIZE || bytes[0] != 0 || bytes[1] != 'a' || bytes[2] != 's' || bytes[3] != 'm') {
            throw new IllegalArgumentException("not a binary module");
        }
        pos = HEADER_SIZE;
        List<Section> sections = new ArrayList<>();
        while (pos < bytes.length) {
            sections.add(next());
        }
        return sections;
    }

    private Section next() {
        long start = pos;
        int id = bytes[pos++] & 0xFF;
        long size = readU32();
        long contentOffset = pos;
        long end = pos + size;
        if (end > bytes.length) {
            throw new IllegalArgumentException("section at offset 0x" + Long.toHexString(start) + " runs past the end");
        }
        String name = null;
        if (id == 0) {
            int nameLength = (int) readU32();
            if (pos + nameLength > end) {
                throw new IllegalArgumentException("custom section name runs past its section");
            }
            name = new String(bytes, pos, nameLength, StandardCharsets.UTF_8);
            pos += nameLength;
        }
        Section s = new Section(id, start, contentOffset, size, name);
        pos = (int) end;
        return s;
    }

    private long readU32() {
        long result = 0;
        for (int shift = 0; shift < 35; shift += 7) {
            if (pos >= bytes.length) {
                throw new IllegalArgumentException("unexpected end");
            }
            int b = bytes[pos++] & 0xFF;
            result |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return result;
            }
        }
        throw new IllegalArgumentException("integer representation too long");
    }
}
