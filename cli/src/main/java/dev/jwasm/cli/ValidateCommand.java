package dev.jwasm.cli;

import dev.jwasm.api.WasmException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code jwasm validate MODULE...}: decodes and validates each module, one line per file. */
@Command(name = "validate", usageHelpAutoWidth = true,
        description = {"Decode and validate modules (.wasm or .wat) without running them.",
            "Prints '<file>: valid' on stdout, or '<file>: <error> (at offset ...)' on stderr.",
            "Exit status: 0 when every module is valid, 1 otherwise."},
        mixinStandardHelpOptions = true, versionProvider = VersionProvider.class)
final class ValidateCommand implements Callable<Integer> {
    private final Streams io;

    @Mixin
    LoggingMixin logging;

    @Parameters(arity = "1..*", paramLabel = "MODULE", description = "Modules to validate.")
    List<String> modules;

    ValidateCommand(Streams io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        int status = ExitCodes.OK;
        for (String file : modules) {
            if (!validate(file)) {
                status = ExitCodes.ERROR;
            }
        }
        return status;
    }

    private boolean validate(String file) {
        try {
            ModuleFiles.parse(file, ModuleFiles.read(file));
            io.out().println(file + ": valid");
            return true;
        } catch (CliException e) {
            io.err().println(e.getMessage());
        } catch (WasmException e) {
            io.err().println(file + ": " + ModuleFiles.describe(e));
        }
        return false;
    }
}
