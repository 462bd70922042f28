package dev.jwasm.wasi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwasm.api.Engine;
import dev.jwasm.api.LinkException;
import dev.jwasm.api.Linker;
import dev.jwasm.api.WasmModule;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Wasi#addImportsOf}: only what the modules import, under the name each imports it from. */
class AddImportsOfTest {
    private static final String MODULE = """
            (module
              (import "wasi_snapshot_preview1" "fd_write" (func $write (param i32 i32 i32 i32) (result i32)))
              (import "wasi_unstable" "args_sizes_get" (func $sizes (param i32 i32) (result i32)))
              (memory (export "memory") 1)
              (data (i32.const 16) "hi\\n")
              (func (export "run") (result i32)
                (i32.store (i32.const 0) (i32.const 16))
                (i32.store (i32.const 4) (i32.const 3))
                (drop (call $write (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 8)))
                (drop (call $sizes (i32.const 24) (i32.const 28)))
                (i32.load (i32.const 24))))
            """;

    @Test
    void onlyTheImportedFunctionsAreDefinedAndBothSnapshotsWork() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        WasmModule module = WasmModule.parseText(MODULE);
        try (Wasi wasi = Wasi.create(WasiConfig.builder().stdout(out).args(List.of("prog", "x")).build())) {
            Linker linker = new Linker(Engine.create());
            wasi.addImportsOf(linker, List.of(module));

            assertTrue(linker.get(Wasi.MODULE, "fd_write").isPresent());
            assertTrue(linker.get(Wasi.UNSTABLE_MODULE, "args_sizes_get").isPresent());
            assertFalse(linker.get(Wasi.MODULE, "args_sizes_get").isPresent(), "not imported from preview 1");
            assertFalse(linker.get(Wasi.MODULE, "fd_read").isPresent(), "not imported at all");

            int argc = linker.instantiate(module).function("run").call()[0].asInt();
            assertEquals(2, argc);
            assertEquals("hi\n", out.toString(StandardCharsets.UTF_8));
        }
    }

    @Test
    void aDefinitionAlreadyInTheLinkerIsKeptAndUnknownNamesAreLeftToTheLinker() throws Exception {
        WasmModule module = WasmModule.parseText("""
                (module
                  (import "wasi_snapshot_preview1" "no_such_function" (func))
                  (import "wasi_snapshot_preview1" "sched_yield" (func (result i32))))
                """);
        try (Wasi wasi = Wasi.create(WasiConfig.builder().build())) {
            Linker linker = new Linker(Engine.create());
            wasi.addImportsOf(linker, List.of(module));
            assertTrue(linker.get(Wasi.MODULE, "sched_yield").isPresent());
            LinkException e = assertThrows(LinkException.class, () -> linker.instantiate(module));
            assertTrue(e.getMessage().contains("no_such_function"), e.getMessage());
        }
    }
}
