package dev.jwasm.jit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwasm.api.Tier;
import dev.jwasm.api.WasmModule;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The nine yardstick programs of {@code shared/bench} print exactly their expected output at the default
 * size on the JIT, run after run: {@code jwasm.determinism.runs} times each in this JVM (a fresh instance,
 * so a fresh compilation, every time) and once each in {@code jwasm.determinism.jvms} fresh JVMs. The
 * defaults (1 and 1, the fresh JVM running alongside) cost about 30 s of CPU; with 2 runs in this JVM the
 * test took 93 s on a loaded machine, too much for every build. A large run, e.g.
 * {@code -Djwasm.determinism.runs=20 -Djwasm.determinism.jvms=5}, takes 6 to 20 minutes.
 */
class YardstickDeterminismTest {
    private static final List<String> PROGRAMS =
            List.of("fib", "matmul", "sha256", "nbody", "sieve", "qsort", "mandelbrot", "lz", "strings");

    @Test
    void everyRunInThisAndInFreshJvmsPrintsTheExpectedOutput() throws Exception {
        Optional<Path> found = Yardsticks.benchDir();
        Assumptions.assumeTrue(found.isPresent(),
                "shared/bench not found (looked at -Djwasm.bench, ../../shared/bench, ../shared/bench): skipped");
        Path bench = found.get();
        int runs = Integer.getInteger("jwasm.determinism.runs", 1);
        int jvms = Integer.getInteger("jwasm.determinism.jvms", 1);
        List<String> mismatches = new ArrayList<>();

        // The fresh JVMs run one after another while this JVM runs its share (two cores make that a gain).
        CompletableFuture<List<String>> forked = CompletableFuture.supplyAsync(() -> {
            List<String> problems = new ArrayList<>();
            for (int j = 1; j <= jvms; j++) {
                problems.addAll(checkForkedJvm(bench, j));
            }
            return problems;
        });
        for (String program : PROGRAMS) {
            WasmModule module = WasmModule.parse(bench.resolve("wasm/" + program + ".wasm"));
            String expected = expected(bench, program);
            for (int r = 1; r <= runs; r++) {
                String printed = YardstickRunner.run(module, Tier.JIT, program);
                if (!printed.equals(expected)) {
                    mismatches.add(program + " in-JVM run " + r + " printed: " + printed.strip());
                }
            }
        }
        mismatches.addAll(forked.get(30, TimeUnit.MINUTES));
        assertEquals(List.of(), mismatches);
    }

    /** Runs every program once in a new JVM; returns what differed from the expected output. */
    private static List<String> checkForkedJvm(Path bench, int jvm) {
        List<String> problems = new ArrayList<>();
        try {
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    // Under Surefire the class path may be a manifest-only jar, whose Class-Path still applies.
                    "-cp", System.getProperty("java.class.path"),
                    YardstickRunner.class.getName(), bench.toString(), Tier.JIT.name(), "1"));
            command.addAll(PROGRAMS);
            Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            byte[] out;
            try (InputStream in = process.getInputStream()) {
                out = in.readAllBytes();
            }
            assertTrue(process.waitFor(5, TimeUnit.MINUTES), "forked JVM did not end");
            if (process.exitValue() != 0) {
                problems.add("JVM " + jvm + " exited with " + process.exitValue());
            }
            List<String[]> outputs = frames(out);
            for (String program : PROGRAMS) {
                String printed = outputs.stream().filter(o -> o[0].equals(program)).map(o -> o[1]).findFirst()
                        .orElse("(nothing)");
                if (!printed.equals(expected(bench, program))) {
                    problems.add(program + " in JVM " + jvm + " printed: " + printed.strip());
                }
            }
        } catch (IOException | InterruptedException e) {
            problems.add("JVM " + jvm + " failed: " + e);
        }
        return problems;
    }

    /** Splits the runner's output into (program, output) pairs. */
    private static List<String[]> frames(byte[] out) {
        List<String[]> frames = new ArrayList<>();
        int pos = 0;
        while (pos < out.length) {
            int eol = pos;
            while (eol < out.length && out[eol] != '\n') {
                eol++;
            }
            String[] header = new String(out, pos, eol - pos, StandardCharsets.UTF_8).split(" ");
            if (header.length != 3 || !header[0].equals("###") || eol == out.length) {
                break;
            }
            int length = Integer.parseInt(header[2]);
            int end = Math.min(out.length, eol + 1 + length);
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            body.write(out, eol + 1, end - eol - 1);
            frames.add(new String[] {header[1], body.toString(StandardCharsets.UTF_8)});
            pos = end;
        }
        return frames;
    }

    private static String expected(Path bench, String program) {
        try {
            return Files.readString(bench.resolve("expected/" + program + ".out"));
        } catch (IOException e) {
            return "(no expected output: " + e + ")";
        }
    }
}
