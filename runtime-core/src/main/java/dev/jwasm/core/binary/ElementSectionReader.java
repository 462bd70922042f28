package dev.jwasm.core.binary;

import dev.jwasm.core.model.ConstExpr;
import dev.jwasm.core.model.ElementSegment;
import dev.jwasm.core.model.HeapType;
import dev.jwasm.core.model.Opcodes;
import dev.jwasm.core.model.SegmentMode;
import dev.jwasm.core.model.ValType;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the element section (id 9). The segment kind (0-7) is a bit field: bit 0 passive or declarative,
 * bit 1 explicit table index (active) or declarative (otherwise), bit 2 expressions instead of function
 * indices. Function indices are turned into {@code ref.func i} expressions so every segment looks alike.
 */
final class ElementSectionReader {
    private static final int PASSIVE_OR_DECLARATIVE = 0x01;
    private static final int EXPLICIT_TABLE_OR_DECLARATIVE = 0x02;
    private static final int EXPRESSIONS = 0x04;
    private static final int MAX_KIND = 7;
    private static final int ELEM_KIND_FUNCREF = 0x00;
    private static final ValType REF_FUNC = ValType.ref(false, HeapType.FUNC);

    private ElementSectionReader() {
    }

    static void read(ByteReader r, ModuleParts m) {
        int n = r.count();
        for (int i = 0; i < n; i++) {
            m.elements.add(segment(r, m.bytes));
        }
    }

    private static ElementSegment segment(ByteReader r, byte[] module) {
        int at = r.position();
        long kind = r.u32();
        if (kind > MAX_KIND) {
            throw r.errorAt("malformed elements segment kind", at);
        }
        int flags = (int) kind;
        SegmentMode mode = mode(flags);
        int table = 0;
        ConstExpr offset = null;
        if (mode == SegmentMode.ACTIVE) {
            if ((flags & EXPLICIT_TABLE_OR_DECLARATIVE) != 0) {
                table = r.index();
            }
            offset = ExpressionScanner.readConstExpr(r, module);
        }
        // Kinds 0 and 4 have an implicit type; the others state it (an element kind byte or a reference type).
        boolean implicitType = (flags & (PASSIVE_OR_DECLARATIVE | EXPLICIT_TABLE_OR_DECLARATIVE)) == 0;
        if ((flags & EXPRESSIONS) == 0) {
            ValType type = implicitType ? REF_FUNC : elemKind(r);
            return new ElementSegment(mode, type, table, offset, functionIndices(r));
        }
        ValType type = implicitType ? ValType.FUNCREF : TypeReader.refType(r);
        return new ElementSegment(mode, type, table, offset, expressions(r, module));
    }

    private static SegmentMode mode(int flags) {
        if ((flags & PASSIVE_OR_DECLARATIVE) == 0) {
            return SegmentMode.ACTIVE;
        }
        return (flags & EXPLICIT_TABLE_OR_DECLARATIVE) == 0 ? SegmentMode.PASSIVE : SegmentMode.DECLARATIVE;
    }

    private static ValType elemKind(ByteReader r) {
        int at = r.position();
        if (r.u8() != ELEM_KIND_FUNCREF) {
            throw r.errorAt("malformed element kind", at);
        }
        return REF_FUNC;
    }

    private static List<ConstExpr> functionIndices(ByteReader r) {
        int n = r.count();
        List<ConstExpr> inits = new ArrayList<>(ModuleParts.capacity(n));
        for (int i = 0; i < n; i++) {
            int at = r.position();
            inits.add(refFunc(r.u32(), at));
        }
        return inits;
    }

    /** The expression {@code ref.func index end}. */
    static ConstExpr refFunc(long index, int offset) {
        byte[] code = new byte[7];
        int len = 0;
        code[len++] = (byte) Opcodes.REF_FUNC;
        long v = index;
        do {
            int b = (int) (v & 0x7F);
            v >>>= 7;
            code[len++] = (byte) (v != 0 ? b | 0x80 : b);
        } while (v != 0);
        code[len++] = (byte) Opcodes.END;
        return new ConstExpr(java.util.Arrays.copyOf(code, len), offset);
    }

    private static List<ConstExpr> expressions(ByteReader r, byte[] module) {
        int n = r.count();
        List<ConstExpr> inits = new ArrayList<>(ModuleParts.capacity(n));
        for (int i = 0; i < n; i++) {
            inits.add(ExpressionScanner.readConstExpr(r, module));
        }
        return inits;
    }
}
