package dev.jwasm.core.text;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Writes the "name" custom section (module, function and local names) from the source identifiers. */
final class NameSection {
    private NameSection() {
    }

    static void write(ModuleEncoder m, ByteWriter out) {
        ByteWriter content = new ByteWriter();
        if (m.moduleName != null) {
            content.u8(0).sized(new ByteWriter().name(utf8(m.moduleName)));
        }
        ByteWriter funcNames = new ByteWriter();
        int count = 0;
        for (int i = 0; i < m.funcs.size(); i++) {
            String n = m.funcs.name(i);
            if (n != null) {
                funcNames.u32(i).name(utf8(n));
                count++;
            }
        }
        if (count > 0) {
            content.u8(1).sized(new ByteWriter().u32(count).append(funcNames));
        }
        if (!m.localNames.isEmpty()) {
            ByteWriter locals = new ByteWriter().u32(m.localNames.size());
            for (Map.Entry<Integer, List<String>> e : new TreeMap<>(m.localNames).entrySet()) {
                ByteWriter map = new ByteWriter();
                int n = 0;
                List<String> names = e.getValue();
                for (int i = 0; i < names.size(); i++) {
                    if (names.get(i) != null) {
                        map.u32(i).name(utf8(names.get(i)));
                        n++;
                    }
                }
                locals.u32(e.getKey()).u32(n).append(map);
            }
            content.u8(2).sized(locals);
        }
        if (content.size() == 0) {
            return;
        }
        ByteWriter section = new ByteWriter().name(utf8("name")).append(content);
        out.u8(0).sized(section);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
