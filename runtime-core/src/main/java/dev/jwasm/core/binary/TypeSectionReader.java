package dev.jwasm.core.binary;

import dev.jwasm.core.model.ArrayType;
import dev.jwasm.core.model.CompositeType;
import dev.jwasm.core.model.FieldType;
import dev.jwasm.core.model.FuncType;
import dev.jwasm.core.model.StorageType;
import dev.jwasm.core.model.StructType;
import dev.jwasm.core.model.SubType;
import dev.jwasm.core.model.ValType;
import java.util.ArrayList;
import java.util.List;

/** Reads the type section (id 1): recursive groups of sub types over function, struct and array types. */
final class TypeSectionReader {
    private static final int REC = 0x4E;
    private static final int SUB = 0x50;
    private static final int SUB_FINAL = 0x4F;
    private static final int FUNC = 0x60;
    private static final int STRUCT = 0x5F;
    private static final int ARRAY = 0x5E;
    private static final int PACKED_I8 = 0x78;
    private static final int PACKED_I16 = 0x77;

    private TypeSectionReader() {
    }

    static void read(ByteReader r, ModuleParts m) {
        int groups = r.count();
        for (int g = 0; g < groups; g++) {
            int groupStart = m.types.size();
            if (r.peek() == REC) {
                r.u8();
                int size = r.count();
                for (int i = 0; i < size; i++) {
                    m.types.add(subType(r, groupStart, size));
                }
            } else {
                m.types.add(subType(r, groupStart, 1));
            }
        }
    }

    private static SubType subType(ByteReader r, int groupStart, int groupSize) {
        int b = r.peek();
        if (b != SUB && b != SUB_FINAL) {
            return new SubType(true, new int[0], compositeType(r), groupStart, groupSize);
        }
        r.u8();
        int n = r.count();
        List<Integer> supertypes = new ArrayList<>(ModuleParts.capacity(n));
        for (int i = 0; i < n; i++) {
            supertypes.add(r.index());
        }
        int[] supers = supertypes.stream().mapToInt(Integer::intValue).toArray();
        return new SubType(b == SUB_FINAL, supers, compositeType(r), groupStart, groupSize);
    }

    private static CompositeType compositeType(ByteReader r) {
        int at = r.position();
        int b = r.u8();
        return switch (b) {
            case FUNC -> new FuncType(valTypes(r), valTypes(r));
            case STRUCT -> structType(r);
            case ARRAY -> new ArrayType(fieldType(r));
            default -> throw r.errorAt(TypeReader.malformedTypeCode(b, "malformed definition type"), at);
        };
    }

    private static List<ValType> valTypes(ByteReader r) {
        int n = r.count();
        List<ValType> out = new ArrayList<>(ModuleParts.capacity(n));
        for (int i = 0; i < n; i++) {
            out.add(TypeReader.valType(r));
        }
        return out;
    }

    private static StructType structType(ByteReader r) {
        int n = r.count();
        List<FieldType> fields = new ArrayList<>(ModuleParts.capacity(n));
        for (int i = 0; i < n; i++) {
            fields.add(fieldType(r));
        }
        return new StructType(fields);
    }

    private static FieldType fieldType(ByteReader r) {
        int at = r.position();
        int b = r.peek();
        StorageType storage;
        if (b == PACKED_I8 || b == PACKED_I16) {
            r.u8();
            storage = b == PACKED_I8 ? StorageType.I8 : StorageType.I16;
        } else if (TypeReader.isValTypeCode(b)) {
            storage = StorageType.of(TypeReader.valType(r));
        } else {
            throw r.errorAt(b < 0 ? ByteReader.UNEXPECTED_END : "malformed storage type", at);
        }
        return new FieldType(storage, TypeReader.mutability(r));
    }
}
