package dev.jwasm.cli;

import dev.jwasm.api.Tier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jwasm wast FILE...}: runs WebAssembly spec-test scripts. */
@Command(name = "wast", usageHelpAutoWidth = true,
        description = {"Run WebAssembly script files (.wast), such as the official spec testsuite.",
            "Prints 'PASS|FAIL <file> passed=N failed=M skipped=K' per file and a closing 'N passed, M failed' "
                    + "on stdout, and each failed command (file:line, what was expected, what happened) on stderr.",
            "Exit status: 0 when no assertion failed, 1 otherwise."},
        mixinStandardHelpOptions = true, versionProvider = VersionProvider.class)
final class WastCommand implements Callable<Integer> {
    private final Streams io;

    @Mixin
    LoggingMixin logging;

    @Option(names = "--tier", paramLabel = "TIER", order = 1,
            description = "Execution tier: interp, jit or auto (default: interp). The JIT is not available yet.")
    Tier tier = Tier.INTERP;

    @Option(names = "--timeout", paramLabel = "DURATION", order = 2, converter = LimitOptions.DurationConverter.class,
            description = "Wall-clock limit for each command of a script (default: 20s).")
    Duration timeout = Duration.ofSeconds(20);

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Script files to run.")
    List<String> files;

    WastCommand(Streams io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        List<Path> paths = new ArrayList<>();
        for (String f : files) {
            Path p = Path.of(f);
            if (!Files.isRegularFile(p)) {
                throw new CliException("cannot read '" + f + "': no such file");
            }
            paths.add(p);
        }
        boolean passed = WastScripts.run(paths, Tiers.effective(tier), timeout, io.out(), io.err());
        io.out().flush();
        return passed ? ExitCodes.OK : ExitCodes.ERROR;
    }
}
