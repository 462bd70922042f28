package dev.jwasm.core.binary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jwasm.core.SharedMaterial;
import dev.jwasm.core.model.DecodedModule;
import dev.jwasm.core.model.Export;
import dev.jwasm.core.model.ExternKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The WASI benchmark programs (real compiler output) decode completely. */
class BenchmarkModulesDecodeTest {
    private static final Path BENCH = SharedMaterial.benchWasm();

    static Stream<Path> benchmarks() throws IOException {
        if (!Files.isDirectory(BENCH)) {
            return Stream.of();
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(BENCH)) {
            files = s.filter(p -> p.toString().endsWith(".wasm")).sorted().toList();
        }
        return files.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("benchmarks")
    void aBenchmarkDecodesWithItsFunctionsAndTheStartAndMemoryExports(Path wasm) throws IOException {
        assumeTrue(Files.isRegularFile(wasm), "benchmark modules not found in " + BENCH);
        DecodedModule m = ModuleDecoder.decode(Files.readAllBytes(wasm));

        assertTrue(m.functionCount() > m.importedFunctionCount(), "defines functions");
        assertEquals(m.functionTypeIndices().length, m.codes().size());
        assertTrue(hasExport(m, "_start", ExternKind.FUNC), "exports _start");
        assertTrue(hasExport(m, "memory", ExternKind.MEMORY), "exports memory");
        assertFalse(m.imports().isEmpty(), "imports WASI functions");
        m.codes().forEach(body -> {
            assertTrue(body.codeStart() < body.codeEnd());
            assertEquals(0x0B, m.bytes()[body.codeEnd() - 1] & 0xFF, "a body ends with end");
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("benchmarks")
    void decodingAWellFormedModuleWithoutScanningItsCodeFindsTheSameModule(Path wasm) throws IOException {
        byte[] bytes = Files.readAllBytes(wasm);
        DecodedModule scanned = ModuleDecoder.decode(bytes);
        DecodedModule unscanned = ModuleDecoder.decodeWellFormed(bytes);

        assertEquals(scanned.codes(), unscanned.codes());
        assertEquals(scanned.exports(), unscanned.exports());
        assertEquals(scanned.imports(), unscanned.imports());
        assertEquals(scanned.names().functionNames(), unscanned.names().functionNames());
        assertEquals(scanned.datas().size(), unscanned.datas().size());
    }

    private static boolean hasExport(DecodedModule m, String name, ExternKind kind) {
        for (Export e : m.exports()) {
            if (e.name().equals(name) && e.kind() == kind) {
                return true;
            }
        }
        return false;
    }
}
