package dev.jwasm.core.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * Code section bytes of instruction families checked against an independent encoder (the expected hex
 * was produced by the Bytecode Alliance "wat" crate and is pinned here).
 */
class InstructionEncodingTest {
    private static final String PRELUDE = "(type $s (struct (field $x i32) (field $y (mut i64)))) (type $ft (func (param i32) (result i32))) (memory 1) (memory $m2 1) (table 1 funcref) (table $t2 1 funcref) (elem $e func) (data $d \"\") (tag $tag (param i32))";

    private static final String[] CASES = {
            "(func (drop (v128.const i8x16 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16)))", "011500fd0c0102030405060708090a0b0c0d0e0f101a0b",
            "(func (drop (i8x16.shuffle 0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 31 (v128.const i64x2 1 2) (v128.const f64x2 1.5 -0))))", "013900fd0c01000000000000000200000000000000fd0c000000000000f83f0000000000000080fd0d000102030405060708090a0b0c0d0e1f1a0b",
            "(func (drop (i32x4.extract_lane 3 (v128.const i32x4 1 2 3 4))))", "011800fd0c01000000020000000300000004000000fd1b031a0b",
            "(func (drop (v128.load8_lane $m2 offset=4 1 (i32.const 0) (v128.const i32x4 0 0 0 0))))", "011d004100fd0c00000000000000000000000000000000fd54400104011a0b",
            "(func (drop (i64.load $m2 offset=8 align=4 (i32.const 0))))", "0109004100294201081a0b",
            "(func (param (ref null $s)) (result i64) (struct.get $s $y (local.get 0)))", "0108002000fb0200010b",
            "(func (param anyref) (result anyref) (block $l (result anyref) (br_on_cast $l anyref (ref null $s) (local.get 0))))", "010d00026e2000fb1803006e000b0b",
            "(func (result i32) (try_table (result i32) (catch $tag 0) (i32.const 1)))", "010b001f7f0100000041010b0b",
            "(func (table.init $t2 $e (i32.const 0) (i32.const 0) (i32.const 0)) (memory.init $m2 $d (i32.const 0) (i32.const 0) (i32.const 0)))", "011600410041004100fc0c0001410041004100fc0800010b",
            "(func (result i32) (call_indirect $t2 (type $ft) (i32.const 1) (i32.const 0)))", "010900410141001101010b",
            "(func (result i32) (select (result i32) (i32.const 1) (i32.const 2) (i32.const 0)))", "010b004101410241001c017f0b",
            "(func (drop (ref.null $s)) (drop (ref.null func)) (drop (ref.test (ref $s) (ref.null any))))", "010e00d0001ad0701ad06efb14001a0b",
            "(func (result f32) (f32.const 0x1.fffffep127))", "01070043ffff7f7f0b",
            "(func (result i64) (i64.const -9223372036854775808))", "010d00428080808080808080807f0b",
            "(func (memory.atomic.notify $m2 offset=4 (i32.const 0) (i32.const 1)) drop (atomic.fence))", "010f0041004101fe004201041afe03000b"
    };

    @Test
    void codeSections() {
        for (int i = 0; i < CASES.length; i += 2) {
            byte[] wasm = Wat.encodeModule((SExpr.Parens) SExprParser.parseAll(
                    "(module " + PRELUDE + " " + CASES[i] + ")").get(0), false);
            assertEquals(CASES[i + 1], HexFormat.of().formatHex(codeSection(wasm)), CASES[i]);
        }
    }

    /** Payload of the code section (id 10). */
    static byte[] codeSection(byte[] wasm) {
        int i = 8;
        while (i < wasm.length) {
            int id = wasm[i++];
            long size = 0;
            int shift = 0;
            int b;
            do {
                b = wasm[i++] & 0xFF;
                size |= (long) (b & 0x7F) << shift;
                shift += 7;
            } while (b >= 0x80);
            if (id == 10) {
                return java.util.Arrays.copyOfRange(wasm, i, i + (int) size);
            }
            i += (int) size;
        }
        throw new AssertionError("no code section");
    }
}
