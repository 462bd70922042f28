package dev.jwasm.core.binary;

import dev.jwasm.core.model.Export;
import dev.jwasm.core.model.ExternKind;

/** Reads the export section (id 7). */
final class ExportSectionReader {
    private static final ExternKind[] KINDS = byCode();

    private ExportSectionReader() {
    }

    private static ExternKind[] byCode() {
        ExternKind[] kinds = new ExternKind[ExternKind.values().length];
        for (ExternKind k : ExternKind.values()) {
            kinds[k.code()] = k;
        }
        return kinds;
    }

    static void read(ByteReader r, ModuleParts m) {
        int n = r.count();
        for (int i = 0; i < n; i++) {
            String name = r.name();
            int at = r.position();
            int kind = r.u8();
            if (kind >= KINDS.length) {
                throw r.errorAt("malformed export kind", at);
            }
            m.exports.add(new Export(name, KINDS[kind], r.index()));
        }
    }
}
