package dev.jwasm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jwasm.api.Value;
import dev.jwasm.core.model.ValType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ValueTextTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "0, 0",
        "42, 42",
        "-1, -1",
        "+7, 7",
        "0x10, 16",
        "0XfF, 255",
        "-0x10, -16",
        "4294967295, -1",
        "0xffffffff, -1",
        "-2147483648, -2147483648",
        "1_000, 1000",
    })
    void parsesI32InDecimalAndHexSignedOrUnsigned(String text, int expected) {
        assertEquals(Value.i32(expected), ValueText.parse(text, ValType.I32));
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"4294967296", "-2147483649", "0x100000000", "abc", "", "1.5", "--1", "0x", "1e3"})
    void rejectsTextThatIsNotAnI32(String text) {
        assertThrows(IllegalArgumentException.class, () -> ValueText.parse(text, ValType.I32));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "9223372036854775807, 9223372036854775807",
        "-9223372036854775808, -9223372036854775808",
        "18446744073709551615, -1",
        "0x8000000000000000, -9223372036854775808",
    })
    void parsesI64AcrossItsWholeRange(String text, long expected) {
        assertEquals(Value.i64(expected), ValueText.parse(text, ValType.I64));
    }

    @Test
    void rejectsI64BeyondSixtyFourBits() {
        assertThrows(IllegalArgumentException.class, () -> ValueText.parse("18446744073709551616", ValType.I64));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "1.5, 0x3fc00000",
        "-0.0, 0x80000000",
        "0x1p-1, 0x3f000000",
        "0x1.8, 0x3fc00000",
        "inf, 0x7f800000",
        "-inf, 0xff800000",
        "nan, 0x7fc00000",
        "-nan, 0xffc00000",
        "nan:0x1, 0x7f800001",
        "1e40, 0x7f800000",
        "0.1, 0x3dcccccd",
    })
    void parsesF32BitExactly(String text, String bitsHex) {
        int bits = Integer.parseUnsignedInt(bitsHex.substring(2), 16);
        assertEquals(Value.f32Bits(bits), ValueText.parse(text, ValType.F32));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "1.5, 0x3ff8000000000000",
        "nan, 0x7ff8000000000000",
        "nan:0x4, 0x7ff0000000000004",
        "-inf, 0xfff0000000000000",
        "0.1, 0x3fb999999999999a",
    })
    void parsesF64BitExactly(String text, String bitsHex) {
        long bits = Long.parseUnsignedLong(bitsHex.substring(2), 16);
        assertEquals(Value.f64Bits(bits), ValueText.parse(text, ValType.F64));
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"1f", "1d", "NaNx", "nan:0x0", "nan:0x800000", "x", "", "1.2.3"})
    void rejectsTextThatIsNotAnF32(String text) {
        assertThrows(IllegalArgumentException.class, () -> ValueText.parse(text, ValType.F32));
    }

    @Test
    void refusesReferenceParametersWithAnExplanation() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ValueText.parse("0", ValType.EXTERNREF));
        assertEquals("parameters of type externref cannot be passed on the command line", e.getMessage());
    }

    @Test
    void formatsResultsTheWayTheyAreWritten() {
        assertEquals("-1", ValueText.format(Value.i32(-1)));
        assertEquals("-9223372036854775808", ValueText.format(Value.i64(Long.MIN_VALUE)));
        assertEquals("0.1", ValueText.format(Value.f32(0.1f)));
        assertEquals("2.5", ValueText.format(Value.f64(2.5)));
        assertEquals("nan", ValueText.format(Value.f32Bits(0x7fc00000)));
        assertEquals("-nan:0x1", ValueText.format(Value.f64Bits(0xfff0000000000001L)));
        assertEquals("inf", ValueText.format(Value.f64(Double.POSITIVE_INFINITY)));
        assertEquals("-inf", ValueText.format(Value.f32(Float.NEGATIVE_INFINITY)));
        assertEquals("null", ValueText.format(Value.externref(null)));
    }
}
