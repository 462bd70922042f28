package dev.jwasm.core.binary;

import dev.jwasm.api.MalformedModuleException;
import dev.jwasm.core.model.DecodedModule;

/**
 * Decodes the WebAssembly binary format into a {@link DecodedModule}.
 *
 * <p>Checks everything the binary format itself requires (header, section order and sizes, LEB128
 * encodings, UTF-8 names, opcodes and immediates of every instruction, counts that must agree between
 * sections) and fails with a {@link MalformedModuleException} worded like the spec testsuite. Typing rules
 * are left to the validator.
 */
public final class ModuleDecoder {
    private static final int MAGIC = 0x6D736100; // "\0asm" read little-endian
    private static final int VERSION = 1;
    private static final int CUSTOM = 0;
    private static final int MAX_SECTION_ID = 13;
    /** Position of each section id in the required order (tag, 13, sits between memory and global). */
    private static final int[] ORDER = {0, 1, 2, 3, 4, 5, 7, 8, 9, 10, 12, 13, 11, 6};

    private ModuleDecoder() {
    }

    /** Decodes {@code bytes} (copied, so later changes by the caller do not affect the module). */
    public static DecodedModule decode(byte[] bytes) {
        return decode(bytes, true);
    }

    /**
     * Decodes {@code bytes} known to be a well-formed module, for example checked byte for byte against one
     * that decoded and validated before, as a compiled module's jar holds it. Function bodies are located by
     * their sizes and local declarations; their instructions are not stepped over, which was most of the
     * decoding time of a cached {@code jwasm run}. Malformed code in a body goes unreported here, so this is
     * never the decoder for input from outside.
     */
    public static DecodedModule decodeWellFormed(byte[] bytes) {
        return decode(bytes, false);
    }

    private static DecodedModule decode(byte[] bytes, boolean scanCode) {
        byte[] module = bytes.clone();
        ByteReader r = new ByteReader(module);
        header(r);
        ModuleParts m = new ModuleParts(module);
        m.scanCode = scanCode;
        int lastId = 0;
        while (!r.atEnd()) {
            int idAt = r.position();
            int id = r.u8();
            if (id > MAX_SECTION_ID) {
                throw r.errorAt("malformed section id", idAt);
            }
            if (id != CUSTOM && ORDER[id] <= ORDER[lastId]) {
                throw r.errorAt("unexpected content after last section", idAt);
            }
            int size = r.length();
            int start = r.position();
            section(r, m, id, start + size, lastId);
            if (r.position() != start + size) {
                throw r.errorAt("section size mismatch", start);
            }
            if (id != CUSTOM) {
                lastId = id;
            }
        }
        checkConsistency(r, m);
        return m.build();
    }

    private static void header(ByteReader r) {
        if (r.remaining() < 4) {
            throw r.errorAt("unexpected end", r.limit());
        }
        if (word32(r) != MAGIC) {
            throw r.errorAt("magic header not detected", 0);
        }
        if (r.remaining() < 4) {
            throw r.errorAt("unexpected end", r.limit());
        }
        if (word32(r) != VERSION) {
            throw r.errorAt("unknown binary version", 4);
        }
    }

    private static int word32(ByteReader r) {
        return r.u8() | r.u8() << 8 | r.u8() << 16 | r.u8() << 24;
    }

    private static void section(ByteReader r, ModuleParts m, int id, int end, int lastId) {
        switch (id) {
            case CUSTOM -> CustomSectionReader.read(r, m, end, lastId);
            case 1 -> TypeSectionReader.read(r, m);
            case 2 -> ImportSectionReader.read(r, m);
            case 3 -> FunctionSectionReader.read(r, m);
            case 4 -> TableSectionReader.read(r, m);
            case 5 -> MemorySectionReader.read(r, m);
            case 6 -> GlobalSectionReader.read(r, m);
            case 7 -> ExportSectionReader.read(r, m);
            case 8 -> m.startFunction = r.index();
            case 9 -> ElementSectionReader.read(r, m);
            case 10 -> CodeSectionReader.read(r, m);
            case 11 -> DataSectionReader.read(r, m);
            case 12 -> m.dataCount = r.index();
            case 13 -> TagSectionReader.read(r, m);
            default -> throw new IllegalStateException("section id " + id);
        }
    }

    /** The cross-section rules, checked after the last section as the reference interpreter does. */
    private static void checkConsistency(ByteReader r, ModuleParts m) {
        int end = r.limit();
        if (m.functionTypeIndices.length != m.codes.size()) {
            throw r.errorAt("function and code section have inconsistent lengths", end);
        }
        if (m.dataCount >= 0 && m.dataCount != m.datas.size()) {
            throw r.errorAt("data count and data section have inconsistent lengths", end);
        }
        if (m.dataCount < 0 && m.codeUsesDataIndex) {
            throw r.errorAt("data count section required", end);
        }
    }
}
