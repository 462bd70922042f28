package dev.jwasm.core.numeric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jwasm.api.TrapKind;
import dev.jwasm.api.WasmTrap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NumericTest {
    static int f32(float f) {
        return Float.floatToRawIntBits(f);
    }

    static long f64(double d) {
        return Double.doubleToRawLongBits(d);
    }

    @Test
    void signedDivisionTrapsOnZeroAndOverflowButRemainderDoesNotOverflow() {
        assertEquals(TrapKind.INTEGER_DIVIDE_BY_ZERO, assertThrows(WasmTrap.class, () -> I32Ops.divS(1, 0)).kind());
        assertEquals(TrapKind.INTEGER_OVERFLOW,
                assertThrows(WasmTrap.class, () -> I32Ops.divS(Integer.MIN_VALUE, -1)).kind());
        assertEquals(0, I32Ops.remS(Integer.MIN_VALUE, -1));
        assertEquals(0, I64Ops.remS(Long.MIN_VALUE, -1));
        assertEquals(TrapKind.INTEGER_OVERFLOW,
                assertThrows(WasmTrap.class, () -> I64Ops.divS(Long.MIN_VALUE, -1)).kind());
    }

    @ParameterizedTest(name = "{0} /u {1} = {2}, %u = {3}")
    @CsvSource({"-1, 2, 2147483647, 1", "-2147483648, 3, 715827882, 2", "7, -1, 0, 7"})
    void unsignedDivisionTreatsOperandsAsUnsigned(int a, int b, int q, int r) {
        assertEquals(q, I32Ops.divU(a, b));
        assertEquals(r, I32Ops.remU(a, b));
    }

    @Test
    void unsignedComparisonsOrderNegativeNumbersAboveMaxSigned() {
        assertEquals(1, I32Ops.gtU(-1, Integer.MAX_VALUE));
        assertEquals(1, I64Ops.ltU(0, -1L));
        assertEquals(0, I64Ops.geU(1, -1L));
    }

    @Test
    void minAndMaxPropagateNaNAndOrderSignedZeros() {
        assertEquals(f32(-0f), F32Ops.min(f32(0f), f32(-0f)));
        assertEquals(f32(0f), F32Ops.max(f32(-0f), f32(0f)));
        assertEquals(F32Ops.CANONICAL_NAN, F32Ops.min(0x7FA0_0000, f32(1f)), "signalling NaN comes back quiet");
        assertEquals(f64(-0.0), F64Ops.min(f64(0.0), f64(-0.0)));
        assertEquals(F64Ops.CANONICAL_NAN, F64Ops.max(f64(1.0), F64Ops.CANONICAL_NAN));
    }

    @Test
    void signOperationsKeepNaNPayloads() {
        int nan = 0x7FA0_0001;
        assertEquals(0xFFA0_0001, F32Ops.neg(nan));
        assertEquals(nan, F32Ops.abs(0xFFA0_0001));
        assertEquals(0xFFA0_0001, F32Ops.copysign(nan, f32(-1f)));
        assertEquals(0xFFF4_0000_0000_0001L, F64Ops.neg(0x7FF4_0000_0000_0001L));
    }

    @ParameterizedTest(name = "nearest({0}) = {1}")
    @CsvSource({"0.5, 0.0", "1.5, 2.0", "2.5, 2.0", "-0.5, -0.0", "-3.5, -4.0", "4.4, 4.0"})
    void nearestRoundsHalfToEven(double in, double out) {
        assertEquals(f64(out), F64Ops.nearest(f64(in)));
        assertEquals(f32((float) out), F32Ops.nearest(f32((float) in)));
    }

    @Test
    void truncatingTowardZeroKeepsTheSignOfZero() {
        assertEquals(f64(-0.0), F64Ops.trunc(f64(-0.7)));
        assertEquals(f32(-0f), F32Ops.ceil(f32(-0.5f)));
    }

    @Test
    void arithmeticOnNaNGivesACanonicalNaN() {
        assertEquals(F32Ops.CANONICAL_NAN, F32Ops.add(0x7F80_0001, f32(1f)));
        assertEquals(F64Ops.CANONICAL_NAN, F64Ops.div(f64(0.0), f64(0.0)) & ~0x8000_0000_0000_0000L);
    }

    @ParameterizedTest(name = "i32.trunc_f64_s({0}) traps with {1}")
    @CsvSource({"NaN, INVALID_CONVERSION_TO_INTEGER", "2147483648.0, INTEGER_OVERFLOW",
        "-2147483649.0, INTEGER_OVERFLOW", "Infinity, INTEGER_OVERFLOW"})
    void trappingTruncationsReportTheSpecTrap(double in, TrapKind kind) {
        assertEquals(kind, assertThrows(WasmTrap.class, () -> Conversions.i32TruncS(in)).kind());
    }

    @Test
    void truncationsAcceptValuesJustInsideTheRange() {
        assertEquals(Integer.MIN_VALUE, Conversions.i32TruncS(-2147483648.9));
        assertEquals(-1, Conversions.i32TruncU(4294967295.9));
        assertEquals(0, Conversions.i32TruncU(-0.9));
        assertEquals(Long.MIN_VALUE, Conversions.i64TruncS(-9223372036854775808.0));
        assertEquals(-2048L, Conversions.i64TruncU(18446744073709549568.0));
        assertThrows(WasmTrap.class, () -> Conversions.i64TruncU(18446744073709551616.0));
    }

    @Test
    void saturatingTruncationsClampAndMapNaNToZero() {
        assertEquals(0, Conversions.i32TruncSatS(Double.NaN));
        assertEquals(Integer.MAX_VALUE, Conversions.i32TruncSatS(1e10));
        assertEquals(-1, Conversions.i32TruncSatU(1e10));
        assertEquals(0, Conversions.i32TruncSatU(-5.0));
        assertEquals(-1L, Conversions.i64TruncSatU(Double.POSITIVE_INFINITY));
        assertEquals(Long.MIN_VALUE, Conversions.i64TruncSatS(Double.NEGATIVE_INFINITY));
    }

    @Test
    void unsignedInt64ToFloatRoundsCorrectly() {
        assertEquals(1.8446744e19f, Conversions.f32ConvertI64U(-1L));
        // 2^63 + 2^39 + 1 lies just above the midpoint between two floats and must round up.
        assertEquals(9.223373e18f, Conversions.f32ConvertI64U(0x8000_0080_0000_0001L));
        assertEquals(18446744073709551616.0, Conversions.f64ConvertI64U(-1L));
        assertEquals(4294967295.0, Conversions.f64ConvertI32U(-1));
    }

    @Test
    void promotionAndDemotionCanonicaliseNaN() {
        assertEquals(F64Ops.CANONICAL_NAN, Conversions.f64PromoteF32(0x7FA0_0000));
        assertEquals(F32Ops.CANONICAL_NAN, Conversions.f32DemoteF64(0x7FF4_0000_0000_0000L));
        assertEquals(f32(Float.MIN_VALUE), Conversions.f32DemoteF64(f64(Float.MIN_VALUE)));
    }
}
