package dev.jwasm.core.binary;

import dev.jwasm.core.model.GlobalDef;
import dev.jwasm.core.model.GlobalType;

/** Reads the global section (id 6): global types with their initialiser expressions. */
final class GlobalSectionReader {
    private GlobalSectionReader() {
    }

    static void read(ByteReader r, ModuleParts m) {
        int n = r.count();
        for (int i = 0; i < n; i++) {
            GlobalType type = TypeReader.globalType(r);
            m.globals.add(new GlobalDef(type, ExpressionScanner.readConstExpr(r, m.bytes)));
        }
    }
}
