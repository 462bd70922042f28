package dev.jwasm.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jwasm.api.Engine;
import dev.jwasm.api.Instance;
import dev.jwasm.api.Linker;
import dev.jwasm.api.Memory;
import dev.jwasm.api.Value;
import dev.jwasm.api.WasmModule;
import dev.jwasm.core.model.FuncType;
import dev.jwasm.core.model.ValType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The embedding example shown in README.md. The README's code block is this test's {@code example} body
 * between the {@code // README begin} and {@code // README end} markers; {@link #readmeShowsThisExample}
 * keeps the two from drifting apart.
 */
class EmbeddingExampleTest {

    @Test
    void example() {
        List<String> logged = new ArrayList<>();
        // README begin
        WasmModule module = WasmModule.parseText("""
                (module
                  (import "host" "log" (func $log (param i32 i32)))
                  (memory (export "memory") 1)
                  (data (i32.const 0) "sum computed")
                  (func (export "add") (param i32 i32) (result i32)
                    (call $log (i32.const 0) (i32.const 12))
                    (i32.add (local.get 0) (local.get 1))))
                """);

        Linker linker = new Linker(Engine.create());
        linker.defineFunction("host", "log", FuncType.of(List.of(ValType.I32, ValType.I32), List.of()),
                (caller, args) -> {
                    Memory memory = caller.memory().orElseThrow();
                    logged.add(memory.readString(args[0].asInt(), args[1].asInt()));
                    return new Value[0];
                });
        Instance instance = linker.instantiate(module);

        Value[] results = instance.function("add").call(Value.i32(40), Value.i32(2));
        System.out.println(results[0].asInt()); // 42
        // README end
        assertEquals(42, results[0].asInt());
        assertEquals(List.of("sum computed"), logged);
    }

    @Test
    void readmeShowsThisExample() throws IOException {
        Path root = Path.of("").toAbsolutePath();
        while (root != null && !Files.exists(root.resolve("README.md"))) {
            root = root.getParent();
        }
        String readme = Files.readString(root.resolve("README.md"), StandardCharsets.UTF_8);
        String source = Files.readString(root.resolve(
                "runtime-core/src/test/java/dev/jwasm/examples/EmbeddingExampleTest.java"), StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("// README begin\\n(.*?)\\n\\s*// README end", Pattern.DOTALL).matcher(source);
        m.find();
        String snippet = m.group(1).stripIndent().strip();
        assertEquals(true, normalise(readme).contains(normalise(snippet)),
                "README.md must contain the example from EmbeddingExampleTest verbatim");
    }

    private static String normalise(String s) {
        return s.replaceAll("[ \\t]+", " ").replaceAll("\\n ", "\n");
    }
}
