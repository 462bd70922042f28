package dev.jwasm.core.text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Third pass: encodes imports, functions, tables, memories, globals, tags, exports and start. */
final class FieldEncoder {
    private final ModuleEncoder m;
    private final Segments segments;
    private final ExternTypes externTypes;
    private int funcIndex;
    private int tableIndex;
    private int memIndex;
    private int globalIndex;
    private int tagIndex;

    FieldEncoder(ModuleEncoder m) {
        this.m = m;
        this.segments = new Segments(m);
        this.externTypes = new ExternTypes(m);
    }

    void encode(SExpr.Parens p) {
        Cursor c = new Cursor(p, 1);
        switch (Cursor.head(p)) {
            case "import" -> importField(c);
            case "func" -> func(c);
            case "table" -> table(c);
            case "memory" -> memory(c);
            case "global" -> global(c);
            case "tag" -> tag(c);
            case "export" -> export(c);
            case "start" -> start(p, c);
            case "elem" -> segments.elem(c);
            case "data" -> segments.data(c);
            default -> {
                // types were encoded in the second pass
            }
        }
    }

    private static byte[] name(Cursor c) {
        return TextStrings.decodeName(c.atom(SExpr.Kind.STRING));
    }

    private void importField(Cursor c) {
        byte[] module = name(c);
        byte[] field = name(c);
        SExpr.Parens desc = c.parens();
        c.expectEnd();
        Cursor d = new Cursor(desc, 1);
        d.optId();
        importDesc(Cursor.head(desc), module, field, d);
    }

    /** Writes an import entry of the given kind; the cursor is at the type part of the descriptor. */
    private void importDesc(String kind, byte[] module, byte[] field, Cursor d) {
        ByteWriter w = new ByteWriter().name(module).name(field);
        switch (kind) {
            case "func" -> {
                if (d.peekParens("exact")) { // custom-descriptors proposal: exact function import
                    Cursor e = new Cursor((SExpr.Parens) d.next(), 1);
                    TypeUse u = TypeUse.parse(m, e);
                    e.expectEnd();
                    w.u8(0x20).u32(u.resolve(m));
                } else {
                    TypeUse u = TypeUse.parse(m, d);
                    w.u8(0).u32(u.resolve(m));
                }
                funcIndex++;
            }
            case "table" -> {
                w.u8(1);
                externTypes.tableType(d, w);
                tableIndex++;
            }
            case "memory" -> {
                w.u8(2);
                externTypes.memType(d, w);
                memIndex++;
            }
            case "global" -> {
                w.u8(3);
                externTypes.globalType(d.next(), w);
                globalIndex++;
            }
            case "tag" -> {
                TypeUse u = TypeUse.parse(m, d);
                w.u8(4).u8(0).u32(u.resolve(m));
                tagIndex++;
            }
            default -> throw Cursor.unexpected(d.owner());
        }
        d.expectEnd();
        m.importSec.entry().append(w);
    }

    /** Inline "(export "name")" abbreviations, written immediately. */
    private void inlineExports(Cursor c, int kind, int index) {
        while (c.peekParens("export")) {
            Cursor e = new Cursor((SExpr.Parens) c.next(), 1);
            byte[] n = name(e);
            e.expectEnd();
            m.exportSec.entry().name(n).u8(kind).u32(index);
        }
    }

    /** Inline "(import "m" "n")"; returns true (and writes the import) if present. */
    private boolean inlineImport(Cursor c, String kind) {
        if (!c.peekParens("import")) {
            return false;
        }
        Cursor i = new Cursor((SExpr.Parens) c.next(), 1);
        byte[] module = name(i);
        byte[] field = name(i);
        i.expectEnd();
        importDesc(kind, module, field, c);
        return true;
    }

    private void func(Cursor c) {
        c.optId();
        int index = funcIndex;
        inlineExports(c, 0, index);
        if (inlineImport(c, "func")) {
            return;
        }
        funcIndex++;
        TypeUse u = TypeUse.parse(m, c);
        m.funcSec.entry().u32(u.resolve(m));
        Map<String, Integer> localIds = new HashMap<>();
        List<String> names = new ArrayList<>();
        int nparams = u.paramCount(m);
        for (int i = 0; i < nparams; i++) {
            SExpr.Atom id = i < u.paramIds().size() ? u.paramIds().get(i) : null;
            names.add(declareLocal(localIds, id, i));
        }
        List<byte[]> localTypes = new ArrayList<>();
        while (c.peekParens("local")) {
            Cursor l = new Cursor((SExpr.Parens) c.next(), 1);
            SExpr.Atom id = l.optId();
            if (id != null) {
                names.add(declareLocal(localIds, id, nparams + localTypes.size()));
                localTypes.add(m.types.valType(l.next()));
                l.expectEnd();
                continue;
            }
            while (l.hasNext()) {
                names.add(null);
                localTypes.add(m.types.valType(l.next()));
            }
        }
        ByteWriter body = new ByteWriter();
        writeLocals(localTypes, body);
        new FuncEncoder(m, localIds).instrs(c, body);
        body.u8(0x0B);
        m.codeSec.entry().sized(body);
        if (localIds.size() > 0) {
            m.localNames.put(index, names);
        }
    }

    private static String declareLocal(Map<String, Integer> ids, SExpr.Atom id, int index) {
        if (id == null) {
            return null;
        }
        String name = IndexSpace.idName(id);
        if (ids.putIfAbsent(name, index) != null) {
            throw Cursor.error(id, "duplicate local");
        }
        return name;
    }

    /** Locals are written as runs of equal types. */
    private static void writeLocals(List<byte[]> types, ByteWriter w) {
        ByteWriter runs = new ByteWriter();
        int count = 0;
        int i = 0;
        while (i < types.size()) {
            int j = i;
            while (j < types.size() && java.util.Arrays.equals(types.get(j), types.get(i))) {
                j++;
            }
            runs.u32(j - i).bytes(types.get(i));
            count++;
            i = j;
        }
        w.u32(count).append(runs);
    }

    private void table(Cursor c) {
        c.optId();
        int index = tableIndex;
        inlineExports(c, 1, index);
        if (inlineImport(c, "table")) {
            return;
        }
        tableIndex++;
        boolean is64 = ExternTypes.addressType(c);
        if (c.peekAtom(SExpr.Kind.NUMBER)) {
            ByteWriter lim = new ByteWriter();
            ExternTypes.limits(c, is64, lim);
            byte[] rt = m.types.valType(c.next());
            if (c.hasNext()) {
                byte[] init = new FuncEncoder(m, Map.of()).constExpr(c);
                m.tableSec.entry().u8(0x40).u8(0).bytes(rt).append(lim).bytes(init);
            } else {
                m.tableSec.entry().bytes(rt).append(lim);
            }
            return;
        }
        SExpr rtExpr = c.next();
        byte[] rt = m.types.valType(rtExpr);
        SExpr.Parens elem = c.parens();
        c.expectEnd();
        if (!"elem".equals(Cursor.head(elem))) {
            throw Cursor.unexpected(elem);
        }
        int n = segments.inlineElem(index, is64, rtExpr, new Cursor(elem, 1));
        m.tableSec.entry().bytes(rt).u8(is64 ? 5 : 1).u64(n).u64(n);
    }

    private void memory(Cursor c) {
        c.optId();
        int index = memIndex;
        inlineExports(c, 2, index);
        if (inlineImport(c, "memory")) {
            return;
        }
        memIndex++;
        int save = c.position();
        boolean is64 = ExternTypes.addressType(c);
        int pageLog = -1;
        if (c.peekParens("pagesize") && "data".equals(Cursor.head(c.peek(1)))) {
            pageLog = ExternTypes.pageSize((SExpr.Parens) c.next());
        }
        if (c.peekParens("data")) {
            long len = segments.inlineData(index, is64, new Cursor((SExpr.Parens) c.next(), 1));
            c.expectEnd();
            long pageBytes = pageLog >= 0 ? 1L << pageLog : 65536;
            long pages = (len + pageBytes - 1) / pageBytes;
            ByteWriter w = m.memSec.entry().u8((is64 ? 5 : 1) | (pageLog >= 0 ? 8 : 0)).u64(pages).u64(pages);
            if (pageLog >= 0) {
                w.u32(pageLog);
            }
            return;
        }
        Cursor t = new Cursor(c.items(), save, c.owner());
        externTypes.memType(t, m.memSec.entry());
        t.expectEnd();
    }

    private void global(Cursor c) {
        c.optId();
        int index = globalIndex;
        inlineExports(c, 3, index);
        if (inlineImport(c, "global")) {
            return;
        }
        globalIndex++;
        ByteWriter w = new ByteWriter();
        externTypes.globalType(c.next(), w);
        w.bytes(new FuncEncoder(m, Map.of()).constExpr(c));
        m.globalSec.entry().append(w);
    }

    private void tag(Cursor c) {
        c.optId();
        int index = tagIndex;
        inlineExports(c, 4, index);
        if (inlineImport(c, "tag")) {
            return;
        }
        tagIndex++;
        TypeUse u = TypeUse.parse(m, c);
        c.expectEnd();
        m.tagSec.entry().u8(0).u32(u.resolve(m));
    }

    private void export(Cursor c) {
        byte[] n = name(c);
        SExpr.Parens desc = c.parens();
        c.expectEnd();
        Cursor d = new Cursor(desc, 1);
        String kind = Cursor.head(desc);
        int k;
        IndexSpace space;
        switch (kind == null ? "" : kind) {
            case "func" -> {
                k = 0;
                space = m.funcs;
            }
            case "table" -> {
                k = 1;
                space = m.tables;
            }
            case "memory" -> {
                k = 2;
                space = m.mems;
            }
            case "global" -> {
                k = 3;
                space = m.globals;
            }
            case "tag" -> {
                k = 4;
                space = m.tags;
            }
            default -> throw Cursor.unexpected(desc);
        }
        int idx = space.resolve(d.next());
        d.expectEnd();
        m.exportSec.entry().name(n).u8(k).u32(idx);
    }

    private void start(SExpr.Parens p, Cursor c) {
        if (m.hasStart) {
            throw Cursor.error(p, "multiple start sections");
        }
        m.hasStart = true;
        m.start = m.funcs.resolve(c.next());
        c.expectEnd();
    }
}
