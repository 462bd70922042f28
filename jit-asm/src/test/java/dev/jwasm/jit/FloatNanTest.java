package dev.jwasm.jit;

import static dev.jwasm.jit.Differential.i32;
import static dev.jwasm.jit.Differential.i64;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jwasm.api.Value;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The JIT keeps floats in JVM floats and doubles, whose NaN results have platform-dependent bits; it
 * canonicalises them wherever bits become observable. Each case asserts the exact bits on the JIT and that
 * the interpreter agrees.
 */
class FloatNanTest {
    private static final long NAN64 = 0x7FF8_0000_0000_0000L;
    private static final long NEG_NAN64 = 0xFFF8_0000_0000_0000L;
    private static final int NAN32 = 0x7FC0_0000;
    /** Signalling NaNs with payloads: a float operation would quieten them. */
    private static final long SNAN64 = 0x7FF0_0000_0000_0001L;
    private static final int SNAN32 = 0xFF80_0001;

    private static final Differential M = new Differential("""
            (module
              (memory 1)
              (global $g (mut f64) (f64.const 0))
              (global $h (mut f32) (f32.const 0))
              (func (export "store-div") (param f64 f64) (result i64)
                (f64.store (i32.const 8) (f64.div (local.get 0) (local.get 1)))
                (i64.load (i32.const 8)))
              (func (export "store-sub32") (param f32 f32) (result i32)
                (f32.store (i32.const 8) (f32.sub (local.get 0) (local.get 1)))
                (i32.load (i32.const 8)))
              (func (export "reinterpret-mul") (param f64 f64) (result i64)
                (i64.reinterpret_f64 (f64.mul (local.get 0) (local.get 1))))
              (func (export "reinterpret-sqrt32") (param f32) (result i32)
                (i32.reinterpret_f32 (f32.sqrt (local.get 0))))
              (func (export "neg-div") (param f64 f64) (result i64)
                (i64.reinterpret_f64 (f64.neg (f64.div (local.get 0) (local.get 1)))))
              (func (export "abs-div") (param f64 f64) (result i64)
                (i64.reinterpret_f64 (f64.abs (f64.div (local.get 0) (local.get 1)))))
              (func (export "neg-add32") (param f32 f32) (result i32)
                (i32.reinterpret_f32 (f32.neg (f32.add (local.get 0) (local.get 1)))))
              (func (export "copysign-nan-magnitude") (param f64 f64) (result i64)
                (i64.reinterpret_f64 (f64.copysign (f64.div (local.get 0) (local.get 1)) (f64.const -1))))
              (func (export "copysign-nan-sign") (param f64 f64) (result i64)
                (i64.reinterpret_f64 (f64.copysign (f64.const 1) (f64.div (local.get 0) (local.get 1)))))
              (func (export "neg-param") (param f64) (result i64)
                (i64.reinterpret_f64 (f64.neg (local.get 0))))
              (func (export "abs-param32") (param f32) (result i32)
                (i32.reinterpret_f32 (f32.abs (local.get 0))))
              (func (export "div-result") (param f64 f64) (result f64)
                (f64.div (local.get 0) (local.get 1)))
              (func (export "global-div") (param f64 f64) (result i64)
                (global.set $g (f64.div (local.get 0) (local.get 1)))
                (i64.reinterpret_f64 (global.get $g)))
              (func (export "min") (param f64 f64) (result i64)
                (i64.reinterpret_f64 (f64.min (local.get 0) (local.get 1))))
              (func (export "max") (param f64 f64) (result i64)
                (i64.reinterpret_f64 (f64.max (local.get 0) (local.get 1))))
              (func (export "min32") (param f32 f32) (result i32)
                (i32.reinterpret_f32 (f32.min (local.get 0) (local.get 1))))
              (func (export "max32") (param f32 f32) (result i32)
                (i32.reinterpret_f32 (f32.max (local.get 0) (local.get 1))))
              ;; signalling NaNs through memory, locals, globals, a compiled call and a result
              (func $id (param f64) (result f64) (local.get 0))
              (func $id32 (param f32) (result f32) (local.get 0))
              (func (export "snan-round-trip") (param i64) (result i64)
                (local f64)
                (i64.store (i32.const 0) (local.get 0))
                (local.set 1 (f64.load (i32.const 0)))
                (global.set $g (call $id (local.get 1)))
                (f64.store (i32.const 16) (global.get $g))
                (i64.load (i32.const 16)))
              (func (export "snan-round-trip32") (param i32) (result i32)
                (i32.store (i32.const 0) (local.get 0))
                (global.set $h (call $id32 (f32.load (i32.const 0))))
                (f32.store (i32.const 16) (global.get $h))
                (i32.load (i32.const 16)))
              (func (export "snan-reinterpret") (param i64) (result f64)
                (f64.reinterpret_i64 (local.get 0)))
              (func (export "snan-const") (result i64)
                (i64.reinterpret_f64 (call $id (f64.const nan:0x1))))
              ;; unsettled values deep in the stack: call arguments, multi-value results, branches, select
              (func $pair (param f64 f64) (result i64 i64)
                (i64.reinterpret_f64 (local.get 0)) (i64.reinterpret_f64 (local.get 1)))
              (func (export "nan-args") (param f64) (result i64 i64)
                (call $pair (f64.div (local.get 0) (local.get 0)) (f64.sub (local.get 0) (local.get 0))))
              (func $two (param f64) (result f64 f64)
                (f64.mul (local.get 0) (f64.const 0)) (f64.add (local.get 0) (f64.const 1)))
              (func (export "nan-results") (param f64) (result i64 i64)
                (local f64)
                (call $two (local.get 0))
                (local.set 1)
                (i64.reinterpret_f64)
                (i64.reinterpret_f64 (local.get 1)))
              (func (export "nan-block") (param f64 i32) (result i64)
                (i64.reinterpret_f64
                  (block (result f64)
                    (f64.mul (local.get 0) (f64.const 0))
                    (br_if 0 (local.get 1))
                    (drop)
                    (f64.sub (local.get 0) (local.get 0)))))
              (func (export "nan-select") (param f64 i32) (result i64)
                (i64.reinterpret_f64
                  (select (f64.div (local.get 0) (local.get 0)) (f64.const nan:0x4) (local.get 1))))
              (func (export "nan-select-compare") (param f64) (result i64)
                (i64.reinterpret_f64
                  (select (f64.div (local.get 0) (local.get 0)) (f64.const 2)
                    (f64.lt (local.get 0) (f64.const 1)))))
;; declared locals: lazy ones hold unsettled arithmetic results; one also set to a loaded value is exact
              (func (export "lazy-local") (param f64) (result i64)
                (local $x f64) (local $y f64)
                (local.set $x (f64.div (local.get 0) (local.get 0)))
                (local.set $y (f64.neg (local.get $x)))
                (global.set $g (local.get $x))
                (f64.store (i32.const 32) (local.get $x))
                (i64.add (i64.reinterpret_f64 (local.get $y))
                  (i64.add (i64.reinterpret_f64 (global.get $g)) (i64.load (i32.const 32)))))
              (func (export "lazy-local-result") (param f64) (result f64)
                (local $x f64)
                (local.set $x (f64.sub (local.get 0) (local.get 0)))
                (local.get $x))
              (func (export "demoted-local") (param i64 i32) (result i64)
                (local $x f64)
                (i64.store (i32.const 0) (local.get 0))
                (local.set $x (f64.mul (f64.load (i32.const 0)) (f64.const 0)))
                (if (local.get 1) (then (local.set $x (f64.load (i32.const 0)))))
                (i64.reinterpret_f64 (local.get $x)))
;; flagged locals: set from memory (exact) and by arithmetic in a loop (unsettled); read after the
;; loop by instructions that see the bits, and in it by arithmetic, directly or a few instructions later
              (func (export "flagged-local") (param $bits i64) (param $n i32) (result i64)
                (local $x f64) (local $y f64)
                (i64.store (i32.const 0) (local.get $bits))
                (local.set $x (f64.load (i32.const 0)))
                (block $done
                  (loop $l
                    (br_if $done (i32.eqz (local.get $n)))
                    (local.set $y (f64.const 1))
                    (local.set $x (f64.add (local.get $x) (f64.mul (local.get $y) (local.get $x))))
                    (local.set $n (i32.sub (local.get $n) (i32.const 1)))
                    (br $l)))
                (f64.store (i32.const 8) (local.get $x))
                (i64.add (i64.load (i32.const 8)) (i64.reinterpret_f64 (local.get $x))))
              (func (export "flagged-local-copy") (param $bits i64) (param $unsettle i32) (result i64)
                (local $x f64) (local $z f64)
                (i64.store (i32.const 0) (local.get $bits))
                (local.set $x (f64.load (i32.const 0)))
                (if (local.get $unsettle) (then (local.set $x (f64.sub (local.get $x) (local.get $x)))))
                (local.set $z (local.get $x))
                (local.set $z (local.tee $x (local.get $z)))
                (call $id (local.get $x))
                (i64.reinterpret_f64)
                (i64.reinterpret_f64 (local.get $z))
                (i64.add))
              (func (export "flagged-local-result") (param $bits i64) (param $unsettle i32) (result f64)
                (local $x f64)
                (i64.store (i32.const 0) (local.get $bits))
                (local.set $x (f64.load (i32.const 0)))
                (if (local.get $unsettle) (then (local.set $x (f64.mul (local.get $x) (f64.const 2)))))
                (local.get $x))
              (func (export "flagged-local32") (param $bits i32) (param $unsettle i32) (result i32)
                (local $x f32)
                (i32.store (i32.const 0) (local.get $bits))
                (local.set $x (f32.load (i32.const 0)))
                (if (local.get $unsettle) (then (local.set $x (f32.div (local.get $x) (f32.const 3)))))
                (f32.store (i32.const 8) (f32.abs (local.get $x)))
                (i32.load (i32.const 8)))
              (func (export "flagged-param") (param $x f64) (param $unsettle i32) (result i64)
                (if (local.get $unsettle) (then (local.set $x (f64.add (local.get $x) (f64.const 1)))))
                (f64.store (i32.const 8) (local.get $x))
                (i64.load (i32.const 8)))
;; min, max and the sign operations on operands from memory, enough times for HotSpot's compilers
              (func (export "sign-zero-loop") (param i32) (result i32)
                (local $bad i32) (local $pz f64) (local $nz f64) (local $p f64)
                (i64.store (i32.const 64) (i64.const 0))
                (i64.store (i32.const 72) (i64.const 0x8000000000000000))
                (i64.store (i32.const 80) (i64.const 0x7ff4000000000001))
                (loop
                  (local.set $pz (f64.load (i32.const 64)))
                  (local.set $nz (f64.load (i32.const 72)))
                  (local.set $p (f64.load (i32.const 80)))
                  (local.set $bad (i32.add (local.get $bad) (i32.add
                    (i64.ne (i64.reinterpret_f64 (f64.min (local.get $pz) (local.get $nz))) (i64.const 0x8000000000000000))
                    (i64.ne (i64.reinterpret_f64 (f64.max (local.get $nz) (local.get $pz))) (i64.const 0)))))
                  (local.set $bad (i32.add (local.get $bad) (i32.add
                    (i64.ne (i64.reinterpret_f64 (f64.neg (local.get $p))) (i64.const 0xfff4000000000001))
                    (i64.ne (i64.reinterpret_f64 (f64.copysign (local.get $p) (local.get $nz)))
                      (i64.const 0xfff4000000000001)))))
                  (br_if 0 (local.tee 0 (i32.sub (local.get 0) (i32.const 1)))))
                (local.get $bad))
              ;; many iterations, so HotSpot's compilers (which may constant-fold 0/0) run the loop too
              (func (export "nan-loop") (param i32) (result i32)
                (local i32 f64)
                (loop
                  (local.set 2 (f64.div (f64.const 0) (f64.const 0)))
                  (if (i64.ne (i64.reinterpret_f64 (local.get 2)) (i64.const 0x7ff8000000000000))
                    (then (local.set 1 (i32.add (local.get 1) (i32.const 1)))))
                  (br_if 0 (local.tee 0 (i32.sub (local.get 0) (i32.const 1)))))
                (local.get 1)))
            """);

    private static Value f64(long bits) {
        return Value.f64Bits(bits);
    }

    private static Value f32(int bits) {
        return Value.f32Bits(bits);
    }

    private static List<Value> call(String name, Value... args) {
        M.assertCompiled(name);
        return M.call(name, args).results();
    }

    private static long l(String name, Value... args) {
        return call(name, args).get(0).asLong();
    }

    private static int i(String name, Value... args) {
        return call(name, args).get(0).asInt();
    }

    private static final Value ZERO = f64(0);
    private static final Value INF = f64(0x7FF0_0000_0000_0000L);

    @Test
    void arithmeticNanIsCanonicalWhenStoredOrReinterpreted() {
        assertEquals(NAN64, l("store-div", ZERO, ZERO));
        assertEquals(NAN32, i("store-sub32", f32(0x7F80_0000), f32(0x7F80_0000)));
        assertEquals(NAN64, l("reinterpret-mul", ZERO, INF));
        assertEquals(NAN32, i("reinterpret-sqrt32", f32(0xBF80_0000)));
        assertEquals(NAN64, l("global-div", ZERO, ZERO));
        assertEquals(NAN64, call("div-result", ZERO, ZERO).get(0).bits());
        // a NaN operand's payload does not survive arithmetic either
        assertEquals(NAN64, l("reinterpret-mul", f64(0xFFF4_0000_0000_0001L), f64(0x3FF0_0000_0000_0000L)));
    }

    @Test
    void signOperationsSeeTheCanonicalNan() {
        assertEquals(NEG_NAN64, l("neg-div", ZERO, ZERO));
        assertEquals(NAN64, l("abs-div", ZERO, ZERO));
        assertEquals(0xFFC0_0000, i("neg-add32", f32(0x7F80_0000), f32(0xFF80_0000)));
        assertEquals(NEG_NAN64, l("copysign-nan-magnitude", ZERO, ZERO));
        // the canonical NaN is positive, whatever the hardware's default NaN
        assertEquals(0x3FF0_0000_0000_0000L, l("copysign-nan-sign", ZERO, ZERO));
    }

    @Test
    void signOperationsKeepPayloadsOfNonArithmeticNans() {
        assertEquals(0xFFF4_0000_0000_0001L, l("neg-param", f64(0x7FF4_0000_0000_0001L)));
        assertEquals(0x7FF0_0000_0000_0001L, l("neg-param", f64(0xFFF0_0000_0000_0001L)));
        assertEquals(0x7F80_0001, i("abs-param32", f32(SNAN32)));
    }

    @Test
    void signallingNansSurviveLoadsStoresLocalsGlobalsAndCalls() {
        assertEquals(SNAN64, l("snan-round-trip", i64(SNAN64)));
        assertEquals(0xFFF0_0000_0000_0001L, l("snan-round-trip", i64(0xFFF0_0000_0000_0001L)));
        assertEquals(SNAN32, i("snan-round-trip32", i32(SNAN32)));
        assertEquals(0x7F80_0001, i("snan-round-trip32", i32(0x7F80_0001)));
        assertEquals(SNAN64, call("snan-reinterpret", i64(SNAN64)).get(0).bits());
        assertEquals(0x7FF0_0000_0000_0001L, l("snan-const"));
    }

    @Test
    void declaredLocalsKeepArithmeticNansUntilObservedAndLoadedNansExactly() {
        assertEquals(NEG_NAN64 + NAN64 + NAN64, l("lazy-local", INF));
        assertEquals(NAN64, call("lazy-local-result", INF).get(0).bits());
        assertEquals(SNAN64, l("demoted-local", i64(SNAN64), i32(1)));
        assertEquals(NAN64, l("demoted-local", i64(SNAN64), i32(0)));
    }

    @Test
    void localsSetFromMemoryAndByArithmeticKeepExactBitsOrCanonicalise() {
        // no iteration: the loaded signalling NaN, stored and reinterpreted as it is
        assertEquals(SNAN64 + SNAN64, l("flagged-local", i64(SNAN64), i32(0)));
        assertEquals(NAN64 + NAN64, l("flagged-local", i64(SNAN64), i32(1)));
        assertEquals(NAN64 + NAN64, l("flagged-local", i64(0xFFF4_0000_0000_0001L), i32(5)));
        // 1.0 doubled three times
        assertEquals(2 * 0x4020_0000_0000_0000L, l("flagged-local", i64(0x3FF0_0000_0000_0000L), i32(3)));
        assertEquals(SNAN64 + SNAN64, l("flagged-local-copy", i64(SNAN64), i32(0)));
        assertEquals(NAN64 + NAN64, l("flagged-local-copy", i64(SNAN64), i32(1)));
        assertEquals(SNAN64, call("flagged-local-result", i64(SNAN64), i32(0)).get(0).bits());
        assertEquals(NAN64, call("flagged-local-result", i64(SNAN64), i32(1)).get(0).bits());
        assertEquals(0x7F80_0001, i("flagged-local32", i32(SNAN32), i32(0)));
        assertEquals(NAN32, i("flagged-local32", i32(SNAN32), i32(1)));
        assertEquals(SNAN64, l("flagged-param", f64(SNAN64), i32(0)));
        assertEquals(NAN64, l("flagged-param", f64(SNAN64), i32(1)));
        // again once HotSpot has compiled the generated code, which it does with both paths taken
        dev.jwasm.api.Function f = M.jit.function("flagged-local");
        for (int round = 0; round < 30_000; round++) {
            int n = round & 3;
            long expected = n == 0 ? SNAN64 + SNAN64 : NAN64 + NAN64;
            assertEquals(expected, f.call(i64(SNAN64), i32(n))[0].asLong(), "round " + round);
        }
    }

    /** Stores into a 64-bit memory and into a second memory canonicalise as the first memory's do. */
    private static final Differential MEMORIES = new Differential("""
            (module
              (memory $a 1)
              (memory $b i64 1)
              (memory $c 1)
              (func (export "stores") (param $x f64) (param $y f32) (result i64)
                (f64.store $b (i64.const 8) (f64.div (local.get $x) (local.get $x)))
                (f64.store $c (i32.const 8) (f64.sub (local.get $x) (local.get $x)))
                (f32.store $c (i32.const 16) (f32.mul (local.get $y) (f32.const 0)))
                (f32.store $b (i64.const 16) (f32.sub (local.get $y) (local.get $y)))
                (i64.xor (i64.xor (i64.load $b (i64.const 8)) (i64.load $c (i32.const 8)))
                  (i64.shl (i64.add (i64.load32_u $c (i32.const 16)) (i64.load32_u $b (i64.const 16)))
                    (i64.const 1))))
              (func (export "store-loaded") (param $bits i64) (result i64)
                (i64.store $c (i32.const 0) (local.get $bits))
                (f64.store $b (i64.const 0) (f64.load $c (i32.const 0)))
                (i64.load $b (i64.const 0))))
            """);

    @Test
    void storesToEveryMemoryCanonicaliseArithmeticNansAndKeepLoadedOnes() {
        MEMORIES.assertCompiled("stores");
        long expected = NAN64 ^ NAN64 ^ (((NAN32 & 0xFFFF_FFFFL) + (NAN32 & 0xFFFF_FFFFL)) << 1);
        assertEquals(expected, MEMORIES.call("stores", INF, f32(0x7F80_0000)).results().get(0).asLong());
        assertEquals(expected, MEMORIES.call("stores", f64(SNAN64), f32(SNAN32)).results().get(0).asLong());
        MEMORIES.assertCompiled("store-loaded");
        assertEquals(SNAN64, MEMORIES.call("store-loaded", i64(SNAN64)).results().get(0).asLong());
    }

    @Test
    void minAndMaxOrderNegativeZeroBelowPositiveZeroAndPropagateNan() {
        long negZero = 0x8000_0000_0000_0000L;
        assertEquals(negZero, l("min", ZERO, f64(negZero)));
        assertEquals(negZero, l("min", f64(negZero), ZERO));
        assertEquals(0L, l("max", f64(negZero), ZERO));
        assertEquals(0L, l("max", ZERO, f64(negZero)));
        assertEquals(0x8000_0000, i("min32", f32(0), f32(0x8000_0000)));
        assertEquals(0, i("max32", f32(0x8000_0000), f32(0)));
        assertEquals(NAN64, l("min", f64(SNAN64), ZERO));
        assertEquals(NAN64, l("max", ZERO, f64(0xFFF8_0000_0000_0001L)));
        assertEquals(NAN32, i("min32", f32(0), f32(SNAN32)));
    }

    @Test
    void unsettledValuesUnderOthersAreCanonicalisedToo() {
        assertEquals(List.of(i64(NAN64), i64(NAN64)), call("nan-args", INF));
        assertEquals(List.of(i64(NAN64), i64(0x7FF0_0000_0000_0000L)), call("nan-results", INF));
        assertEquals(NAN64, l("nan-block", INF, i32(1)));
        assertEquals(NAN64, l("nan-block", INF, i32(0)));
        assertEquals(NAN64, l("nan-select", ZERO, i32(1)));
        assertEquals(0x7FF0_0000_0000_0004L, l("nan-select", ZERO, i32(0)));
        assertEquals(NAN64, l("nan-select-compare", ZERO));
        assertEquals(0x4000_0000_0000_0000L, l("nan-select-compare", f64(0x4000_0000_0000_0000L)));
    }

    /** Special f64 operands, NaNs of both signs and with payloads among them. */
    private static final long[] OPERANDS = {0, 0x8000_0000_0000_0000L, 0x3FF0_0000_0000_0000L,
        0xBFF0_0000_0000_0000L, 0x7FF0_0000_0000_0000L, 0xFFF0_0000_0000_0000L, NAN64, NEG_NAN64, SNAN64,
        0xFFF4_0000_0000_0001L, 0x3FE0_0000_0000_0000L, 0x7FEF_FFFF_FFFF_FFFFL, 1, 0x47EF_FFFF_E000_0000L};

    /**
     * Every pair of operands through a mix of arithmetic, sign operations, conversions, locals, calls and
     * memory; each result's bits are folded into a checksum, which must match the interpreter's.
     */
    private static final Differential MIX = new Differential("""
            (module
              (memory 1)
              (data (i32.const 0) "%s")
              (func $combine (param $h i64) (param $v f64) (result i64)
                (i64.add (i64.rotl (local.get $h) (i64.const 7)) (i64.reinterpret_f64 (local.get $v))))
              (func $combine32 (param $h i64) (param $v f32) (result i64)
                (i64.add (i64.rotl (local.get $h) (i64.const 5))
                  (i64.extend_i32_u (i32.reinterpret_f32 (local.get $v)))))
              (func (export "mix") (param $n i32) (result i64)
                (local $i i32) (local $j i32) (local $a f64) (local $b f64) (local $h i64) (local $r f64)
                (loop $outer
                  (local.set $j (i32.const 0))
                  (loop $inner
                    (local.set $a (f64.load (i32.shl (local.get $i) (i32.const 3))))
                    (local.set $b (f64.load (i32.shl (local.get $j) (i32.const 3))))
                    (local.set $h (call $combine (local.get $h) (f64.add (local.get $a) (local.get $b))))
                    (local.set $h (call $combine (local.get $h) (f64.neg (f64.sub (local.get $a) (local.get $b)))))
                    (local.set $h (call $combine (local.get $h) (f64.abs (f64.mul (local.get $a) (local.get $b)))))
                    (local.set $h (call $combine (local.get $h)
                      (f64.copysign (f64.div (local.get $a) (local.get $b)) (f64.sub (local.get $b) (local.get $a)))))
                    (local.set $h (call $combine (local.get $h) (f64.min (local.get $a) (local.get $b))))
                    (local.set $h (call $combine (local.get $h) (f64.max (local.get $a) (local.get $b))))
                    (local.set $h (call $combine (local.get $h) (f64.sqrt (f64.neg (local.get $a)))))
                    (local.set $h (call $combine (local.get $h) (f64.nearest (f64.mul (local.get $a) (local.get $b)))))
                    (local.set $h (call $combine32 (local.get $h) (f32.demote_f64 (local.get $a))))
                    (local.set $h (call $combine32 (local.get $h)
                      (f32.neg (f32.mul (f32.demote_f64 (local.get $a)) (f32.demote_f64 (local.get $b))))))
                    (local.set $h (call $combine (local.get $h) (f64.promote_f32 (f32.demote_f64 (local.get $b)))))
                    (f64.store (i32.const 1024) (f64.sub (local.get $b) (local.get $b)))
                    (local.set $h (i64.xor (local.get $h) (i64.load (i32.const 1024))))
                    (local.set $r (select (f64.div (local.get $a) (local.get $b)) (local.get $b)
                      (f64.gt (local.get $a) (local.get $b))))
                    (local.set $h (call $combine (local.get $h) (local.get $r)))
                    (br_if $inner (i32.lt_u (local.tee $j (i32.add (local.get $j) (i32.const 1))) (local.get $n))))
                  (br_if $outer (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 1))) (local.get $n))))
                (local.get $h)))
            """.formatted(dataString(OPERANDS)));

    private static String dataString(long[] values) {
        StringBuilder sb = new StringBuilder();
        for (long v : values) {
            for (int b = 0; b < 8; b++) {
                sb.append(String.format("\\%02x", (v >>> (8 * b)) & 0xFF));
            }
        }
        return sb.toString();
    }

    @Test
    void nanProducingCodeGivesTheInterpretersBits() {
        MIX.assertCompiled("mix");
        for (int round = 0; round < 200; round++) {
            MIX.call("mix", i32(OPERANDS.length));
        }
    }

    @Test
    void nanBitsDoNotDependOnWhichJvmCompilerRunsTheCode() {
        assertEquals(0, i("nan-loop", i32(300_000)));
        assertEquals(0, i("sign-zero-loop", i32(300_000)));
    }
}
