package dev.jwasm.core.text.wast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs small inline scripts through the runner. Tests that execute modules need the decoder, validator,
 * text front end and interpreter; they are skipped (not failed) while those are still placeholders.
 */
class WastRunnerTest {
    private static final WastRunner RUNNER = WastRunner.create();

    private static List<WastResult> run(String script) {
        return RUNNER.run("t.wast", script).results();
    }

    private static WastResult single(String script) {
        List<WastResult> results = run(script);
        return results.get(results.size() - 1);
    }

    static boolean runtimeAvailable() {
        List<WastResult> results = run("(module (func (export \"f\") (result i32) (i32.const 1)))\n"
                + "(assert_return (invoke \"f\") (i32.const 1))");
        return results.stream().allMatch(r -> r.status() == WastStatus.PASSED);
    }

    private static void assumeRuntime() {
        Assumptions.assumeTrue(runtimeAvailable(), "needs the text front end, decoder, validator and interpreter");
    }

    private static void assertStatus(WastStatus expected, WastResult result) {
        assertEquals(expected, result.status(), result::toString);
    }

    // --- behaviour that needs no runtime ---

    @Test
    void aScriptThatCannotBeParsedGivesOneFailureAtTheOffendingLine() {
        List<WastResult> results = run("(module)\n(module\n  (func");
        assertEquals(1, results.size());
        assertStatus(WastStatus.FAILED, results.get(0));
        assertTrue(results.get(0).line() >= 2, results.get(0)::toString);
    }

    @Test
    void unsupportedCommandsAreSkippedWithTheirFeatureAndTheRestStillRuns() {
        List<WastResult> results = run("(thread $t (module))\n"
                + "(assert_return (invoke \"f\" (v128.const i32x4 0 0 0 0)) (i32.const 0))\n"
                + "(assert_return (invoke \"f\") (v128.const i32x4 0 0 0 0))");
        assertEquals(List.of("threads", "simd", "simd"), results.stream().map(WastResult::feature).toList());
        assertEquals(List.of(1, 2, 3), results.stream().map(WastResult::line).toList());
    }

    @Test
    void aMissingFileGivesOneFailureNamingIt(@TempDir Path dir) {
        Path missing = dir.resolve("none.wast");
        WastFileResult result = RUNNER.run(missing);
        assertEquals(missing.toString(), result.file());
        assertEquals(1, result.failed());
        assertTrue(result.results().get(0).message().startsWith("cannot read script"), result.results()::toString);
    }

    @Test
    void aScriptFileRunsUnderItsPath(@TempDir Path dir) throws IOException {
        Path script = Files.writeString(dir.resolve("s.wast"), "(thread $t (module))\n");
        WastFileResult result = RUNNER.run(script);
        assertEquals(script.toString(), result.file());
        assertEquals(script + ":1", result.results().get(0).location());
    }

    @Test
    void anUnknownCommandFailsWithItsLine() {
        WastResult r = single("\n\n(frobnicate 1)");
        assertStatus(WastStatus.FAILED, r);
        assertEquals(3, r.line());
        assertTrue(r.message().contains("unknown command frobnicate"), r::toString);
    }

    @Test
    void invokingBeforeAnyModuleFailsAndSaysWhy() {
        WastResult r = single("(assert_return (invoke \"f\") (i32.const 0))");
        assertStatus(WastStatus.FAILED, r);
        assertTrue(r.message().contains("no module has been instantiated"), r::toString);
    }

    // --- behaviour that runs modules ---

    @Test
    void assertReturnPassesOnTheRightValueAndFailsWithTheLineOnAWrongOne() {
        assumeRuntime();
        List<WastResult> results = run("(module (func (export \"add\") (param i32 i32) (result i32)\n"
                + "  (i32.add (local.get 0) (local.get 1))))\n"
                + "(assert_return (invoke \"add\" (i32.const 1) (i32.const 2)) (i32.const 3))\n"
                + "(assert_return (invoke \"add\" (i32.const 1) (i32.const 2)) (i32.const 4))\n"
                + "(assert_return (invoke \"add\" (i32.const -1) (i32.const 0)) (i32.const 0xffffffff))");
        assertStatus(WastStatus.PASSED, results.get(1));
        assertStatus(WastStatus.FAILED, results.get(2));
        assertEquals(4, results.get(2).line());
        assertTrue(results.get(2).message().contains("expected [i32:4], got [i32:3]"), results.get(2)::toString);
        assertStatus(WastStatus.PASSED, results.get(3));
    }

    @Test
    void floatResultsMatchNanPatternsAndExactBits() {
        assumeRuntime();
        List<WastResult> results = run("(module\n"
                + "  (func (export \"div\") (param f32 f32) (result f32) (f32.div (local.get 0) (local.get 1)))\n"
                + "  (func (export \"neg\") (param f64) (result f64) (f64.neg (local.get 0))))\n"
                + "(assert_return (invoke \"div\" (f32.const 0) (f32.const 0)) (f32.const nan:canonical))\n"
                + "(assert_return (invoke \"div\" (f32.const 1) (f32.const 4)) (f32.const 0x1p-2))\n"
                + "(assert_return (invoke \"neg\" (f64.const 0)) (f64.const -0))\n"
                + "(assert_return (invoke \"neg\" (f64.const 0)) (f64.const 0))");
        assertEquals(List.of(WastStatus.PASSED, WastStatus.PASSED, WastStatus.PASSED, WastStatus.PASSED,
                WastStatus.FAILED), statuses(results));
    }

    @Test
    void assertTrapNeedsATrapWithTheExpectedMessage() {
        assumeRuntime();
        List<WastResult> results = run("(module\n"
                + "  (func (export \"boom\") unreachable)\n"
                + "  (func (export \"fine\") (result i32) (i32.const 0))\n"
                + "  (func (export \"div\") (param i32) (result i32) (i32.div_u (i32.const 1) (local.get 0))))\n"
                + "(assert_trap (invoke \"boom\") \"unreachable\")\n"
                + "(assert_trap (invoke \"fine\") \"unreachable\")\n"
                + "(assert_trap (invoke \"div\" (i32.const 0)) \"integer divide by zero\")\n"
                + "(assert_trap (invoke \"div\" (i32.const 0)) \"integer overflow\")");
        assertEquals(List.of(WastStatus.PASSED, WastStatus.PASSED, WastStatus.FAILED, WastStatus.PASSED,
                WastStatus.FAILED), statuses(results));
        assertTrue(results.get(2).message().contains("got [i32:0]"), results.get(2)::toString);
    }

    @Test
    void assertExhaustionPassesOnRunawayRecursion() {
        assumeRuntime();
        List<WastResult> results = run("(module (func $f (export \"f\") (call $f)))\n"
                + "(assert_exhaustion (invoke \"f\") \"call stack exhausted\")");
        assertStatus(WastStatus.PASSED, results.get(1));
    }

    @Test
    void moduleAssertionsPassOnTheExpectedErrorAndFailOtherwise() {
        assumeRuntime();
        List<WastResult> results = run(
                "(assert_malformed (module binary \"\\00asm\") \"unexpected end\")\n"
                + "(assert_malformed (module binary \"\\00asm\\01\\00\\00\\00\") \"unexpected end\")\n"
                + "(assert_malformed (module quote \"(func (i32.const 0x1_0000_0000) drop)\") \"constant out of range\")\n"
                + "(assert_invalid (module (func (result i32) (i64.const 0))) \"type mismatch\")\n"
                + "(assert_invalid (module (func (result i32) (i32.const 0))) \"type mismatch\")\n"
                + "(assert_unlinkable (module (import \"nowhere\" \"f\" (func))) \"unknown import\")\n"
                + "(assert_unlinkable (module (import \"spectest\" \"print_i32\" (func (param i32)))) \"unknown import\")\n"
                + "(assert_trap (module (func $s unreachable) (start $s)) \"unreachable\")\n"
                + "(assert_uninstantiable (module (func $s) (start $s)) \"unreachable\")");
        assertEquals(List.of(WastStatus.PASSED, WastStatus.FAILED, WastStatus.PASSED, WastStatus.PASSED,
                WastStatus.FAILED, WastStatus.PASSED, WastStatus.FAILED, WastStatus.PASSED, WastStatus.FAILED),
                statuses(results));
    }

    @Test
    void aWrongErrorMessageStillPassesButIsCountedAsAMismatch() {
        assumeRuntime();
        WastResult r = single("(assert_invalid (module (func (result i32) (i64.const 0))) \"no such wording\")");
        assertStatus(WastStatus.PASSED, r);
        assertEquals(WastRemark.MESSAGE_MISMATCH, r.remark());
    }

    @Test
    void registeredModulesCanBeImportedAndNamedModulesAddressed() {
        assumeRuntime();
        List<WastResult> results = run("(module $A (func (export \"one\") (result i32) (i32.const 1))\n"
                + "  (global (export \"g\") (mut i32) (i32.const 5)))\n"
                + "(register \"a\" $A)\n"
                + "(module $B (import \"a\" \"one\" (func $one (result i32)))\n"
                + "  (func (export \"two\") (result i32) (i32.add (call $one) (call $one))))\n"
                + "(assert_return (invoke $B \"two\") (i32.const 2))\n"
                + "(assert_return (invoke $A \"one\") (i32.const 1))\n"
                + "(assert_return (get $A \"g\") (i32.const 5))\n"
                + "(assert_return (invoke \"two\") (i32.const 2))");
        results.forEach(r -> assertStatus(WastStatus.PASSED, r));
    }

    @Test
    void moduleDefinitionsCanBeInstantiatedSeveralTimes() {
        assumeRuntime();
        List<WastResult> results = run("(module definition $D (global (export \"g\") (mut i32) (i32.const 7))\n"
                + "  (func (export \"inc\") (global.set 0 (i32.add (global.get 0) (i32.const 1)))))\n"
                + "(module instance $I1 $D)\n"
                + "(module instance $I2 $D)\n"
                + "(invoke $I1 \"inc\")\n"
                + "(assert_return (get $I1 \"g\") (i32.const 8))\n"
                + "(assert_return (get $I2 \"g\") (i32.const 7))");
        results.forEach(r -> assertStatus(WastStatus.PASSED, r));
    }

    @Test
    void theSpectestModuleProvidesGlobalsPrintFunctionsTableAndMemory() {
        assumeRuntime();
        List<String> printed = new ArrayList<>();
        WastRunner runner = WastRunner.builder().output(printed::add).build();
        List<WastResult> results = runner.run("t.wast", "(module\n"
                + "  (import \"spectest\" \"print_i32\" (func $print (param i32)))\n"
                + "  (import \"spectest\" \"global_i32\" (global $g i32))\n"
                + "  (import \"spectest\" \"global_f64\" (global $h f64))\n"
                + "  (import \"spectest\" \"table\" (table 10 20 funcref))\n"
                + "  (import \"spectest\" \"memory\" (memory 1 2))\n"
                + "  (func (export \"p\") (call $print (i32.const 42)))\n"
                + "  (func (export \"g\") (result i32) (global.get $g))\n"
                + "  (func (export \"h\") (result f64) (global.get $h)))\n"
                + "(invoke \"p\")\n"
                + "(assert_return (invoke \"g\") (i32.const 666))\n"
                + "(assert_return (invoke \"h\") (f64.const 666.6))").results();
        results.forEach(r -> assertStatus(WastStatus.PASSED, r));
        assertEquals(List.of("i32:42"), printed);
    }

    @Test
    void externReferencesRoundTripByNumber() {
        assumeRuntime();
        List<WastResult> results = run("(module (func (export \"id\") (param externref) (result externref)"
                + " (local.get 0)))\n"
                + "(assert_return (invoke \"id\" (ref.extern 1)) (ref.extern 1))\n"
                + "(assert_return (invoke \"id\" (ref.extern 1)) (ref.extern 2))\n"
                + "(assert_return (invoke \"id\" (ref.null extern)) (ref.null extern))");
        assertEquals(List.of(WastStatus.PASSED, WastStatus.PASSED, WastStatus.FAILED, WastStatus.PASSED),
                statuses(results));
    }

    @Test
    void aModuleThatFailsMakesLaterCommandsOnItFailOneByOne() {
        assumeRuntime();
        List<WastResult> results = run("(module (func (export \"f\") (result i32) (i64.const 0)))\n"
                + "(assert_return (invoke \"f\") (i32.const 0))\n"
                + "(module (func (export \"f\") (result i32) (i32.const 3)))\n"
                + "(assert_return (invoke \"f\") (i32.const 3))");
        assertEquals(List.of(WastStatus.FAILED, WastStatus.FAILED, WastStatus.PASSED, WastStatus.PASSED),
                statuses(results));
        assertTrue(results.get(1).message().contains("module at line 1 failed"), results.get(1)::toString);
    }

    @Test
    void aRunawayCommandIsStoppedAndTheScriptGoesOn() {
        assumeRuntime();
        WastRunner runner = WastRunner.builder().commandTimeout(Duration.ofMillis(500)).build();
        List<WastResult> results = runner.run("t.wast", "(module (func (export \"spin\") (loop (br 0)))\n"
                + "  (func (export \"one\") (result i32) (i32.const 1)))\n"
                + "(invoke \"spin\")\n"
                + "(assert_return (invoke \"one\") (i32.const 1))").results();
        assertStatus(WastStatus.FAILED, results.get(1));
        assertStatus(WastStatus.PASSED, results.get(2));
    }

    private static List<WastStatus> statuses(List<WastResult> results) {
        return results.stream().map(WastResult::status).toList();
    }
}
