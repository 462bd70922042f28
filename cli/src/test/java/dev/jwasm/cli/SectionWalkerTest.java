package dev.jwasm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class SectionWalkerTest {
    private static final int[] HEADER = {0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00};

    @Test
    void listsSectionsWithOffsetsAndDeclaredSizes() {
        byte[] module = bytes(HEADER,
                // type section: one type () -> ()
                new int[] {0x01, 0x04, 0x01, 0x60, 0x00, 0x00},
                // custom section "hi" with two content bytes; size 5 = name length byte + "hi" + 2
                new int[] {0x00, 0x05, 0x02, 'h', 'i', 0xAA, 0xBB});
        List<SectionWalker.Section> sections = SectionWalker.sections(module);
        assertEquals(List.of(
                new SectionWalker.Section(1, 8, 10, 4, null),
                new SectionWalker.Section(0, 14, 16, 5, "hi")), sections);
        assertEquals("type", sections.get(0).displayName());
        assertEquals("custom \"hi\"", sections.get(1).displayName());
    }

    @Test
    void readsMultiByteSizes() {
        int[] big = new int[3 + 200];
        big[0] = 0x0B; // data section
        big[1] = 0xC8; // 200 = 0xC8 0x01 in LEB128
        big[2] = 0x01;
        SectionWalker.Section s = SectionWalker.sections(bytes(HEADER, big)).get(0);
        assertEquals(200, s.size());
        assertEquals(11, s.contentOffset());
        assertEquals("data", s.displayName());
    }

    @Test
    void aModuleWithOnlyAHeaderHasNoSections() {
        assertEquals(List.of(), SectionWalker.sections(bytes(HEADER)));
    }

    @Test
    void rejectsASectionRunningPastTheEnd() {
        assertThrows(IllegalArgumentException.class,
                () -> SectionWalker.sections(bytes(HEADER, new int[] {0x01, 0x10, 0x00})));
    }

    @Test
    void rejectsBytesThatAreNotABinaryModule() {
        assertThrows(IllegalArgumentException.class, () -> SectionWalker.sections(new byte[] {'(', 'm'}));
    }

    private static byte[] bytes(int[]... parts) {
        int n = 0;
        for (int[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int i = 0;
        for (int[] p : parts) {
            for (int b : p) {
                out[i++] = (byte) b;
            }
        }
        return out;
    }
}
