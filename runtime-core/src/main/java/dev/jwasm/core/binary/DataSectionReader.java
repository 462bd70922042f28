package dev.jwasm.core.binary;

import dev.jwasm.core.model.ConstExpr;
import dev.jwasm.core.model.DataSegment;
import dev.jwasm.core.model.SegmentMode;

/** Reads the data section (id 11): active segments (kinds 0 and 2, the latter with a memory index) and passive ones (kind 1). */
final class DataSectionReader {
    private DataSectionReader() {
    }

    static void read(ByteReader r, ModuleParts m) {
        int n = r.count();
        for (int i = 0; i < n; i++) {
            m.datas.add(segment(r, m.bytes));
        }
    }

    private static DataSegment segment(ByteReader r, byte[] module) {
        int at = r.position();
        long kind = r.u32();
        if (kind == 1) {
            return new DataSegment(SegmentMode.PASSIVE, 0, null, r.bytes(r.length()));
        }
        if (kind != 0 && kind != 2) {
            throw r.errorAt("malformed data segment kind", at);
        }
        int memory = kind == 2 ? r.index() : 0;
        ConstExpr offset = ExpressionScanner.readConstExpr(r, module);
        return new DataSegment(SegmentMode.ACTIVE, memory, offset, r.bytes(r.length()));
    }
}
