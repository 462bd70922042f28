package dev.jwasm.core.binary;

import static dev.jwasm.core.binary.ModuleBytes.body;
import static dev.jwasm.core.binary.ModuleBytes.bytes;
import static dev.jwasm.core.binary.ModuleBytes.concat;
import static dev.jwasm.core.binary.ModuleBytes.module;
import static dev.jwasm.core.binary.ModuleBytes.name;
import static dev.jwasm.core.binary.ModuleBytes.oneEmptyFuncType;
import static dev.jwasm.core.binary.ModuleBytes.u32;
import static dev.jwasm.core.binary.ModuleBytes.vec;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jwasm.api.MalformedModuleException;
import dev.jwasm.core.model.CustomSection;
import dev.jwasm.core.model.DecodedModule;
import dev.jwasm.core.model.NameSection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Custom sections (id 0) and the {@code name} section. */
class CustomSectionReaderTest {
    private static byte[] subsection(int id, byte[] content) {
        return concat(bytes(id), u32(content.length), content);
    }

    private static byte[] withNames(byte[] nameContent) {
        return module().section(1, oneEmptyFuncType()).section(3, vec(bytes(0)))
                .section(10, vec(body(vec(bytes(0x01, 0x7F)), 0x0B)))
                .section(0, name("name"), nameContent).build();
    }

    @Test
    void customSectionsAreKeptInOrderWithTheirPlacement() {
        byte[] module = module().section(0, name("first"), bytes(1, 2)).section(1, vec())
                .section(0, name("second")).section(0, name("third"), bytes(3)).build();
        List<CustomSection> customs = ModuleDecoder.decode(module).customSections();
        assertEquals(List.of("first", "second", "third"), customs.stream().map(CustomSection::name).toList());
        assertEquals(List.of(0, 1, 1), customs.stream().map(CustomSection::placement).toList());
        assertArrayEquals(bytes(1, 2), customs.get(0).content());
        assertEquals(16, customs.get(0).offset());
    }

    @Test
    void aCustomSectionNameMustFitTheSectionAndBeUtf8() {
        assertEquals("unexpected end", reason(module().raw(0x00, 0x00, 0x00, 0x05, 0x01, 0x00, 0x07, 0x00, 0x00).build()));
        assertEquals("malformed UTF-8 encoding", reason(module().section(0, bytes(0x01, 0x80)).build()));
        assertEquals("length out of bounds", reason(module().raw(0x00, 0x26, 0x10).build()));
    }

    @Test
    void theNameSectionGivesModuleFunctionAndLocalNames() {
        byte[] names = concat(subsection(0, name("demo")), subsection(1, vec(concat(u32(0), name("main")))),
                subsection(2, vec(concat(u32(0), vec(concat(u32(0), name("x")))))),
                subsection(7, bytes(1, 2, 3)));
        DecodedModule m = ModuleDecoder.decode(withNames(names));
        NameSection n = m.names();
        assertEquals("demo", n.moduleName());
        assertEquals("main", n.functionName(0));
        assertEquals(Map.of(0, Map.of(0, "x")), n.localNames());
        assertEquals("main", m.functionDisplayName(0));
    }

    @Test
    void aMalformedNameSectionIsIgnored() {
        byte[] truncated = concat(subsection(0, name("demo")), bytes(0x01, 0x10, 0x01));
        DecodedModule m = ModuleDecoder.decode(withNames(truncated));
        assertEquals(NameSection.EMPTY, m.names());
        assertEquals("func[0]", m.functionDisplayName(0));
        assertEquals(1, m.customSections().size());
        byte[] badUtf8 = subsection(1, vec(concat(u32(0), bytes(0x01, 0xFF))));
        assertEquals(NameSection.EMPTY, ModuleDecoder.decode(withNames(badUtf8)).names());
    }

    private static String reason(byte[] module) {
        return assertThrows(MalformedModuleException.class, () -> ModuleDecoder.decode(module)).reason();
    }
}
