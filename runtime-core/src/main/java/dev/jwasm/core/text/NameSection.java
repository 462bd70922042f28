package dev.jwasm.core.text;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes the "name" custom section from the source identifiers: module, function, local, type, table,
 * memory, global, element, data, field and tag names (the extended name section layout). Like wat2wasm
 * with --debug-names, once anything is named every function gets a (possibly empty) local name map.
 */
final class NameSection {
    private NameSection() {
    }

    static void write(ModuleEncoder m, ByteWriter out) {
        ByteWriter fields = fieldNames(m);
        boolean any = m.moduleName != null || !m.localNames.isEmpty() || fields != null;
        for (IndexSpace space : List.of(m.funcs, m.typeSpace, m.tables, m.mems, m.globals, m.elems, m.datas, m.tags)) {
            any |= space.hasNames();
        }
        if (!any) {
            return;
        }
        ByteWriter section = new ByteWriter().name(utf8("name"));
        section.append(subsections(m, localNames(m), fields));
        out.u8(0).sized(section);
    }

    private static ByteWriter subsections(ModuleEncoder m, ByteWriter locals, ByteWriter fields) {
        ByteWriter c = new ByteWriter();
        if (m.moduleName != null) {
            c.u8(0).sized(new ByteWriter().name(utf8(m.moduleName)));
        }
        nameMap(c, 1, m.funcs);
        if (locals != null) {
            c.u8(2).sized(locals);
        }
        nameMap(c, 4, m.typeSpace);
        nameMap(c, 5, m.tables);
        nameMap(c, 6, m.mems);
        nameMap(c, 7, m.globals);
        nameMap(c, 8, m.elems);
        nameMap(c, 9, m.datas);
        if (fields != null) {
            c.u8(10).sized(fields);
        }
        nameMap(c, 11, m.tags);
        return c;
    }

    /** Writes subsection {@code id} with the named entries of {@code space}; false if none is named. */
    private static boolean nameMap(ByteWriter out, int id, IndexSpace space) {
        ByteWriter map = new ByteWriter();
        int count = 0;
        for (int i = 0; i < space.size(); i++) {
            String n = space.name(i);
            if (n != null) {
                map.u32(i).name(utf8(n));
                count++;
            }
        }
        if (count == 0) {
            return false;
        }
        out.u8(id).sized(new ByteWriter().u32(count).append(map));
        return true;
    }

    private static ByteWriter localNames(ModuleEncoder m) {
        if (m.funcs.size() == 0) {
            return null;
        }
        ByteWriter locals = new ByteWriter().u32(m.funcs.size());
        for (int f = 0; f < m.funcs.size(); f++) {
            ByteWriter map = new ByteWriter();
            int n = 0;
            List<String> names = m.localNames.getOrDefault(f, List.of());
            for (int i = 0; i < names.size(); i++) {
                if (names.get(i) != null) {
                    map.u32(i).name(utf8(names.get(i)));
                    n++;
                }
            }
            locals.u32(f).u32(n).append(map);
        }
        return locals;
    }

    private static ByteWriter fieldNames(ModuleEncoder m) {
        ByteWriter w = new ByteWriter();
        int types = 0;
        for (int t = 0; t < m.typeDefs.size(); t++) {
            List<String> names = m.typeDefs.get(t).fieldNames;
            ByteWriter map = new ByteWriter();
            int n = 0;
            for (int i = 0; i < names.size(); i++) {
                if (names.get(i) != null) {
                    map.u32(i).name(utf8(names.get(i)));
                    n++;
                }
            }
            if (n > 0) {
                w.u32(t).u32(n).append(map);
                types++;
            }
        }
        return types == 0 ? null : new ByteWriter().u32(types).append(w);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
