package dev.jwasm.core.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.jwasm.api.TextFormatException;
import dev.jwasm.core.binary.ModuleDecoder;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WatEncoderTest {
    private static final String HEADER = "0061736d01000000";

    private static String hex(String wat) {
        SExpr.Parens m = (SExpr.Parens) SExprParser.parseAll(wat).get(0);
        return HexFormat.of().formatHex(Wat.encodeModule(m, false));
    }

    private static String reason(String wat) {
        return assertThrows(TextFormatException.class, () -> Wat.parse(wat)).reason();
    }

    @Test
    void emptyModule() {
        assertEquals(HEADER, hex("(module)"));
        assertEquals(HEADER, HexFormat.of().formatHex(Wat.parse("")));
    }

    @Test
    void addFunctionWithExport() {
        String expected = HEADER
                + "01070160027f7f017f" // type section: (func (param i32 i32) (result i32))
                + "03020100" // function section
                + "070701036164640000" // export "add" func 0
                + "0a09010700200020016a0b"; // code
        assertEquals(expected, hex("(module (func (export \"add\") (param $a i32) (param $b i32) (result i32)"
                + " local.get $a local.get 1 i32.add))"));
    }

    @Test
    void foldedAndFlatAreTheSame() {
        String folded = hex("(module (func (result i32) (i32.add (i32.const 1) (i32.const -1))))");
        String flat = hex("(module (func (result i32) i32.const 1 i32.const -1 i32.add))");
        assertEquals(flat, folded);
        assertTrue(flat.endsWith("4101417f6a0b"));
    }

    @Test
    void blocksLabelsAndBranchTables() {
        String h = hex("(module (func (block $out (loop $l (br_if $out (i32.const 0)) (br_table $l $out 0 (i32.const 1))))))");
        // block 0x40, loop 0x40, i32.const 0, br_if 1, i32.const 1, br_table [0 1] 0
        assertTrue(h.endsWith("0240034041000d0141010e020001000b0b0b"), h);
    }

    @Test
    void implicitTypesAreSharedAndAppended() {
        String h = hex("(module (type $t (func (param i32))) (func (param i32)) (func (result i64) i64.const 0)"
                + " (func (result i64) i64.const 1))");
        assertTrue(h.startsWith(HEADER + "0109" + "02" + "60017f00" + "6000017e"), h);
        assertTrue(h.contains("030403000101"), h);
    }

    @Test
    void memoryDataAndTables() {
        String h = hex("(module (memory (data \"hi\")) (table funcref (elem $f)) (func $f))");
        assertTrue(h.contains("04050170010101"), h); // table funcref min 1 max 1
        assertTrue(h.contains("050401010101"), h); // memory 1 1
        assertTrue(h.contains("0b08010041000b026869"), h); // data segment
        assertTrue(h.contains("0909010441000b01d2000b"), h); // elem segment: inline elem is ref.func expressions of the table type
    }

    /** Function-index lists have type (ref func); written expressions keep their written (or the table's) type. */
    @ParameterizedTest(name = "{0} has type {1}")
    @CsvSource(delimiter = '|', value = {
        "(elem func $f)                              | (ref func)",
        "(elem declare func $f)                      | (ref func)",
        "(elem (i32.const 0) $f)                     | (ref func)",
        "(elem (table 0) (i32.const 0) func $f)      | (ref func)",
        "(elem funcref (ref.func $f))                | funcref",
        "(elem declare funcref (ref.func $f))        | funcref",
        "(elem (ref func) (ref.func $f))             | (ref func)",
    })
    void elementSegmentTypeFollowsTheWrittenForm(String elem, String type) {
        String wat = "(module (table 1 funcref) (func $f) " + elem + ")";
        byte[] wasm = Wat.encodeModule((SExpr.Parens) SExprParser.parseAll(wat).get(0), false);
        assertEquals(type, ModuleDecoder.decode(wasm).elements().get(0).type().toString(), wat);
    }

    @Test
    void inlineTableElementsTakeTheTableType() {
        String wat = "(module (table funcref (elem $f)) (func $f))";
        byte[] wasm = Wat.encodeModule((SExpr.Parens) SExprParser.parseAll(wat).get(0), false);
        assertEquals("funcref", ModuleDecoder.decode(wasm).elements().get(0).type().toString());
    }

    @Test
    void nameSection() {
        byte[] b = Wat.parse("(module $m (func $f (param $x i32)))");
        String h = HexFormat.of().formatHex(b);
        assertTrue(h.contains(HexFormat.of().formatHex("name".getBytes())), h);
        assertTrue(h.endsWith("000201" + "6d" + "01040100" + "0166" + "0206010001000178"), h);
    }

    @Test
    void errors() {
        assertEquals("unknown label $x", reason("(func br $x)"));
        assertEquals("duplicate func", reason("(func $f) (func $f)"));
        assertEquals("duplicate local", reason("(func (param $a i32) (local $a i32))"));
        assertEquals("mismatching label", reason("(func block $a end $b)"));
        assertEquals("inline function type", reason("(type $t (func)) (func (type $t) (param i32))"));
        assertEquals("import after function", reason("(func) (import \"\" \"\" (func))"));
        assertEquals("constant out of range", reason("(func i32.const 0x1_0000_0000 drop)"));
        assertEquals("unknown operator i32.foo", reason("(func i32.foo)"));
        assertEquals("unexpected token", reason("(func (nop) (local i32))"));
        assertEquals("alignment must be a power of two", reason("(memory 1) (func i32.const 0 i32.load align=3 drop)"));
        assertEquals("multiple start sections", reason("(func) (start 0) (start 0)"));
        assertEquals("malformed UTF-8 encoding", reason("(func (export \"\\ff\"))"));
        assertEquals("unknown function $g", reason("(func call $g)"));
    }

    @Test
    void scriptModuleForms() {
        assertEquals(HEADER, hex("(module $m binary \"\\00asm\" \"\\01\\00\\00\\00\")"));
        assertEquals(hex("(module (func))"), hex("(module quote \"(func\" \")\")"));
        assertEquals(hex("(module (func))"), hex("(module definition $d (func))"));
    }

    @Test
    void outOfRangeIndicesAreNotTextErrors() {
        String h = hex("(module (func call 100))");
        assertTrue(h.endsWith("10640b"), h);
    }

    @Test
    void deepNestingIsAnError() {
        String deep = "(func " + "(block ".repeat(50_000) + ")".repeat(50_001);
        assertEquals("nesting too deep", reason(deep));
        String flat = "(func " + "block ".repeat(50_000) + "end ".repeat(50_000) + ")";
        assertTrue(Wat.parse(flat).length > 100_000);
    }

    @Test
    void mutatedInputOnlyThrowsTextFormatException() {
        List<String> samples = List.of(
                "(module (type $t (func (param i32) (result i32))) (memory 1) (table 2 funcref)"
                        + " (func $f (type $t) (local $x i64) (block $b (result i32) (br_if $b (local.get 0)"
                        + " (i32.load offset=4 (i32.const 0))) (call_indirect (type $t) (i32.const 0))))"
                        + " (elem (i32.const 0) $f) (data (i32.const 0) \"a\\00\") (export \"f\" (func $f)))",
                "(module (rec (type $s (struct (field $a (mut i32)) (field i8))) (type $a (array (mut i16))))"
                        + " (func (param (ref null $s)) (result i32) (struct.get_s $s 1 (local.get 0)))"
                        + " (func (v128.const i32x4 1 2 3 4) (i8x16.shuffle 0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15"
                        + " (v128.const f32x4 1 2 3 nan)) drop drop) (tag $e (param i32))"
                        + " (func (try_table (catch $e 0) (throw $e (i32.const 1)))))");
        Random r = new Random(42);
        for (int i = 0; i < 3000; i++) {
            String s = samples.get(i % samples.size());
            String[] tokens = s.split(" ");
            StringBuilder sb = new StringBuilder();
            for (String t : tokens) {
                int dice = r.nextInt(20);
                if (dice == 0) {
                    continue; // drop a token
                }
                sb.append(dice == 1 ? t.substring(0, r.nextInt(t.length() + 1)) : t).append(' ');
                if (dice == 2) {
                    sb.append(tokens[r.nextInt(tokens.length)]).append(' ');
                }
            }
            try {
                Wat.parse(sb.toString());
            } catch (TextFormatException e) {
                // expected kind of failure
            } catch (RuntimeException | StackOverflowError e) {
                fail("input " + sb + " threw " + e, e);
            }
        }
    }

    @Test
    void sameBytesAsWat2wasm() throws Exception {
        WabtCheck.compareIfAvailable(List.of(
                "(module (func $fac (export \"fac\") (param $n i64) (result i64)"
                        + " (if (result i64) (i64.eqz (local.get $n)) (then (i64.const 1))"
                        + " (else (i64.mul (local.get $n) (call $fac (i64.sub (local.get $n) (i64.const 1))))))))",
                "(module (memory $m 1 2) (data (i32.const 8) \"hello\") (global $g (mut i32) (i32.const 7))"
                        + " (func (result i32) (i32.store8 offset=3 (i32.const 0) (global.get $g))"
                        + " (i32.load16_u align=1 (i32.const 2))))",
                "(module (table 3 funcref) (type $t (func (result f64))) (func $a (result f64) (f64.const -0x1.8p3))"
                        + " (elem (i32.const 1) $a $a) (func (result f64) (call_indirect (type $t) (i32.const 1))))",
                "(module (func $f (param i32) (result i32 i32) (local.get 0) (block (param i32) (result i32 i32)"
                        + " (i32.const 2)) (drop)) (func (v128.const i16x8 1 -1 2 -2 3 -3 4 -4) drop))",
                "(module (func $f (param $x i32) (param $y f32) (local $z i64) (local i32 i32)"
                        + " (local.set $z (i64.extend_i32_s (local.get $x)))) (start $f) (export \"f\" (func $f)))"));
    }
}
