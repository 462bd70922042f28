package dev.jwasm.cli;

import dev.jwasm.api.Engine;
import dev.jwasm.api.Linker;
import dev.jwasm.api.WasmModule;
import dev.jwasm.core.binary.ModuleDecoder;
import dev.jwasm.core.text.Wat;
import org.junit.jupiter.api.Assumptions;

/**
 * Which parts of jwasm this build has. The CLI lands alongside the decoder, text format, runtime, WASI and
 * WAST runner; tests that need a missing part are skipped (with a message) rather than failed.
 */
final class Capabilities {
    private static final byte[] EMPTY_MODULE = {0, 'a', 's', 'm', 1, 0, 0, 0};

    private Capabilities() {
    }

    static void assumeDecoder() {
        Assumptions.assumeTrue(works(() -> ModuleDecoder.decode(EMPTY_MODULE)), "binary decoder not in this build yet");
    }

    static void assumeValidator() {
        assumeDecoder();
        Assumptions.assumeTrue(works(() -> WasmModule.parse(EMPTY_MODULE)), "validator not in this build yet");
    }

    static void assumeTextFormat() {
        assumeValidator();
        Assumptions.assumeTrue(works(() -> Wat.parse("(module)")), "text format not in this build yet");
    }

    static void assumeRuntime() {
        assumeTextFormat();
        Assumptions.assumeTrue(works(() -> new Linker(Engine.create()).instantiate(WasmModule.parse(EMPTY_MODULE))),
                "runtime not in this build yet");
    }

    static void assumeWasi() {
        assumeRuntime();
        Assumptions.assumeTrue(classExists("dev.jwasm.wasi.Wasi"), "WASI not in this build yet");
    }

    static void assumeWastRunner() {
        assumeRuntime();
        Assumptions.assumeTrue(classExists("dev.jwasm.core.text.wast.WastRunner"), "WAST runner not in this build yet");
    }

    private static boolean classExists(String name) {
        try {
            Class.forName(name, false, Capabilities.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private static boolean works(Runnable r) {
        try {
            r.run();
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
