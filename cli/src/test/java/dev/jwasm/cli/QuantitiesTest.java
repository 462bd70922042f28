package dev.jwasm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class QuantitiesTest {
    @ParameterizedTest(name = "{0} = {1} bytes")
    @CsvSource({"65536, 65536", "64K, 65536", "64k, 65536", "16M, 16777216", "1G, 1073741824",
        "2KiB, 2048", "3MB, 3145728", "0, 0"})
    void parsesSizesWithBinarySuffixes(String text, long bytes) {
        assertEquals(bytes, Quantities.bytes(text));
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"", "M", "-1", "1T", "1.5M", "9223372036854775807G", "99999999999999999999"})
    void rejectsMalformedOrOverflowingSizes(String text) {
        assertThrows(IllegalArgumentException.class, () -> Quantities.bytes(text));
    }

    @ParameterizedTest(name = "{0} = {1} ms")
    @CsvSource({"500ms, 500", "2s, 2000", "2, 2000", "1.5s, 1500", "1m, 60000", "1h, 3600000"})
    void parsesDurationsWithUnits(String text, long millis) {
        assertEquals(Duration.ofMillis(millis), Quantities.duration(text));
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"", "0s", "0", "2x", "-1s", "s", "100000000000h"})
    void rejectsMalformedZeroOrHugeDurations(String text) {
        assertThrows(IllegalArgumentException.class, () -> Quantities.duration(text));
    }
}
