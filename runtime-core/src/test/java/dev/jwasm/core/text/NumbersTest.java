package dev.jwasm.core.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class NumbersTest {
    @Test
    void i32Range() {
        assertEquals(Integer.MIN_VALUE, Numbers.parseI32("-0x8000_0000"));
        assertEquals(-1, Numbers.parseI32("0xffff_ffff"));
        assertEquals(-1, Numbers.parseI32("-1"));
        assertEquals(4294967295L, Integer.toUnsignedLong(Numbers.parseI32("4_294_967_295")));
        assertEquals(123, Numbers.parseI32("+123"));
        assertThrows(NumberFormatException.class, () -> Numbers.parseI32("0x1_0000_0000"));
        assertThrows(NumberFormatException.class, () -> Numbers.parseI32("-0x8000_0001"));
        assertThrows(NumberFormatException.class, () -> Numbers.parseI32("1__0"));
    }

    @Test
    void i64Range() {
        assertEquals(Long.MIN_VALUE, Numbers.parseI64("-9223372036854775808"));
        assertEquals(-1L, Numbers.parseI64("18446744073709551615"));
        assertThrows(NumberFormatException.class, () -> Numbers.parseI64("18446744073709551616"));
    }

    @Test
    void floats() {
        assertEquals(Float.floatToRawIntBits(1.5f), Numbers.parseF32Bits("0x1.8p0"));
        assertEquals(0x3f800000, Numbers.parseF32Bits("1.00000005960464477539e0")); // tie -> even
        assertEquals(0x3f800001, Numbers.parseF32Bits("1.00000005960464477540e0"));
        assertEquals(0x3f800002, Numbers.parseF32Bits("1.000000178813934326171875")); // tie -> even (up)
        assertEquals(0x7fc00000, Numbers.parseF32Bits("nan"));
        assertEquals(0xffc00000, Numbers.parseF32Bits("-nan"));
        assertEquals(0x7f800001, Numbers.parseF32Bits("nan:0x1"));
        assertEquals(0x7f800000, Numbers.parseF32Bits("inf"));
        assertEquals(0x80000000, Numbers.parseF32Bits("-0.0"));
        assertEquals(1, Numbers.parseF32Bits("0x1p-149"));
        assertEquals(0x7f7fffff, Numbers.parseF32Bits("0x1.fffffep127"));
        assertEquals(0x7f7fffff, Numbers.parseF32Bits("0x1.fffffefffffffffffp127"));
        assertThrows(NumberFormatException.class, () -> Numbers.parseF32Bits("0x1.ffffffp127"));
        assertThrows(NumberFormatException.class, () -> Numbers.parseF32Bits("1e39"));
        assertThrows(NumberFormatException.class, () -> Numbers.parseF32Bits("nan:0x800000"));
        assertEquals(Double.doubleToRawLongBits(0.1), Numbers.parseF64Bits("0.1"));
        assertEquals(Double.doubleToRawLongBits(1e308), Numbers.parseF64Bits("1e308"));
        assertEquals(Double.doubleToRawLongBits(Double.MIN_VALUE), Numbers.parseF64Bits("4.9e-324"));
        assertEquals(0L, Numbers.parseF64Bits("1e-400"));
        assertEquals(0x7ff8000000000000L, Numbers.parseF64Bits("+nan"));
        assertEquals(0x7ff0000000000001L, Numbers.parseF64Bits("nan:0x1"));
        assertEquals(Double.doubleToRawLongBits(12345.0), Numbers.parseF64Bits("1_2_345"));
        assertEquals(Double.doubleToRawLongBits(0x1.fffffffffffffp1023), Numbers.parseF64Bits("0x1.fffffffffffffp1023"));
        assertThrows(NumberFormatException.class, () -> Numbers.parseF64Bits("0x1p1024"));
    }

    @Test
    void veryLongTokensDoNotOverflowTheStack() {
        String digits = "1".repeat(200_000);
        assertThrows(NumberFormatException.class, () -> Numbers.parseI64(digits));
        assertThrows(NumberFormatException.class, () -> Numbers.parseF64Bits(digits + ".5"));
        assertEquals(0L, Numbers.parseF64Bits("0." + "0".repeat(100_000) + "1"));
        assertEquals(0x7ff0000000000000L & 0, Numbers.parseF64Bits("0e999999999999999999") & 0);
        assertThrows(NumberFormatException.class, () -> Numbers.parseF64Bits("1e999999999999999999"));
        assertEquals(0L, Numbers.parseF64Bits("1e-999999999999999999"));
    }

    @Test
    void syntax() {
        assertEquals(true, NumberSyntax.isInt("0x1_f"));
        assertEquals(false, NumberSyntax.isInt("0x_1"));
        assertEquals(false, NumberSyntax.isInt("1_"));
        assertEquals(true, NumberSyntax.isFloat("1.e5"));
        assertEquals(true, NumberSyntax.isFloat("0x1.p-2"));
        assertEquals(false, NumberSyntax.isFloat("0x1.p"));
        assertEquals(false, NumberSyntax.isFloat(".5"));
        assertEquals(true, NumberSyntax.isFloat("-nan:0xf_f"));
    }
}
