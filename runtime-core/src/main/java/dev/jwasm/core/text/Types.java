package dev.jwasm.core.text;

import java.util.List;
import java.util.Map;

/** Parses and encodes value, reference, heap, storage and defined types. */
final class Types {
    private static final Map<String, Integer> NUM_TYPES = Map.of(
            "i32", 0x7F, "i64", 0x7E, "f32", 0x7D, "f64", 0x7C, "v128", 0x7B);
    private static final Map<String, Integer> HEAP_TYPES = Map.ofEntries(
            Map.entry("func", 0x70), Map.entry("extern", 0x6F), Map.entry("any", 0x6E), Map.entry("eq", 0x6D),
            Map.entry("i31", 0x6C), Map.entry("struct", 0x6B), Map.entry("array", 0x6A),
            Map.entry("nofunc", 0x73), Map.entry("noextern", 0x72), Map.entry("none", 0x71),
            Map.entry("exn", 0x69), Map.entry("noexn", 0x74));
    private static final Map<String, Integer> REF_SHORTHANDS = Map.ofEntries(
            Map.entry("funcref", 0x70), Map.entry("externref", 0x6F), Map.entry("anyref", 0x6E),
            Map.entry("eqref", 0x6D), Map.entry("i31ref", 0x6C), Map.entry("structref", 0x6B),
            Map.entry("arrayref", 0x6A), Map.entry("nullfuncref", 0x73), Map.entry("nullexternref", 0x72),
            Map.entry("nullref", 0x71), Map.entry("exnref", 0x69), Map.entry("nullexnref", 0x74));

    /** A parsed reference type: nullability and the encoded heap type. */
    record RefType(boolean nullable, byte[] heap) {
        void write(ByteWriter w) {
            if (nullable && isAbstract(heap)) {
                w.u8(heap[0]); // canonical shorthand such as funcref
            } else {
                w.u8(nullable ? 0x63 : 0x64).bytes(heap);
            }
        }

        byte[] encode() {
            ByteWriter w = new ByteWriter();
            write(w);
            return w.toByteArray();
        }
    }

    /** Abstract heap types are single bytes in 0x69..0x74 (negative as s33); type indices are not. */
    static boolean isAbstract(byte[] heap) {
        return heap.length == 1 && (heap[0] & 0xFF) >= 0x69 && (heap[0] & 0xFF) <= 0x74;
    }

    private final IndexSpace types;

    Types(IndexSpace types) {
        this.types = types;
    }

    static boolean isValTypeStart(SExpr e) {
        if (e instanceof SExpr.Atom a) {
            return a.kind() == SExpr.Kind.KEYWORD && (NUM_TYPES.containsKey(a.text()) || REF_SHORTHANDS.containsKey(a.text()));
        }
        return "ref".equals(Cursor.head(e));
    }

    /** Encodes one value type. */
    byte[] valType(SExpr e) {
        if (e instanceof SExpr.Atom a && a.kind() == SExpr.Kind.KEYWORD) {
            Integer code = NUM_TYPES.get(a.text());
            if (code != null) {
                return new byte[] {(byte) (int) code};
            }
        }
        return refType(e).encode();
    }

    RefType refType(SExpr e) {
        if (e instanceof SExpr.Atom a) {
            Integer code = a.kind() == SExpr.Kind.KEYWORD ? REF_SHORTHANDS.get(a.text()) : null;
            if (code == null) {
                throw Cursor.unexpected(e);
            }
            return new RefType(true, new byte[] {(byte) (int) code});
        }
        SExpr.Parens p = (SExpr.Parens) e;
        if (!"ref".equals(Cursor.head(p))) {
            throw Cursor.unexpected(p);
        }
        Cursor c = new Cursor(p, 1);
        boolean nullable = false;
        if (c.peekKeyword("null")) {
            c.skip();
            nullable = true;
        }
        byte[] heap = heapType(c.next());
        c.expectEnd();
        return new RefType(nullable, heap);
    }

    /** Encodes a heap type: abstract keyword, type index, or (exact idx). */
    byte[] heapType(SExpr e) {
        if (e instanceof SExpr.Atom a) {
            if (a.kind() == SExpr.Kind.KEYWORD) {
                Integer code = HEAP_TYPES.get(a.text());
                if (code == null) {
                    throw Cursor.unexpected(a);
                }
                return new byte[] {(byte) (int) code};
            }
            return new ByteWriter().s64(types.resolve(a) & 0xFFFFFFFFL).toByteArray();
        }
        if ("exact".equals(Cursor.head(e))) {
            Cursor c = new Cursor((SExpr.Parens) e, 1);
            SExpr idx = c.next();
            c.expectEnd();
            if (!(idx instanceof SExpr.Atom a) || a.kind() == SExpr.Kind.KEYWORD) {
                throw Cursor.unexpected(idx);
            }
            return new ByteWriter().u8(0x62).u32(types.resolve(idx)).toByteArray();
        }
        throw Cursor.unexpected(e);
    }

    /** Storage type of a field: packed i8/i16 or a value type. */
    byte[] storageType(SExpr e) {
        if (e instanceof SExpr.Atom a && a.kind() == SExpr.Kind.KEYWORD) {
            if (a.text().equals("i8")) {
                return new byte[] {0x78};
            }
            if (a.text().equals("i16")) {
                return new byte[] {0x77};
            }
        }
        return valType(e);
    }

    /** Field type: storage type or (mut storage type), followed by the mutability byte. */
    void fieldType(SExpr e, ByteWriter w) {
        if ("mut".equals(Cursor.head(e))) {
            Cursor c = new Cursor((SExpr.Parens) e, 1);
            w.bytes(storageType(c.next()));
            c.expectEnd();
            w.u8(1);
        } else {
            w.bytes(storageType(e));
            w.u8(0);
        }
    }

    /** Parses "(param ...)*" then "(result ...)*" into {@code def}; param ids go to {@code paramIds} if non-null. */
    void signature(Cursor c, List<byte[]> params, List<SExpr.Atom> paramIds, List<byte[]> results) {
        while (c.peekParens("param")) {
            Cursor p = new Cursor((SExpr.Parens) c.next(), 1);
            SExpr.Atom id = p.optId();
            if (id != null) {
                params.add(valType(p.next()));
                p.expectEnd();
                if (paramIds != null) {
                    paramIds.add(id);
                }
                continue;
            }
            while (p.hasNext()) {
                params.add(valType(p.next()));
                if (paramIds != null) {
                    paramIds.add(null);
                }
            }
        }
        while (c.peekParens("result")) {
            Cursor r = new Cursor((SExpr.Parens) c.next(), 1);
            while (r.hasNext()) {
                results.add(valType(r.next()));
            }
        }
    }

    static void writeVec(ByteWriter w, List<byte[]> items) {
        w.u32(items.size());
        for (byte[] b : items) {
            w.bytes(b);
        }
    }

    /** Encodes a composite type "(func ...)", "(struct ...)" or "(array ...)" into {@code w}, filling {@code def}. */
    void compType(SExpr e, TypeDef def, ByteWriter w) {
        String head = Cursor.head(e);
        if (head == null) {
            throw Cursor.unexpected(e);
        }
        Cursor c = new Cursor((SExpr.Parens) e, 1);
        switch (head) {
            case "func" -> {
                def.kind = TypeDef.Kind.FUNC;
                signature(c, def.params, null, def.results);
                c.expectEnd();
                w.u8(0x60);
                writeVec(w, def.params);
                writeVec(w, def.results);
            }
            case "struct" -> {
                def.kind = TypeDef.Kind.STRUCT;
                ByteWriter fields = new ByteWriter();
                int n = structFields(c, def, fields);
                w.u8(0x5F).u32(n).append(fields);
            }
            case "array" -> {
                def.kind = TypeDef.Kind.ARRAY;
                w.u8(0x5E);
                SExpr ft = c.next();
                if ("field".equals(Cursor.head(ft))) {
                    Cursor f = new Cursor((SExpr.Parens) ft, 1);
                    f.optId();
                    ft = f.next();
                    f.expectEnd();
                }
                fieldType(ft, w);
                c.expectEnd();
            }
            default -> throw Cursor.unexpected(e);
        }
    }

    private int structFields(Cursor c, TypeDef def, ByteWriter w) {
        int n = 0;
        while (c.hasNext()) {
            SExpr f = c.next();
            if (!"field".equals(Cursor.head(f))) {
                throw Cursor.unexpected(f);
            }
            Cursor fc = new Cursor((SExpr.Parens) f, 1);
            SExpr.Atom id = fc.optId();
            if (id != null) {
                String name = IndexSpace.idName(id);
                if (def.fieldIds.putIfAbsent(name, n) != null) {
                    throw Cursor.error(id, "duplicate field");
                }
                def.fieldNames.add(name);
                fieldType(fc.next(), w);
                fc.expectEnd();
                n++;
                continue;
            }
            while (fc.hasNext()) {
                def.fieldNames.add(null);
                fieldType(fc.next(), w);
                n++;
            }
        }
        return n;
    }

    /**
     * Encodes the body of "(type $id? X)": X is a composite type, possibly wrapped in "(sub final? idx* X)"
     * and preceded by descriptor clauses.
     */
    void subType(SExpr.Parens typeField, TypeDef def, ByteWriter w, boolean alone) {
        Cursor c = new Cursor(typeField, 1);
        c.optId();
        if (!c.peekParens("sub")) {
            boolean plain = !c.peekParens("describes") && !c.peekParens("descriptor");
            descriptorsAndComp(c, def, w);
            def.reusable = alone && plain && def.kind == TypeDef.Kind.FUNC;
            return;
        }
        SExpr body = c.next();
        c.expectEnd();
        Cursor s = new Cursor((SExpr.Parens) body, 1);
        boolean fin = false;
        if (s.peekKeyword("final")) {
            s.skip();
            fin = true;
        }
        ByteWriter supers = new ByteWriter();
        int n = 0;
        while (s.peekIndex()) {
            supers.u32(types.resolve(s.next()));
            n++;
        }
        if (!fin || n > 0) {
            w.u8(fin ? 0x4F : 0x50).u32(n).append(supers);
        }
        descriptorsAndComp(s, def, w);
        def.reusable = alone && fin && n == 0 && def.kind == TypeDef.Kind.FUNC;
    }

    private void descriptorsAndComp(Cursor c, TypeDef def, ByteWriter w) {
        if (c.peekParens("describes")) {
            w.u8(0x4C).u32(types.resolve(clauseIndex((SExpr.Parens) c.next())));
        }
        if (c.peekParens("descriptor")) {
            w.u8(0x4D).u32(types.resolve(clauseIndex((SExpr.Parens) c.next())));
        }
        compType(c.next(), def, w);
        c.expectEnd();
    }

    private static SExpr clauseIndex(SExpr.Parens p) {
        Cursor c = new Cursor(p, 1);
        SExpr idx = c.next();
        c.expectEnd();
        return idx;
    }
}
