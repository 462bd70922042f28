package dev.jwasm.core.binary;

/** Reads the tag section (id 13): exception tags. */
final class TagSectionReader {
    private TagSectionReader() {
    }

    static void read(ByteReader r, ModuleParts m) {
        int n = r.count();
        for (int i = 0; i < n; i++) {
            m.tags.add(ImportSectionReader.tagType(r));
        }
    }
}
