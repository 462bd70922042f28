package dev.jwasm.core.binary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwasm.api.MalformedModuleException;
import java.util.HexFormat;
import java.util.function.ToLongFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ByteReaderTest {
    private static ByteReader reader(String hex) {
        return new ByteReader(HexFormat.of().parseHex(hex.replace(" ", "")));
    }

    private static ToLongFunction<ByteReader> decoder(String kind) {
        return switch (kind) {
            case "u32" -> ByteReader::u32;
            case "s32" -> ByteReader::s32;
            case "s33" -> ByteReader::s33;
            case "u64" -> ByteReader::u64;
            case "s64" -> ByteReader::s64;
            default -> throw new IllegalArgumentException(kind);
        };
    }

    @ParameterizedTest(name = "{0} {1} = {2}")
    @CsvSource({
        "u32, 00, 0",
        "u32, 7f, 127",
        "u32, 80 01, 128",
        "u32, 80 80 80 80 00, 0",
        "u32, ff ff ff ff 0f, 4294967295",
        "u32, 83 80 80 80 00, 3",
        "s32, 7f, -1",
        "s32, ff ff ff ff 7f, -1",
        "s32, 80 80 80 80 78, -2147483648",
        "s32, ff ff ff ff 07, 2147483647",
        "s32, c0 bb 78, -123456",
        "s33, 40, -64",
        "s33, ff ff ff ff 0f, 4294967295",
        "s33, 80 80 80 80 70, -4294967296",
        "u64, ff ff ff ff ff ff ff ff ff 01, -1",
        "u64, 80 80 80 80 80 80 80 80 80 00, 0",
        "s64, 80 80 80 80 80 80 80 80 80 7f, -9223372036854775808",
        "s64, ff ff ff ff ff ff ff ff ff 00, 9223372036854775807",
        "s64, 7f, -1",
    })
    void leb128IntegersDecodeIncludingPaddedEncodings(String kind, String hex, long expected) {
        ByteReader r = reader(hex);
        assertEquals(expected, decoder(kind).applyAsLong(r));
        assertTrue(r.atEnd());
    }

    @ParameterizedTest(name = "{0} {1}: {2}")
    @CsvSource({
        "u32, 80 80 80 80 80 00, integer representation too long",
        "u32, ff ff ff ff 1f, integer too large",
        "u32, 80 80 80 80 10, integer too large",
        "s32, 80 80 80 80 80 00, integer representation too long",
        "s32, ff ff ff ff 0f, integer too large",
        "s32, 80 80 80 80 70, integer too large",
        "s33, 80 80 80 80 20, integer too large",
        "u64, 80 80 80 80 80 80 80 80 80 02, integer too large",
        "u64, 80 80 80 80 80 80 80 80 80 80 00, integer representation too long",
        "s64, 80 80 80 80 80 80 80 80 80 01, integer too large",
        "s64, ff ff ff ff ff ff ff ff ff 7e, integer too large",
        "u32, 80 80, unexpected end",
    })
    void malformedLeb128IntegersAreRejectedWithTheTestsuiteWording(String kind, String hex, String message) {
        MalformedModuleException e = assertThrows(MalformedModuleException.class,
                () -> decoder(kind).applyAsLong(reader(hex)));
        assertTrue(e.getMessage().startsWith(message), e.getMessage());
    }

    @Test
    void indicesTooLargeForAnIntAreClampedSoTheyStayOutOfRange() {
        assertEquals(Integer.MAX_VALUE, reader("ff ff ff ff 0f").index());
        assertEquals(5, reader("85 80 80 80 00").index());
    }

    @Test
    void aLengthBeyondTheModuleIsOutOfBounds() {
        MalformedModuleException e = assertThrows(MalformedModuleException.class,
                () -> reader("ff ff ff ff 0f 00").length());
        assertEquals("length out of bounds", e.reason());
        assertEquals(0, e.offset());
    }

    @Test
    void aHugeVectorCountIsReadWithoutAllocatingAnything() {
        ByteReader r = reader("ff ff ff ff 0f 01");
        int count = r.count();
        assertEquals(Integer.MAX_VALUE, count);
        assertEquals(1, r.capacityFor(count));
    }

    @Test
    void namesAreStrictUtf8() {
        assertEquals("héllo", reader("06 68 c3 a9 6c 6c 6f").name());
        for (String bad : new String[] {"02 c0 80", "03 ed a0 80", "01 ff", "04 f4 90 80 80", "02 e0 80"}) {
            MalformedModuleException e = assertThrows(MalformedModuleException.class, () -> reader(bad).name());
            assertEquals("malformed UTF-8 encoding", e.reason(), bad);
        }
    }

    @Test
    void readingPastTheEndReportsTheOffset() {
        ByteReader r = reader("01");
        r.u8();
        MalformedModuleException e = assertThrows(MalformedModuleException.class, r::u8);
        assertEquals(ByteReader.UNEXPECTED_END, e.reason());
        assertEquals(1, e.offset());
    }
}
