package dev.jwasm.core.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/** Compares our output with wabt's wat2wasm (with --debug-names) when that tool is installed. */
final class WabtCheck {
    private WabtCheck() {
    }

    static void compareIfAvailable(List<String> modules) throws Exception {
        Path tool = Path.of("/usr/bin/wat2wasm");
        Assumptions.assumeTrue(Files.isExecutable(tool), "wat2wasm not installed; skipping byte comparison");
        Path dir = Files.createTempDirectory("jwasm-wabt");
        try {
            for (int i = 0; i < modules.size(); i++) {
                Path in = dir.resolve(i + ".wat");
                Path out = dir.resolve(i + ".wasm");
                Files.writeString(in, modules.get(i));
                Process p = new ProcessBuilder(tool.toString(), "--debug-names", "--no-check", in.toString(), "-o", out.toString())
                        .redirectErrorStream(true).start();
                p.getInputStream().readAllBytes();
                if (!p.waitFor(20, TimeUnit.SECONDS) || p.exitValue() != 0) {
                    throw new AssertionError("wat2wasm failed on " + modules.get(i));
                }
                assertEquals(HexFormat.of().formatHex(Files.readAllBytes(out)),
                        HexFormat.of().formatHex(Wat.parse(modules.get(i))), modules.get(i));
            }
        } finally {
            try (var s = Files.list(dir)) {
                for (Path f : s.toList()) {
                    Files.delete(f);
                }
            }
            Files.delete(dir);
        }
    }
}
