package dev.jwasm.wasi;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import dev.jwasm.core.model.ValType;
import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Calls every function many times with random arguments over random memory: each call must return an errno
 * (or, for proc_exit, throw WasiExitException) and never let a host exception out.
 */
@Timeout(60)
class HostileArgumentsTest {
    private static final long[] INTERESTING = {0, 1, 2, 3, 4, 5, 8, 24, 64, 255, 4096, 65535, 65536, 262136, 262143,
        262144, 0x7FFF_FFFFL, 0x8000_0000L, 0xFFFF_FFFFL, -1L, Long.MIN_VALUE, Long.MAX_VALUE};

    @Test
    void randomArgumentsOnlyEverProduceErrnos() throws IOException {
        Random random = new Random(1234);
        try (FileSystem fs = Jimfs.newFileSystem(Configuration.unix())) {
            Files.createDirectories(fs.getPath("/d/sub"));
            Files.writeString(fs.getPath("/d/f"), "data");
            ArgsEnvClockRandomTest.FakeClock clock = new ArgsEnvClockRandomTest.FakeClock();
            WasiConfig config = WasiConfig.builder().args("a", "b").env("K", "V").clock(clock)
                    .preopen(fs.getPath("/d"), "/d", PreopenMode.READ_WRITE)
                    .preopen(fs.getPath("/d/sub"), "/ro", PreopenMode.READ_ONLY).build();
            try (WasiHarness h = new WasiHarness(config)) {
                byte[] noise = new byte[h.memory.byteSize() > Integer.MAX_VALUE ? 0 : (int) h.memory.byteSize()];
                for (int round = 0; round < 300; round++) {
                    random.nextBytes(noise);
                    sprinkleSmallValues(noise, random);
                    h.memory.write(0, noise);
                    for (WasiFunction f : h.wasi.functions()) {
                        callWithRandomArgs(h, f, random);
                    }
                }
            }
        }
    }

    /** Makes plausible fds, lengths and pointers common in the noise, so calls get past the first checks. */
    private static void sprinkleSmallValues(byte[] noise, Random random) {
        for (int i = 0; i + 4 <= noise.length; i += 4) {
            if (random.nextInt(3) == 0) {
                int v = random.nextInt(3) == 0 ? random.nextInt(8) : random.nextInt(noise.length);
                noise[i] = (byte) v;
                noise[i + 1] = (byte) (v >> 8);
                noise[i + 2] = (byte) (v >> 16);
                noise[i + 3] = (byte) (v >> 24);
            }
        }
    }

    private static void callWithRandomArgs(WasiHarness h, WasiFunction f, Random random) {
        Object[] args = new Object[f.type().params().size()];
        for (int i = 0; i < args.length; i++) {
            long v = random.nextInt(4) == 0 ? random.nextLong() : INTERESTING[random.nextInt(INTERESTING.length)];
            if (i == 0 && random.nextBoolean()) {
                v = random.nextInt(6);
            }
            args[i] = f.type().params().get(i).equals(ValType.I64) ? (Object) v : (Object) (int) v;
        }
        if (f.name().equals("poll_oneoff")) {
            args[2] = 1 + random.nextInt(4); // keep waits on the fake clock and on files only
        }
        if (f.name().equals("sock_accept") || f.name().equals("fd_read") && (int) args[0] == 0) {
            args[0] = 1; // stdin is empty and there are no listeners, but do not risk blocking
        }
        try {
            int errno = h.call(f.name(), args);
            assertTrue(errno >= 0 && errno <= 76, f.name() + " returned " + errno);
        } catch (WasiExitException e) {
            assertTrue(f.name().equals("proc_exit"));
        }
    }
}
