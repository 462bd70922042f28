package dev.jwasm.core.binary;

/** Reads the memory section (id 5). */
final class MemorySectionReader {
    private MemorySectionReader() {
    }

    static void read(ByteReader r, ModuleParts m) {
        int n = r.count();
        for (int i = 0; i < n; i++) {
            m.memories.add(TypeReader.memoryType(r));
        }
    }
}
