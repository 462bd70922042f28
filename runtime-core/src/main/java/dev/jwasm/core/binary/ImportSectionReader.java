package dev.jwasm.core.binary;

import dev.jwasm.core.model.Import;
import dev.jwasm.core.model.ImportDesc;
import dev.jwasm.core.model.TagType;

/** Reads the import section (id 2). */
final class ImportSectionReader {
    private ImportSectionReader() {
    }

    static void read(ByteReader r, ModuleParts m) {
        int n = r.count();
        for (int i = 0; i < n; i++) {
            String module = r.name();
            String name = r.name();
            m.imports.add(new Import(module, name, desc(r)));
        }
    }

    private static ImportDesc desc(ByteReader r) {
        int at = r.position();
        int kind = r.u8();
        return switch (kind) {
            case 0 -> new ImportDesc.Func(r.index());
            case 1 -> new ImportDesc.Table(TypeReader.tableType(r));
            case 2 -> new ImportDesc.Memory(TypeReader.memoryType(r));
            case 3 -> new ImportDesc.Global(TypeReader.globalType(r));
            case 4 -> new ImportDesc.Tag(tagType(r));
            default -> throw r.errorAt("malformed import kind", at);
        };
    }

    /** A tag type: attribute byte 0 (exception) and a type index; shared with the tag section. */
    static TagType tagType(ByteReader r) {
        int at = r.position();
        if (r.u8() != 0) {
            throw r.errorAt("zero byte expected", at);
        }
        return new TagType(r.index());
    }
}
