package dev.jwasm.core.binary;

import dev.jwasm.api.MalformedModuleException;
import dev.jwasm.core.model.NameSection;
import java.util.HashMap;
import java.util.Map;

/**
 * Decodes the {@code name} custom section: module name (subsection 0), function names (1) and local names
 * (2); other subsections are skipped. As the spec's appendix allows, a malformed name section is ignored:
 * the result is then {@link NameSection#EMPTY}.
 */
final class NameSectionReader {
    private static final int MODULE = 0;
    private static final int FUNCTIONS = 1;
    private static final int LOCALS = 2;

    private NameSectionReader() {
    }

    static NameSection read(byte[] content) {
        try {
            return decode(content);
        } catch (MalformedModuleException e) {
            return NameSection.EMPTY;
        }
    }

    private static NameSection decode(byte[] content) {
        ByteReader r = new ByteReader(content);
        String moduleName = null;
        Map<Integer, String> functions = Map.of();
        Map<Integer, Map<Integer, String>> locals = Map.of();
        while (!r.atEnd()) {
            int id = r.u8();
            int size = r.length();
            int end = r.position() + size;
            if (end > content.length) {
                throw r.error(ByteReader.UNEXPECTED_END);
            }
            ByteReader sub = new ByteReader(content, r.position(), end);
            switch (id) {
                case MODULE -> moduleName = sub.name();
                case FUNCTIONS -> functions = nameMap(sub);
                case LOCALS -> locals = indirectNameMap(sub);
                default -> sub.skip(size);
            }
            if (!sub.atEnd()) {
                throw sub.error("section size mismatch");
            }
            r.position(end);
        }
        return new NameSection(moduleName, functions, locals);
    }

    private static Map<Integer, String> nameMap(ByteReader r) {
        int n = r.count();
        Map<Integer, String> names = new HashMap<>();
        for (int i = 0; i < n; i++) {
            int index = r.index();
            names.put(index, r.name());
        }
        return names;
    }

    private static Map<Integer, Map<Integer, String>> indirectNameMap(ByteReader r) {
        int n = r.count();
        Map<Integer, Map<Integer, String>> names = new HashMap<>();
        for (int i = 0; i < n; i++) {
            int index = r.index();
            names.put(index, Map.copyOf(nameMap(r)));
        }
        return names;
    }
}
