package dev.jwasm.core.binary;

import dev.jwasm.core.model.CustomSection;
import dev.jwasm.core.model.NameSection;

/** Reads a custom section (id 0): a name and uninterpreted content; the {@code name} section is also decoded. */
final class CustomSectionReader {
    static final String NAME_SECTION = "name";

    private CustomSectionReader() {
    }

    /**
     * @param end offset just past the section, from its declared size
     * @param placement id of the last non-custom section read before this one, 0 if none
     */
    static void read(ByteReader r, ModuleParts m, int end, int placement) {
        String name = r.name();
        if (r.position() > end) {
            throw r.errorAt("unexpected end", end);
        }
        int contentStart = r.position();
        byte[] content = r.bytes(end - contentStart);
        m.customSections.add(new CustomSection(name, content, contentStart, placement));
        if (NAME_SECTION.equals(name) && m.names == NameSection.EMPTY) {
            m.names = NameSectionReader.read(content);
        }
    }
}
