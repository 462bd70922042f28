package dev.jwasm.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The {@code --log-level} option, mixed into every command so it is accepted before or after the subcommand. */
final class LoggingMixin {
    @Spec(Spec.Target.MIXEE)
    private CommandSpec mixee;

    @Option(names = "--log-level", paramLabel = "LEVEL", order = 100,
            description = "Level of jwasm's own diagnostics on stderr: " + LogLevels.CHOICES
                    + " (default: warn). At debug, errors also show Java stack traces.")
    void setLogLevel(String level) {
        try {
            LogLevels.apply(level);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(mixee.commandLine(), e.getMessage());
        }
    }
}
