package dev.jwasm.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwasm.api.Tier;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExpectedFailuresTest {
    private final ExpectedFailures list = ExpectedFailures.parse(List.of(
            "# known failures",
            "",
            "f32.wast:12  # wrong rounding",
            "proposals/threads/atomic.wast  # no threads",
            "i64.wast:7 @jit  # jit only",
            "f32.wast  # file-wide"));

    @Test
    void aLineEntryWinsOverItsFileEntry() {
        assertEquals("wrong rounding", list.lookup("f32.wast", 12, Tier.INTERP).orElseThrow().reason());
        assertEquals("file-wide", list.lookup("f32.wast", 13, Tier.INTERP).orElseThrow().reason());
    }

    @Test
    void aFileEntryCoversEveryLineOfTheFile() {
        assertEquals("no threads", list.lookup("proposals/threads/atomic.wast", 99, Tier.INTERP).orElseThrow().reason());
        assertTrue(list.lookup("i32.wast", 1, Tier.INTERP).isEmpty());
    }

    @Test
    void aTierTagLimitsTheEntryToThatTier() {
        assertTrue(list.lookup("i64.wast", 7, Tier.JIT).isPresent());
        assertTrue(list.lookup("i64.wast", 7, Tier.INTERP).isEmpty());
    }

    @Test
    void findMatchesOnlyTheExactLine() {
        assertTrue(list.find("f32.wast", 13, Tier.INTERP).isEmpty());
        assertEquals(2, list.entriesFor("f32.wast", Tier.INTERP).size());
    }

    @Test
    void aMalformedLineIsRejectedWithItsNumber() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ExpectedFailures.parse(List.of("ok.wast:1", "a.wast b.wast # two files")));
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
    }
}
