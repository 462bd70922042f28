package dev.jwasm.core.binary;

import dev.jwasm.core.model.ConstExpr;
import dev.jwasm.core.model.TableDef;
import dev.jwasm.core.model.TableType;

/** Reads the table section (id 4): table types, optionally with an initialiser expression. */
final class TableSectionReader {
    private static final int WITH_INIT = 0x40;

    private TableSectionReader() {
    }

    static void read(ByteReader r, ModuleParts m) {
        int n = r.count();
        for (int i = 0; i < n; i++) {
            m.tables.add(table(r, m.bytes));
        }
    }

    private static TableDef table(ByteReader r, byte[] module) {
        if (r.peek() != WITH_INIT) {
            return new TableDef(TypeReader.tableType(r), null);
        }
        r.u8();
        int at = r.position();
        if (r.u8() != 0) {
            throw r.errorAt("zero byte expected", at);
        }
        TableType type = TypeReader.tableType(r);
        ConstExpr init = ExpressionScanner.readConstExpr(r, module);
        return new TableDef(type, init);
    }
}
