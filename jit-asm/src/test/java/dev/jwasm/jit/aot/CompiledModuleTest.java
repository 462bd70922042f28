package dev.jwasm.jit.aot;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwasm.api.Engine;
import dev.jwasm.api.Instance;
import dev.jwasm.api.Linker;
import dev.jwasm.api.Tier;
import dev.jwasm.api.Value;
import dev.jwasm.api.WasmModule;
import dev.jwasm.core.runtime.WasmFunction;
import dev.jwasm.jit.CompiledCode;
import dev.jwasm.jit.JitStats;
import dev.jwasm.jit.Yardsticks;
import dev.jwasm.jit.link.MemoryAccess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CompiledModuleTest {
    @TempDir
    Path dir;

    private static Instance instantiate(WasmModule module, Tier tier) {
        return new Linker(Engine.builder().tier(tier).build()).instantiate(module);
    }

    private Path compiledJar() throws IOException {
        Path jar = dir.resolve("indirect.jar");
        CompiledModule.compile(AotModules.binary(AotModules.INDIRECT)).write(jar);
        return jar;
    }

    @Test
    void aLoadedJarRunsCompiledCodeWithoutCompiling() throws IOException {
        Path jar = compiledJar();
        long compiledBefore = JitStats.compiledCount();
        CompiledModule loaded = CompiledModule.load(jar);
        Instance instance = instantiate(loaded.module(), Tier.JIT);
        assertEquals(AotModules.expectedRun(500), instance.function("run").call(Value.i32(500))[0].asInt());
        assertEquals(500, instance.function("calls").call()[0].asInt());
        assertInstanceOf(CompiledCode.class, ((WasmFunction) instance.function("run")).entry);
        assertEquals(compiledBefore, JitStats.compiledCount(), "loading compiled functions again");
        assertEquals(loaded.definedFunctions(), loaded.compiledFunctions());
    }

    @Test
    void everyInstanceGetsItsOwnStateFromOneLoadedJar() throws IOException {
        CompiledModule loaded = CompiledModule.load(compiledJar());
        Instance a = instantiate(loaded.module(), Tier.AUTO);
        Instance b = instantiate(loaded.module(), Tier.AUTO);
        a.function("run").call(Value.i32(3));
        b.function("run").call(Value.i32(5));
        assertEquals(3, a.function("calls").call()[0].asInt());
        assertEquals(5, b.function("calls").call()[0].asInt());
        WasmFunction fa = (WasmFunction) a.function("run");
        WasmFunction fb = (WasmFunction) b.function("run");
        assertFalse(((CompiledCode) fa.entry).equals(fb.entry));
    }

    @Test
    void theManifestRecordsTheModulesSha256() throws IOException {
        byte[] binary = AotModules.binary(AotModules.INDIRECT);
        String expected = java.util.HexFormat.of().formatHex(
                assertDoesNotThrow(() -> java.security.MessageDigest.getInstance("SHA-256")).digest(binary));
        assertEquals(expected, CompiledModule.compile(binary).sha256());
        assertEquals(expected, CompiledModule.load(compiledJar()).sha256());
    }

    @Test
    void loadingRestoresWhatValidationComputed() throws IOException {
        WasmModule validated = WasmModule.parse(AotModules.binary(AotModules.INDIRECT));
        assertEquals(validated.validationInfo(), CompiledModule.load(compiledJar()).module().validationInfo());
    }

    @Test
    void aJarWithTruncatedValidationIsCorrupt() throws IOException {
        Path broken = dir.resolve("broken.jar");
        Jars.rewrite(compiledJar(), broken, "jwasm/validation.bin", b -> Arrays.copyOf(b, b.length - 3));
        CompiledModuleException e = assertThrows(CompiledModuleException.class, () -> CompiledModule.load(broken));
        assertTrue(e.getMessage().startsWith("compiled module is corrupt: ")
                && e.getMessage().contains("jwasm/validation.bin"), e.getMessage());
    }

    @Test
    void theInterpreterTierIgnoresCompiledCode() throws IOException {
        Instance instance = instantiate(CompiledModule.load(compiledJar()).module(), Tier.INTERP);
        assertEquals(AotModules.expectedRun(10), instance.function("run").call(Value.i32(10))[0].asInt());
        assertFalse(((WasmFunction) instance.function("run")).entry instanceof CompiledCode, "compiled");
    }

    @Test
    void signatureChecksStillTrap() throws IOException {
        Instance instance = instantiate(CompiledModule.load(compiledJar()).module(), Tier.JIT);
        dev.jwasm.api.WasmTrap trap = assertThrows(dev.jwasm.api.WasmTrap.class,
                () -> instance.function("wrongType").call());
        assertTrue(trap.getMessage().contains("indirect call type mismatch"), trap.getMessage());
    }

    @Test
    void aJarFromAnotherJwasmBuildIsStale() throws IOException {
        Path stale = dir.resolve("stale.jar");
        Jars.editManifest(compiledJar(), stale, "Jwasm-Version: " + BuildInfo.JWASM_VERSION, "Jwasm-Version: 0.0.1");
        CompiledModuleException e = assertThrows(CompiledModuleException.class, () -> CompiledModule.load(stale));
        assertEquals("compiled module is stale: written by jwasm 0.0.1, this is jwasm " + BuildInfo.JWASM_VERSION
                + ": compile the module again", e.getMessage());
    }

    /** Code compiled where Unsafe was available calls UnsafeAccess, which another JVM (JDK 24+) must not use. */
    @Test
    void aJarWhoseMemoryAccessClassThisJvmDoesNotUseIsRefused() throws IOException {
        Path other = dir.resolve("other.jar");
        String foreign = MemoryAccess.ACCESS_CLASS.endsWith("UnsafeAccess")
                ? "dev/jwasm/jit/link/VarHandleAccess" : "dev/jwasm/jit/link/UnsafeAccess";
        Jars.editManifest(compiledJar(), other, "Jwasm-Memory-Access: " + MemoryAccess.ACCESS_CLASS,
                "Jwasm-Memory-Access: " + foreign);
        CompiledModuleException e = assertThrows(CompiledModuleException.class, () -> CompiledModule.load(other));
        assertEquals("compiled module does not fit this JVM: its code accesses memory through " + foreign
                + ", this JVM needs " + MemoryAccess.ACCESS_CLASS
                + " (see -Djwasm.jit.unsafeMemory): compile the module again", e.getMessage());
    }

    @Test
    void aJarOfAnotherFormatIsStale() throws IOException {
        Path stale = dir.resolve("stale.jar");
        Jars.editManifest(compiledJar(), stale, "Jwasm-Format: " + BuildInfo.FORMAT_VERSION, "Jwasm-Format: 99");
        CompiledModuleException e = assertThrows(CompiledModuleException.class, () -> CompiledModule.load(stale));
        assertTrue(e.getMessage().startsWith("compiled module is stale: format 99"), e.getMessage());
    }

    @Test
    void aJarOfFormatOneIsStale() throws IOException {
        // Format 1 methods had no call budget parameter: linking them would fail at the first call.
        Path stale = dir.resolve("stale.jar");
        Jars.editManifest(compiledJar(), stale, "Jwasm-Format: " + BuildInfo.FORMAT_VERSION, "Jwasm-Format: 1");
        CompiledModuleException e = assertThrows(CompiledModuleException.class, () -> CompiledModule.load(stale));
        assertTrue(e.getMessage().startsWith("compiled module is stale: format 1"), e.getMessage());
    }

    @Test
    void aJarWhoseModuleWasChangedIsRefused() throws IOException {
        Path changed = dir.resolve("changed.jar");
        Jars.rewrite(compiledJar(), changed, "jwasm/module.wasm", b -> {
            byte[] c = b.clone();
            c[c.length - 1] ^= 1;
            return c;
        });
        CompiledModuleException e = assertThrows(CompiledModuleException.class, () -> CompiledModule.load(changed));
        assertEquals("compiled module is corrupt: jwasm/module.wasm does not match the size and CRC-32 its manifest "
                + "records", e.getMessage());
    }

    @Test
    void anOrdinaryJarIsForeign() throws IOException {
        Path plain = dir.resolve("plain.jar");
        try (java.util.jar.JarOutputStream out = new java.util.jar.JarOutputStream(Files.newOutputStream(plain),
                new java.util.jar.Manifest())) {
            out.putNextEntry(new java.util.zip.ZipEntry("a.txt"));
        }
        CompiledModuleException e = assertThrows(CompiledModuleException.class, () -> CompiledModule.load(plain));
        assertEquals("not a jwasm compiled module: its manifest has no Jwasm-Format", e.getMessage());
    }

    @Test
    void aWasmFileIsNotAJar() throws IOException {
        Path wasm = dir.resolve("m.wasm");
        Files.write(wasm, AotModules.binary(AotModules.INDIRECT));
        CompiledModuleException e = assertThrows(CompiledModuleException.class, () -> CompiledModule.load(wasm));
        assertTrue(e.getMessage().startsWith("not a jwasm compiled module: not a jar file"), e.getMessage());
    }

    @Test
    void aJarMissingAClassIsCorrupt() throws IOException {
        Path broken = dir.resolve("broken.jar");
        Jars.rewrite(compiledJar(), broken, "dev/jwasm/jit/gen/Aot_0.class", b -> null);
        CompiledModuleException e = assertThrows(CompiledModuleException.class, () -> CompiledModule.load(broken));
        assertEquals("compiled module is corrupt: it has no dev/jwasm/jit/gen/Aot_0.class", e.getMessage());
    }

    @Test
    void aManifestClaimingHugeCountsIsCorruptNotAnOutOfMemoryError() throws IOException {
        Path huge = dir.resolve("huge.jar");
        Jars.editManifest(compiledJar(), huge, "Jwasm-Functions: 5", "Jwasm-Functions: 2000000000");
        CompiledModuleException e = assertThrows(CompiledModuleException.class, () -> CompiledModule.load(huge));
        assertEquals("compiled module is corrupt: bad Jwasm-Functions", e.getMessage());
    }

    @Test
    void anEntryLargerThanTheManifestSaysIsNotReadToTheEnd() throws IOException {
        Path bomb = dir.resolve("bomb.jar");
        Jars.rewrite(compiledJar(), bomb, "jwasm/module.wasm", b -> new byte[50_000_000]); // compresses to ~50 KB
        CompiledModuleException e = assertThrows(CompiledModuleException.class, () -> CompiledModule.load(bomb));
        assertEquals("compiled module is corrupt: jwasm/module.wasm is too large", e.getMessage());
    }

    @Test
    void aDamagedClassLeavesTheInstanceInterpreted() throws IOException {
        Path damaged = dir.resolve("damaged.jar");
        Jars.rewrite(compiledJar(), damaged, "dev/jwasm/jit/gen/Aot_0.class", b -> Arrays.copyOf(b, b.length / 2));
        Instance instance = instantiate(CompiledModule.load(damaged).module(), Tier.JIT);
        assertEquals(AotModules.expectedRun(20), instance.function("run").call(Value.i32(20))[0].asInt());
        assertFalse(((WasmFunction) instance.function("run")).entry instanceof CompiledCode, "compiled");
    }

    @Test
    void everyTruncationOfAJarIsReportedNotThrownRaw() throws IOException {
        byte[] whole = Files.readAllBytes(compiledJar());
        Path cut = dir.resolve("cut.jar");
        for (int length = 0; length < whole.length; length += Math.max(1, whole.length / 97)) {
            Files.write(cut, Arrays.copyOf(whole, length));
            assertThrows(CompiledModuleException.class, () -> CompiledModule.load(cut), "length " + length);
        }
    }

    @Test
    void textModulesAreNotCompiledAheadOfTime() {
        byte[] text = "(module)".getBytes(StandardCharsets.UTF_8);
        CompiledModuleException e = assertThrows(CompiledModuleException.class, () -> CompiledModule.compile(text));
        assertEquals("only modules in the binary format can be compiled ahead of time", e.getMessage());
    }

    @Test
    void aModuleWithoutFunctionsRoundTrips() throws IOException {
        Path jar = dir.resolve("empty.jar");
        CompiledModule.compile(AotModules.binary("(module (memory (export \"m\") 1))")).write(jar);
        CompiledModule loaded = CompiledModule.load(jar);
        assertEquals(0, loaded.definedFunctions());
        assertTrue(instantiate(loaded.module(), Tier.JIT).export("m").isPresent());
    }

    private static String runWasi(WasmModule module, Tier tier, String... args) throws IOException {
        Yardsticks.Run run = Yardsticks.run(module, tier, args);
        run.exit().ifPresent(code -> assertEquals(0, code, "exit code"));
        return run.stdout();
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"qsort,20000", "sha256,1", "nbody,100"})
    void yardstickProgramsPrintTheSameFromAJar(String program, String size) throws IOException {
        Optional<Path> bench = Yardsticks.benchDir();
        Assumptions.assumeTrue(bench.isPresent(), "shared/bench not found");
        byte[] wasm = Files.readAllBytes(bench.get().resolve("wasm/" + program + ".wasm"));
        Path jar = dir.resolve(program + ".jar");
        CompiledModule.compile(wasm).write(jar);
        String interpreted = runWasi(WasmModule.parse(wasm), Tier.INTERP, program, size);
        assertFalse(interpreted.isBlank(), "no output");
        assertEquals(interpreted, runWasi(CompiledModule.load(jar).module(), Tier.AUTO, program, size));
    }
}
