package dev.jwasm.core.text.wast;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwasm.core.model.ValType;
import dev.jwasm.core.text.wast.ResultPattern.RefKind;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WastParserTest {
    private static WastCommand only(String script) {
        List<WastCommand> commands = WastParser.parse("t.wast", script).commands();
        assertEquals(1, commands.size());
        return commands.get(0);
    }

    @Test
    void namedTextModuleKeepsItsNameAndForm() {
        WastCommand.Module m = assertInstanceOf(WastCommand.Module.class, only("(module $m (func))"));
        assertEquals("$m", m.id());
        assertEquals(false, m.definitionOnly());
        assertEquals("(module $m (func))", ((ModuleSource.Text) m.source()).form().toString());
    }

    @Test
    void binaryModuleConcatenatesItsStrings() {
        WastCommand.Module m = assertInstanceOf(WastCommand.Module.class,
                only("(module $b binary \"\\00asm\" \"\\01\\00\\00\\00\")"));
        assertEquals("$b", m.id());
        assertArrayEquals(new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0}, ((ModuleSource.Binary) m.source()).bytes());
    }

    @Test
    void quotedModuleKeepsTheTextUnparsed() {
        WastCommand.Module m = assertInstanceOf(WastCommand.Module.class, only("(module quote \"(func\" \")\")"));
        assertEquals("(func)", new String(((ModuleSource.Quote) m.source()).utf8()));
    }

    @Test
    void moduleDefinitionDropsTheDefinitionKeyword() {
        WastCommand.Module m = assertInstanceOf(WastCommand.Module.class, only("(module definition $d (memory 1))"));
        assertTrue(m.definitionOnly());
        assertEquals("$d", m.id());
        assertEquals("(module $d (memory 1))", ((ModuleSource.Text) m.source()).form().toString());
    }

    @Test
    void moduleInstanceNamesInstanceAndDefinition() {
        WastCommand.ModuleInstance i = assertInstanceOf(WastCommand.ModuleInstance.class,
                only("(module instance $i $d)"));
        assertEquals("$i", i.instanceId());
        assertEquals("$d", i.definitionId());
    }

    @Test
    void registerTakesANameAndAnOptionalModule() {
        WastCommand.Register r = assertInstanceOf(WastCommand.Register.class, only("(register \"M\" $m)"));
        assertEquals("M", r.name());
        assertEquals("$m", r.moduleId());
        assertNull(((WastCommand.Register) only("(register \"M\")")).moduleId());
    }

    @Test
    void invokeArgumentsCoverNumbersAndReferences() {
        WastCommand.Action a = assertInstanceOf(WastCommand.Action.class, only(
                "(invoke $m \"f\" (i32.const -1) (i64.const 5) (f32.const -0x0p+0) (f64.const nan:0x1)"
                        + " (ref.null extern) (ref.extern 7) (ref.host 8))"));
        WastAction.Invoke invoke = (WastAction.Invoke) a.action();
        assertEquals("$m", invoke.moduleId());
        assertEquals("f", invoke.name());
        assertEquals(List.of(new WastArg.Num(ValType.I32, 0xFFFF_FFFFL), new WastArg.Num(ValType.I64, 5),
                new WastArg.Num(ValType.F32, 0x8000_0000L), new WastArg.Num(ValType.F64, 0x7FF0_0000_0000_0001L),
                new WastArg.RefNull(), new WastArg.HostRef(7), new WastArg.HostRef(8)), invoke.args());
    }

    @Test
    void vectorArgumentsAreMarkedUnsupported() {
        WastCommand.Action a = (WastCommand.Action) only("(invoke \"f\" (v128.const i32x4 1 2 3 4))");
        assertEquals(List.of(new WastArg.Unsupported("simd")), ((WastAction.Invoke) a.action()).args());
    }

    @Test
    void assertReturnResultPatterns() {
        WastCommand.AssertReturn r = assertInstanceOf(WastCommand.AssertReturn.class, only(
                "(assert_return (get \"g\") (f32.const nan:canonical) (f64.const nan:arithmetic) (ref.null)"
                        + " (ref.extern) (ref.extern 3) (ref.func) (ref.i31) (ref.struct) (ref.array) (ref.eq)"
                        + " (ref.any) (ref) (either (i32.const 1) (i32.const 2)) (v128.const i8x16 0 0 0 0 0 0 0 0"
                        + " 0 0 0 0 0 0 0 0))"));
        assertEquals(new WastAction.Get(null, "g"), r.action());
        assertEquals(List.of(new ResultPattern.CanonicalNan(ValType.F32), new ResultPattern.ArithmeticNan(ValType.F64),
                new ResultPattern.RefNull(), new ResultPattern.NonNullRef(RefKind.EXTERN), new ResultPattern.HostRef(3),
                new ResultPattern.NonNullRef(RefKind.FUNC), new ResultPattern.NonNullRef(RefKind.I31),
                new ResultPattern.NonNullRef(RefKind.STRUCT), new ResultPattern.NonNullRef(RefKind.ARRAY),
                new ResultPattern.NonNullRef(RefKind.EQ), new ResultPattern.NonNullRef(RefKind.ANY),
                new ResultPattern.NonNullRef(RefKind.ANY_NON_NULL),
                new ResultPattern.Either(List.of(new ResultPattern.Num(ValType.I32, 1), new ResultPattern.Num(ValType.I32, 2))),
                new ResultPattern.Unsupported("simd")), r.expected());
    }

    @Test
    void assertTrapOnAnInvokeOrOnAModule() {
        assertInstanceOf(WastCommand.AssertTrap.class, only("(assert_trap (invoke \"f\") \"unreachable\")"));
        WastCommand.AssertUninstantiable u = assertInstanceOf(WastCommand.AssertUninstantiable.class,
                only("(assert_trap (module (start 0) (func unreachable)) \"unreachable\")"));
        assertEquals("assert_trap", u.keyword());
        assertEquals("unreachable", u.message());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "(assert_malformed (module quote \"(func\") \"unexpected end\")|AssertMalformed",
        "(assert_malformed (module binary \"\") \"unexpected end\")|AssertMalformed",
        "(assert_malformed (module (func)) \"whatever\")|Unsupported",
        "(assert_invalid (module (func (result i32))) \"type mismatch\")|AssertInvalid",
        "(assert_unlinkable (module (import \"a\" \"b\" (func))) \"unknown import\")|AssertUnlinkable",
        "(assert_uninstantiable (module (start 0) (func unreachable)) \"unreachable\")|AssertUninstantiable",
        "(assert_exhaustion (invoke \"f\") \"call stack exhausted\")|AssertExhaustion",
        "(assert_exception (invoke \"f\"))|AssertException",
        "(thread $t (module))|Unsupported",
        "(wait $t)|Unsupported",
        "(assert_malformed_custom (module quote \"(@custom)\") \"x\")|Unsupported",
        "(frobnicate)|Unparsable",
        "(assert_return (invoke \"f\") (i32.const 99999999999))|Unparsable",
    })
    void eachCommandKindParsesToItsRecord(String script, String kind) {
        assertEquals(kind, only(script).getClass().getSimpleName());
    }

    @Test
    void commandsCarryTheirSourceLine() {
        List<WastCommand> commands = WastParser.parse("t.wast", "(module)\n\n;; comment\n  (invoke \"f\")\n").commands();
        assertEquals(1, commands.get(0).line());
        assertEquals(4, commands.get(1).line());
    }

    @Test
    void aScriptOfBareModuleFieldsIsOneModule() {
        WastCommand.Module m = assertInstanceOf(WastCommand.Module.class,
                WastParser.parse("t.wast", "(func) (memory 0)\n(func (export \"f\"))").commands().get(0));
        assertEquals("(module (func) (memory 0) (func (export \"f\")))", ((ModuleSource.Text) m.source()).form().toString());
    }

    @Test
    void anUnparsableCommandDoesNotHideTheNextOnes() {
        List<WastCommand> commands = WastParser.parse("t.wast", "(bogus)\n(module)").commands();
        assertInstanceOf(WastCommand.Unparsable.class, commands.get(0));
        assertInstanceOf(WastCommand.Module.class, commands.get(1));
    }

    @Test
    void absurdlyNestedPatternsAreReportedNotCrashed() {
        String nested = "(either ".repeat(200_000) + "(i32.const 1)" + ")".repeat(200_000);
        WastCommand c = only("(assert_return (invoke \"f\") " + nested + ")");
        assertInstanceOf(WastCommand.Unparsable.class, c);
    }
}
