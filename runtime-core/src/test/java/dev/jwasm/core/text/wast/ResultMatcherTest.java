package dev.jwasm.core.text.wast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwasm.api.Value;
import dev.jwasm.core.model.ValType;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResultMatcherTest {
    @ParameterizedTest
    @CsvSource({
        "7fc00000, true, true",
        "ffc00000, true, true",
        "7fc00001, false, true",
        "7fa00000, false, false",
        "7f800000, false, false",
        "3f800000, false, false",
    })
    void f32NanPatternsLookAtThePayload(String hexBits, boolean canonical, boolean arithmetic) {
        Value v = Value.f32Bits((int) Long.parseLong(hexBits, 16));
        assertEquals(canonical, ResultMatcher.matches(new ResultPattern.CanonicalNan(ValType.F32), v));
        assertEquals(arithmetic, ResultMatcher.matches(new ResultPattern.ArithmeticNan(ValType.F32), v));
    }

    @ParameterizedTest
    @CsvSource({
        "7ff8000000000000, true, true",
        "fff8000000000000, true, true",
        "7ff8000000000001, false, true",
        "7ff4000000000000, false, false",
    })
    void f64NanPatternsLookAtThePayload(String hexBits, boolean canonical, boolean arithmetic) {
        Value v = Value.f64Bits(Long.parseUnsignedLong(hexBits, 16));
        assertEquals(canonical, ResultMatcher.matches(new ResultPattern.CanonicalNan(ValType.F64), v));
        assertEquals(arithmetic, ResultMatcher.matches(new ResultPattern.ArithmeticNan(ValType.F64), v));
    }

    @Test
    void floatsCompareByBitsSoZeroSignsDiffer() {
        ResultPattern minusZero = new ResultPattern.Num(ValType.F64, 0x8000_0000_0000_0000L);
        assertTrue(ResultMatcher.matches(minusZero, Value.f64(-0.0)));
        assertFalse(ResultMatcher.matches(minusZero, Value.f64(0.0)));
    }

    @Test
    void numbersMustHaveTheExpectedType() {
        assertTrue(ResultMatcher.matches(new ResultPattern.Num(ValType.I32, 0xFFFF_FFFFL), Value.i32(-1)));
        assertFalse(ResultMatcher.matches(new ResultPattern.Num(ValType.I64, 0xFFFF_FFFFL), Value.i32(-1)));
    }

    @Test
    void hostReferencesMatchByNumber() {
        Value ref = Value.externref(new HostObject(3));
        assertTrue(ResultMatcher.matches(new ResultPattern.HostRef(3), ref));
        assertFalse(ResultMatcher.matches(new ResultPattern.HostRef(4), ref));
        assertTrue(ResultMatcher.matches(new ResultPattern.NonNullRef(ResultPattern.RefKind.EXTERN), ref));
        assertFalse(ResultMatcher.matches(new ResultPattern.RefNull(), ref));
        assertTrue(ResultMatcher.matches(new ResultPattern.RefNull(), Value.externref(null)));
    }

    @Test
    void eitherMatchesAnyAlternative() {
        ResultPattern either = new ResultPattern.Either(List.of(
                new ResultPattern.Num(ValType.I32, 1), new ResultPattern.Num(ValType.I32, 2)));
        assertTrue(ResultMatcher.matches(either, Value.i32(2)));
        assertFalse(ResultMatcher.matches(either, Value.i32(3)));
    }

    @Test
    void resultCountsMustAgree() {
        List<ResultPattern> one = List.of(new ResultPattern.Num(ValType.I32, 1));
        assertFalse(ResultMatcher.matchesAll(one, new Value[0]));
        assertTrue(ResultMatcher.matchesAll(one, new Value[] {Value.i32(1)}));
    }

    @Test
    void describesExpectationsReadably() {
        assertEquals("[i32:1, f32:nan:canonical, ref.null]", ResultMatcher.describe(List.of(
                new ResultPattern.Num(ValType.I32, 1), new ResultPattern.CanonicalNan(ValType.F32),
                new ResultPattern.RefNull())));
    }
}
