package dev.jwasm.cli;

import dev.jwasm.api.Linker;
import dev.jwasm.api.WasmModule;
import dev.jwasm.core.model.Import;
import dev.jwasm.wasi.PreopenMode;
import dev.jwasm.wasi.Wasi;
import dev.jwasm.wasi.WasiConfig;
import dev.jwasm.wasi.WasiExitException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;

/**
 * The CLI's one point of contact with module wasi-preview1: turns the command line's grants into a
 * {@link WasiConfig}, defines the {@code wasi_snapshot_preview1} functions in a linker, and recognises a
 * guest's {@code proc_exit}.
 */
final class WasiSupport {
    private static final String UNSTABLE = "wasi_unstable";

    private WasiSupport() {
    }

    /** Whether {@code module} imports anything from WASI preview 1 (or its older name). */
    static boolean imports(WasmModule module) {
        for (Import imp : module.decoded().imports()) {
            if (imp.module().equals(Wasi.MODULE) || imp.module().equals(UNSTABLE)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Opens the guest's descriptors (stdio on {@code io}, the directories, the listeners) and defines in
     * {@code linker} the WASI functions {@code modules} import. Close the result when the guest is done.
     *
     * @throws CliException if a directory or listener cannot be opened
     */
    static Wasi define(Linker linker, WasiGrants grants, Streams io, List<WasmModule> modules) {
        try {
            Wasi wasi = Wasi.create(config(grants, io));
            wasi.addImportsOf(linker, modules);
            return wasi;
        } catch (IOException e) {
            throw new CliException("cannot set up WASI: " + e.getMessage());
        }
    }

    static WasiConfig config(WasiGrants grants, Streams io) {
        // inheritStdio() also tells the guest whether stdio is a terminal (so its libc line-buffers);
        // the streams are then replaced by the ones this invocation was given.
        WasiConfig.Builder b = WasiConfig.builder().inheritStdio()
                .stdin(io.in()).stdout(io.guestOut()).stderr(io.guestErr())
                .args(grants.args());
        for (EnvSetting e : grants.env()) {
            b.env(e.name(), e.value());
        }
        for (DirGrant d : grants.dirs()) {
            b.preopen(Path.of(d.host()), d.guest(), d.readOnly() ? PreopenMode.READ_ONLY : PreopenMode.READ_WRITE);
        }
        for (ListenAddress l : grants.listens()) {
            b.listen(l.host(), l.port());
        }
        return b.build();
    }

    /** The exit code if {@code t}, or one of its causes, is a guest's {@code proc_exit}. */
    static OptionalInt exitCode(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof WasiExitException exit) {
                return OptionalInt.of(exit.exitCode());
            }
        }
        return OptionalInt.empty();
    }
}
