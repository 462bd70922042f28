package dev.jwasm.core.binary;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jwasm.api.MalformedModuleException;
import dev.jwasm.core.SharedMaterial;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Truncated and corrupted modules only ever fail with {@link MalformedModuleException}: no other exception,
 * no hang, no allocation driven by a declared size.
 */
class HostileInputTest {
    private static final Path SAMPLE = SharedMaterial.benchWasm().resolve("fib.wasm");

    private static void decodeOrMalformed(byte[] module, String what) {
        try {
            ModuleDecoder.decode(module);
        } catch (MalformedModuleException expected) {
            // the only acceptable failure
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            fail(what + ": " + e, e);
        }
    }

    private static byte[] sample() throws IOException {
        assumeTrue(Files.isRegularFile(SAMPLE), "sample module not found: " + SAMPLE);
        return Files.readAllBytes(SAMPLE);
    }

    @Test
    void everyTruncationOfARealModuleFailsCleanly() throws IOException {
        byte[] module = sample();
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            int step = Math.max(1, module.length / 1000);
            for (int len = 0; len < module.length; len += step) {
                decodeOrMalformed(java.util.Arrays.copyOf(module, len), "truncated to " + len);
            }
        });
    }

    @Test
    void randomByteCorruptionsFailCleanly() throws IOException {
        byte[] module = sample();
        Random random = new Random(42);
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            for (int i = 0; i < 1000; i++) {
                byte[] copy = module.clone();
                int flips = 1 + random.nextInt(4);
                for (int f = 0; f < flips; f++) {
                    copy[random.nextInt(copy.length)] = (byte) random.nextInt(256);
                }
                decodeOrMalformed(copy, "corruption " + i);
            }
        });
    }

    @Test
    void randomBytesAfterAValidHeaderFailCleanly() {
        Random random = new Random(7);
        for (int i = 0; i < 3000; i++) {
            byte[] junk = new byte[8 + random.nextInt(64)];
            random.nextBytes(junk);
            System.arraycopy(ModuleBytes.module().build(), 0, junk, 0, 8);
            decodeOrMalformed(junk, "random module " + i);
        }
    }

    @Test
    void maximalCountsAndSizesInEveryPositionFailFast() {
        byte[] max = ModuleBytes.u32(0xFFFF_FFFFL);
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            for (int id = 0; id <= 13; id++) {
                decodeOrMalformed(ModuleBytes.module().raw(id).raw(toInts(max)).build(), "section size " + id);
                decodeOrMalformed(ModuleBytes.module().section(id, max).build(), "count in section " + id);
            }
        });
    }

    private static int[] toInts(byte[] b) {
        int[] out = new int[b.length];
        for (int i = 0; i < b.length; i++) {
            out[i] = b[i] & 0xFF;
        }
        return out;
    }
}
