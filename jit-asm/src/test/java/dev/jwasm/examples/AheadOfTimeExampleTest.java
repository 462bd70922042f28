package dev.jwasm.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwasm.api.Engine;
import dev.jwasm.api.Instance;
import dev.jwasm.api.Linker;
import dev.jwasm.api.Value;
import dev.jwasm.api.WasmModule;
import dev.jwasm.core.text.Wat;
import dev.jwasm.jit.JitStats;
import dev.jwasm.jit.aot.CompiledModule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ahead-of-time example shown in README.md, kept verbatim there like {@code EmbeddingExampleTest}'s: the
 * README's code block is this test's {@code example} body between the README markers.
 */
class AheadOfTimeExampleTest {
    @TempDir
    Path dir;

    private static Path repositoryRoot() {
        Path root = Path.of("").toAbsolutePath();
        while (root != null && !Files.exists(root.resolve("README.md"))) {
            root = root.getParent();
        }
        return root;
    }

    @Test
    void example() throws IOException {
        Path wasm = Files.write(dir.resolve("add.wasm"),
                Wat.parse(Files.readString(repositoryRoot().resolve("examples/add.wat"))));
        Path jar = dir.resolve("add.jar");
        // README begin
        CompiledModule.compile(Files.readAllBytes(wasm)).write(jar);

        // Later, in any process running the same jwasm build: no compilation, no ASM.
        WasmModule module = CompiledModule.load(jar).module();
        Instance instance = new Linker(Engine.create()).instantiate(module);
        Value[] sum = instance.function("add").call(Value.i32(40), Value.i32(2));
        System.out.println(sum[0].asInt()); // 42
        // README end
        assertEquals(42, sum[0].asInt());
    }

    @Test
    void theLoadedModuleRunsWithoutCompiling() throws IOException {
        Path wasm = Files.write(dir.resolve("add.wasm"),
                Wat.parse(Files.readString(repositoryRoot().resolve("examples/add.wat"))));
        Path jar = dir.resolve("add.jar");
        CompiledModule.compile(Files.readAllBytes(wasm)).write(jar);
        long compiled = JitStats.compiledCount();
        CompiledModule loaded = CompiledModule.load(jar);
        Instance instance = new Linker(Engine.create()).instantiate(loaded.module());
        assertEquals(5, instance.function("add").call(Value.i32(2), Value.i32(3))[0].asInt());
        assertEquals(compiled, JitStats.compiledCount(), "loading the jar compiled the module");
        assertEquals(1, loaded.compiledFunctions());
    }

    @Test
    void readmeShowsThisExample() throws IOException {
        Path root = repositoryRoot();
        String readme = Files.readString(root.resolve("README.md"), StandardCharsets.UTF_8);
        String source = Files.readString(root.resolve(
                "jit-asm/src/test/java/dev/jwasm/examples/AheadOfTimeExampleTest.java"), StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("// README begin\\n(.*?)\\n\\s*// README end", Pattern.DOTALL).matcher(source);
        assertTrue(m.find());
        String snippet = m.group(1).stripIndent().strip();
        assertTrue(normalise(readme).contains(normalise(snippet)),
                "README.md must contain the example from AheadOfTimeExampleTest verbatim");
    }

    private static String normalise(String s) {
        return s.replaceAll("[ \\t]+", " ").replaceAll("\\n ", "\n");
    }
}
