package dev.jwasm.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code jwasm inspect MODULE}: describes a module's structure without running it. */
@Command(name = "inspect", usageHelpAutoWidth = true,
        description = {"Describe a module (.wasm or .wat): sections with offsets and sizes, imports and exports "
                + "with their types, memories, tables, globals, functions, custom sections and names.",
            "A .wat module is described as the binary it compiles to."},
        mixinStandardHelpOptions = true, versionProvider = VersionProvider.class)
final class InspectCommand implements Callable<Integer> {
    private final Streams io;

    @Mixin
    LoggingMixin logging;

    @Parameters(index = "0", paramLabel = "MODULE", description = "The module to describe.")
    String module;

    InspectCommand(Streams io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        new ModuleReport(io.out()).print(module, ModuleFiles.load(module));
        io.out().flush();
        return ExitCodes.OK;
    }
}
