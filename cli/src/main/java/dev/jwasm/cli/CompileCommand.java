package dev.jwasm.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code jwasm compile}: reserved for ahead-of-time compilation, which needs the JIT tier (not there yet). */
@Command(name = "compile", usageHelpAutoWidth = true,
        description = {"Ahead-of-time compilation to JVM bytecode.",
            "NOT AVAILABLE YET: the JIT/AOT tier is still to come; this command only says so and exits with status 2."},
        mixinStandardHelpOptions = true, versionProvider = VersionProvider.class)
final class CompileCommand implements Callable<Integer> {
    private final Streams io;

    @Mixin
    LoggingMixin logging;

    @Parameters(arity = "0..*", paramLabel = "MODULE", description = "Modules to compile (ignored for now).")
    List<String> modules;

    CompileCommand(Streams io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        io.err().println("Error: jwasm compile is not available yet: the JIT/AOT tier has not landed. "
                + "Use 'jwasm run' (interpreter) meanwhile.");
        return ExitCodes.USAGE;
    }
}
