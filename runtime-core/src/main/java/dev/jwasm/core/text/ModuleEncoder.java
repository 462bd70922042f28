package dev.jwasm.core.text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Encodes the fields of one text module into the binary format. Works in three passes over the fields:
 * declare identifiers (so that forward references resolve), encode type definitions, then encode every
 * other field in source order (which also fixes the order of implicitly inserted function types).
 */
final class ModuleEncoder {
    final IndexSpace typeSpace = new IndexSpace("type", "type");
    final IndexSpace funcs = new IndexSpace("func", "function");
    final IndexSpace tables = new IndexSpace("table", "table");
    final IndexSpace mems = new IndexSpace("memory", "memory");
    final IndexSpace globals = new IndexSpace("global", "global");
    final IndexSpace tags = new IndexSpace("tag", "tag");
    final IndexSpace elems = new IndexSpace("elem", "elem segment");
    final IndexSpace datas = new IndexSpace("data", "data segment");
    final Types types = new Types(typeSpace);
    final List<TypeDef> typeDefs = new ArrayList<>();
    private final Map<String, Integer> reusableTypes = new HashMap<>();

    final Section typeSec = new Section(1);
    final Section importSec = new Section(2);
    final Section funcSec = new Section(3);
    final Section tableSec = new Section(4);
    final Section memSec = new Section(5);
    final Section tagSec = new Section(13);
    final Section globalSec = new Section(6);
    final Section exportSec = new Section(7);
    final Section elemSec = new Section(9);
    final Section codeSec = new Section(10);
    final Section dataSec = new Section(11);
    boolean hasStart;
    int start;
    /** Whether to append a "name" custom section. */
    boolean names = true;
    boolean usesDataIndex;
    String moduleName;
    final Map<Integer, List<String>> localNames = new HashMap<>();

    /** The entries of one section and their count. */
    static final class Section {
        final int id;
        final ByteWriter body = new ByteWriter();
        int count;

        Section(int id) {
            this.id = id;
        }

        ByteWriter entry() {
            count++;
            return body;
        }

        void writeTo(ByteWriter out) {
            if (count == 0) {
                return;
            }
            ByteWriter content = new ByteWriter().u32(count).append(body);
            out.u8(id).sized(content);
        }
    }

    byte[] encode(List<SExpr> fields, SExpr.Atom moduleId) {
        if (moduleId != null) {
            moduleName = IndexSpace.idName(moduleId);
        }
        List<SExpr.Parens> list = new ArrayList<>();
        for (SExpr f : fields) {
            if (!(f instanceof SExpr.Parens p) || Cursor.head(p) == null) {
                throw Cursor.unexpected(f);
            }
            list.add(p);
        }
        new Declarations(this).declare(list);
        for (SExpr.Parens p : list) {
            String h = Cursor.head(p);
            if (h.equals("type")) {
                typeSec.entry();
                encodeTypeField(p, typeSec.body, true);
            } else if (h.equals("rec")) {
                ByteWriter w = typeSec.entry().u8(0x4E);
                int n = p.items().size() - 1;
                w.u32(n);
                for (int i = 1; i <= n; i++) {
                    SExpr t = p.items().get(i);
                    if (!"type".equals(Cursor.head(t))) {
                        throw Cursor.unexpected(t);
                    }
                    // a singular recursion group can be reused by implicit type uses (spec 3.0 typeuse rule)
                    encodeTypeField((SExpr.Parens) t, w, n == 1);
                }
            }
        }
        FieldEncoder fe = new FieldEncoder(this);
        for (SExpr.Parens p : list) {
            fe.encode(p);
        }
        for (Object[] check : pendingTypeChecks) {
            if ((Integer) check[0] >= typeDefs.size()) {
                throw Cursor.error((SExpr) check[1], "unknown type");
            }
        }
        return assemble();
    }

    private int typeCounter;

    private void encodeTypeField(SExpr.Parens p, ByteWriter w, boolean alone) {
        TypeDef def = typeDefs.get(typeCounter);
        types.subType(p, def, w, alone);
        if (def.reusable) {
            reusableTypes.putIfAbsent(def.funcKey(), typeCounter);
        }
        typeCounter++;
    }

    /** Index of a function type with this signature, inserting a new type definition if none exists. */
    int implicitType(List<byte[]> params, List<byte[]> results) {
        String key = TypeDef.key(params, results);
        Integer idx = reusableTypes.get(key);
        if (idx != null) {
            return idx;
        }
        TypeDef def = new TypeDef();
        def.params.addAll(params);
        def.results.addAll(results);
        def.reusable = true;
        int index = typeDefs.size();
        typeDefs.add(def);
        reusableTypes.put(key, index);
        ByteWriter w = typeSec.entry().u8(0x60);
        Types.writeVec(w, params);
        Types.writeVec(w, results);
        return index;
    }

    private final List<Object[]> pendingTypeChecks = new ArrayList<>();

    /** An explicit type index used with inline declarations must exist once implicit types are added. */
    void checkTypeExistsLater(int index, SExpr at) {
        pendingTypeChecks.add(new Object[] {index, at});
    }

    TypeDef typeDef(int index) {
        return index >= 0 && index < typeDefs.size() ? typeDefs.get(index) : null;
    }

    private byte[] assemble() {
        ByteWriter out = new ByteWriter();
        out.u8(0).u8('a').u8('s').u8('m').u8(1).u8(0).u8(0).u8(0);
        typeSec.writeTo(out);
        importSec.writeTo(out);
        funcSec.writeTo(out);
        tableSec.writeTo(out);
        memSec.writeTo(out);
        tagSec.writeTo(out);
        globalSec.writeTo(out);
        exportSec.writeTo(out);
        if (hasStart) {
            out.u8(8).sized(new ByteWriter().u32(start));
        }
        elemSec.writeTo(out);
        if (usesDataIndex) {
            out.u8(12).sized(new ByteWriter().u32(datas.size()));
        }
        codeSec.writeTo(out);
        dataSec.writeTo(out);
        if (names) {
            NameSection.write(this, out);
        }
        return out.toByteArray();
    }
}
