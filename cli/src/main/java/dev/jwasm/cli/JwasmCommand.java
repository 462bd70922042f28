package dev.jwasm.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The top-level {@code jwasm} command; the work is done by its subcommands. */
@Command(name = "jwasm", usageHelpAutoWidth = true,
        description = {"A WebAssembly runtime in pure Java.",
            "'jwasm FILE.wasm ARGS...' is short for 'jwasm run FILE.wasm ARGS...'."},
        footer = {"", "Exit status of run: the guest's exit code; 134 on a trap; 1 when the module cannot be "
                + "loaded or linked; 2 for a command-line error. See 'jwasm COMMAND --help'."},
        mixinStandardHelpOptions = true, versionProvider = VersionProvider.class)
final class JwasmCommand implements Callable<Integer> {
    private final Streams io;

    @Spec
    CommandSpec spec;

    @Mixin
    LoggingMixin logging;

    JwasmCommand(Streams io) {
        this.io = io;
    }

    /** {@code jwasm} alone: show what it can do and fail, as it was not asked to do anything. */
    @Override
    public Integer call() {
        spec.commandLine().usage(io.err());
        return ExitCodes.USAGE;
    }
}
