package dev.jwasm.cli;

import dev.jwasm.api.Linker;
import dev.jwasm.api.WasmModule;
import dev.jwasm.core.model.Import;
import java.util.OptionalInt;

/**
 * The CLI's one point of contact with module wasi-preview1: defines the {@code wasi_snapshot_preview1}
 * host functions in a linker and recognises a guest's {@code proc_exit}.
 */
final class WasiSupport {
    private static final String PREVIEW1 = "wasi_snapshot_preview1";
    private static final String UNSTABLE = "wasi_unstable";

    private WasiSupport() {
    }

    /** Whether this build has the WASI host functions (false until module wasi-preview1 lands). */
    static boolean available() {
        return false;
    }

    /** Whether {@code module} imports anything from WASI preview 1 (or its older name). */
    static boolean imports(WasmModule module) {
        for (Import imp : module.decoded().imports()) {
            if (imp.module().equals(PREVIEW1) || imp.module().equals(UNSTABLE)) {
                return true;
            }
        }
        return false;
    }

    /** Defines the WASI functions with the given grants, using {@code io} as the guest's stdio. */
    static void define(Linker linker, WasiGrants grants, Streams io) {
        if (!available()) {
            throw new CliException("this build has no WASI support yet (module wasi-preview1)");
        }
    }

    /** The exit code if {@code t}, or one of its causes, is a guest's {@code proc_exit}. */
    static OptionalInt exitCode(Throwable t) {
        return OptionalInt.empty();
    }
}
