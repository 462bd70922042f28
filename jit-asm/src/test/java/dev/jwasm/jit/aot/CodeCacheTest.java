package dev.jwasm.jit.aot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwasm.api.Engine;
import dev.jwasm.api.Instance;
import dev.jwasm.api.Linker;
import dev.jwasm.api.Tier;
import dev.jwasm.api.Value;
import dev.jwasm.core.runtime.WasmFunction;
import dev.jwasm.jit.CompiledCode;
import dev.jwasm.jit.JitStats;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CodeCacheTest {
    private static final byte[] MODULE = AotModules.binary(AotModules.INDIRECT);

    @TempDir
    Path dir;

    private static void assertRunsCompiled(CompiledModule m) {
        Instance instance = new Linker(Engine.builder().tier(Tier.AUTO).build()).instantiate(m.module());
        assertEquals(AotModules.expectedRun(100), instance.function("run").call(Value.i32(100))[0].asInt());
        assertInstanceOf(CompiledCode.class, ((WasmFunction) instance.function("run")).entry);
    }

    private Path entry() {
        return CodeCache.at(dir).entry(MODULE);
    }

    @Test
    void theSecondLookUpLoadsWhatTheFirstCompiled() {
        CodeCache first = CodeCache.at(dir);
        long before = JitStats.compiledCount();
        assertRunsCompiled(first.get(MODULE));
        assertEquals(1, first.misses());
        long compiled = JitStats.compiledCount() - before;
        assertTrue(compiled > 0, "the miss compiled nothing");
        assertTrue(Files.isRegularFile(entry()), "no entry written");

        CodeCache second = CodeCache.at(dir); // as another process would
        assertRunsCompiled(second.get(MODULE));
        assertEquals(1, second.hits());
        assertEquals(0, second.misses());
        assertEquals(before + compiled, JitStats.compiledCount(), "the hit compiled again");
    }

    @Test
    void aCorruptEntryIsCompiledAgainAndReplaced() throws IOException {
        Files.write(entry(), new byte[] {'P', 'K', 3, 4, 0, 0, 0});
        CodeCache cache = CodeCache.at(dir);
        assertRunsCompiled(cache.get(MODULE));
        assertEquals(1, cache.misses());
        CompiledModule.load(entry()); // now well formed
        assertRunsCompiled(cache.get(MODULE));
        assertEquals(1, cache.hits());
    }

    @Test
    void aStaleEntryIsReplaced() throws IOException {
        CodeCache.at(dir).get(MODULE);
        Path stale = dir.resolve("stale.tmp");
        Jars.editManifest(entry(), stale, "Jwasm-Version: " + BuildInfo.JWASM_VERSION, "Jwasm-Version: 0.0.1");
        Files.move(stale, entry(), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        CodeCache cache = CodeCache.at(dir);
        assertRunsCompiled(cache.get(MODULE));
        assertEquals(1, cache.misses());
        assertTrue(CompiledModule.load(entry()).holds(MODULE));
    }

    @Test
    void anEntryHoldingAnotherModuleIsNotUsed() throws IOException {
        byte[] other = AotModules.binary("(module (func (export \"run\") (param i32) (result i32) (i32.const 0)))");
        CompiledModule.compile(other).write(entry());
        CodeCache cache = CodeCache.at(dir);
        assertRunsCompiled(cache.get(MODULE));
        assertEquals(1, cache.misses());
        assertTrue(CompiledModule.load(entry()).holds(MODULE));
    }

    @Test
    void anUnusableDirectoryOnlyMeansNoCaching() throws IOException {
        Path notADirectory = dir.resolve("file");
        Files.writeString(notADirectory, "x");
        CodeCache cache = CodeCache.at(notADirectory.resolve("cache"));
        assertRunsCompiled(cache.get(MODULE));
        assertRunsCompiled(cache.get(MODULE));
        assertEquals(2, cache.misses());
    }

    @Test
    void concurrentMissesLeaveOneGoodEntry() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<CompiledModule>> results = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                results.add(pool.submit(() -> CodeCache.at(dir).get(MODULE)));
            }
            for (Future<CompiledModule> r : results) {
                assertRunsCompiled(r.get());
            }
        } finally {
            pool.shutdown();
        }
        try (var files = Files.list(dir)) {
            assertEquals(List.of(entry()), files.toList(), "temporary files left behind");
        }
        assertTrue(CompiledModule.load(entry()).holds(MODULE));
    }
}
