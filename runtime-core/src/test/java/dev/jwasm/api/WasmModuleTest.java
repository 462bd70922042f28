package dev.jwasm.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwasm.core.model.FuncType;
import dev.jwasm.core.model.ValType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class WasmModuleTest {
    private static final String ADD = "(module (func (export \"add\") (param i32 i32) (result i32)"
            + " local.get 0 local.get 1 i32.add))";

    @Test
    void parsesTextThatStartsWithAComment() {
        for (String prefix : List.of(";; comment\n", "(; block ;)\n", "  \n\t")) {
            byte[] bytes = (prefix + ADD).getBytes(StandardCharsets.UTF_8);
            WasmModule m = WasmModule.parse(bytes);
            assertEquals("add", m.exports().get(0).name(), prefix);
        }
    }

    @Test
    void parsesBinaryFromAStream() throws IOException {
        byte[] binary = dev.jwasm.core.text.Wat.parse(ADD);
        WasmModule m = WasmModule.parse(new ByteArrayInputStream(binary));
        assertEquals(FuncType.of(List.of(ValType.I32, ValType.I32), List.of(ValType.I32)),
                m.exports().get(0).type());
    }

    @Test
    void reportsImportsWithTheirResolvedTypes() {
        WasmModule m = WasmModule.parseText("(module (import \"env\" \"f\" (func (param i64))) (memory (import \"env\" \"m\") 1))");
        assertEquals(2, m.imports().size());
        assertEquals(FuncType.of(List.of(ValType.I64), List.of()), m.imports().get(0).type());
        assertEquals("m", m.imports().get(1).name());
        assertEquals(1, ((dev.jwasm.core.model.MemoryType) m.imports().get(1).type()).limits().min());
    }

    @Test
    void rejectsGarbageWithTheMagicHeaderMessage() {
        MalformedModuleException e = assertThrows(MalformedModuleException.class,
                () -> WasmModule.parse(new byte[] {1, 2, 3, 4, 5, 6, 7, 8}));
        assertTrue(e.getMessage().contains("magic header not detected"), e.getMessage());
    }

    @Test
    void rejectsInvalidModulesWithTheSpecMessage() {
        InvalidModuleException e = assertThrows(InvalidModuleException.class,
                () -> WasmModule.parseText("(module (func (result i32) i64.const 0))"));
        assertTrue(e.getMessage().startsWith("type mismatch"), e.getMessage());
    }
}
