package dev.jwasm.core.validate;

import static org.junit.jupiter.api.Assertions.fail;

import dev.jwasm.api.InvalidModuleException;
import dev.jwasm.core.SharedMaterial;
import dev.jwasm.core.model.DecodedModule;
import dev.jwasm.core.model.FunctionBody;
import dev.jwasm.core.model.ValType;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Random function bodies must either validate or fail with InvalidModuleException, never crash or hang. */
class ValidatorRobustnessTest {
    private static void noInternalError(InvalidModuleException e) {
        if (e.reason().startsWith("invalid module structure")) {
            fail("internal error surfaced as invalid module", e);
        }
    }

    @Test
    void randomBodiesNeverCrashTheValidator() {
        Random random = new Random(42);
        for (int round = 0; round < 3000; round++) {
            TestModule t = new TestModule().memory(1, -1).table(ValType.FUNCREF, 1);
            int ty = t.type(List.of(ValType.I32, ValType.I64), List.of(ValType.I32));
            int[] code = new int[1 + random.nextInt(40)];
            for (int i = 0; i < code.length; i++) {
                // Bias towards valid opcodes and small immediates.
                code[i] = random.nextInt(4) == 0 ? random.nextInt(4) : random.nextInt(256);
            }
            code[code.length - 1] = 0x0B;
            t.func(ty, code);
            try {
                ModuleValidator.validate(t.build());
            } catch (InvalidModuleException expected) {
                noInternalError(expected); // most random bodies are invalid, but must be judged, not crash
            } catch (RuntimeException | StackOverflowError e) {
                fail("crash on body " + java.util.Arrays.toString(code), e);
            }
        }
    }

    @Test
    void deeplyNestedBlocksDoNotOverflowTheStack() {
        int depth = 100_000;
        int[] code = new int[depth * 3 + 1];
        for (int i = 0; i < depth; i++) {
            code[2 * i] = 0x02;
            code[2 * i + 1] = 0x40;
        }
        for (int i = 0; i < depth; i++) {
            code[2 * depth + i] = 0x0B;
        }
        code[code.length - 1] = 0x0B;
        TestModule t = new TestModule();
        int ty = t.type(List.of(), List.of());
        t.func(ty, java.util.Arrays.copyOf(code, 3 * depth + 1));
        ModuleValidator.validate(t.build());
    }

    /** Flips bytes inside the function bodies of a real module; validation must stay clean. */
    @Test
    void mutatedBenchmarkBodiesFailCleanly() throws java.io.IOException {
        java.nio.file.Path file = SharedMaterial.benchWasm().resolve("sha256.wasm");
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.exists(file), "no benchmark module");
        DecodedModule original = dev.jwasm.core.binary.ModuleDecoder.decode(java.nio.file.Files.readAllBytes(file));
        Random random = new Random(7);
        int rejected = 0;
        for (int round = 0; round < 300; round++) {
            byte[] bytes = original.bytes().clone();
            for (int k = 0; k < 3; k++) {
                FunctionBody body = original.codes().get(random.nextInt(original.codes().size()));
                int span = body.codeEnd() - body.codeStart();
                bytes[body.codeStart() + random.nextInt(span)] = (byte) random.nextInt(256);
            }
            DecodedModule mutated = new DecodedModule(bytes, original.types(), original.imports(),
                    original.functionTypeIndices(), original.tables(), original.memories(), original.globals(),
                    original.tags(), original.exports(), original.startFunction(), original.elements(),
                    original.dataCount(), original.codes(), original.datas(), original.customSections(),
                    original.names());
            try {
                ModuleValidator.validate(mutated);
            } catch (InvalidModuleException expected) {
                noInternalError(expected);
                rejected++;
            } catch (RuntimeException | StackOverflowError e) {
                fail("crash in round " + round, e);
            }
        }
        org.junit.jupiter.api.Assertions.assertTrue(rejected > 100, "most mutations break typing: " + rejected);
    }
}
