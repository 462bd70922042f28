package dev.jwasm.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Entry point of the {@code jwasm} command. {@link #run} does all the work and returns the exit status, so
 * tests can drive the real command line in-process; {@link #main} only adds {@code System.exit}.
 */
public final class Main {
    private static final String DEFAULT_COMMAND = "run";
    private static final Set<String> TOP_LEVEL_FLAGS = Set.of("-h", "--help", "-V", "--version");
    private static final String LOG_LEVEL = "--log-level";

    private Main() {
    }

    public static void main(String[] args) {
        // Unbuffered file-descriptor streams: each guest fd_write is one write(2), as in native runtimes,
        // and nothing is lost when the guest's proc_exit ends the process.
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        int status = run(args, System.in, out, err);
        out.flush();
        err.flush();
        System.exit(status);
    }

    /** Runs the command line {@code args} with the given standard streams and returns the exit status. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, InputStream.nullInputStream(), out, err);
    }

    /** As {@link #run(String[], PrintStream, PrintStream)}, with {@code in} as the guest's stdin. */
    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        Streams io = new Streams(in, out, err);
        ErrorReporter reporter = new ErrorReporter(err);
        try {
            CommandLine cl = commandLine(io, reporter);
            return cl.execute(withDefaultCommand(args, cl.getSubcommands().keySet()));
        } catch (Throwable t) { // NOPMD: errors (stack overflow, out of memory) must not reach the user raw
            return reporter.report(t);
        } finally {
            LogLevels.reset();
        }
    }

    static CommandLine commandLine(Streams io, ErrorReporter reporter) {
        CommandLine cl = new CommandLine(new JwasmCommand(io))
                .addSubcommand(new RunCommand(io))
                .addSubcommand(new WastCommand(io))
                .addSubcommand(new ValidateCommand(io))
                .addSubcommand(new InspectCommand(io))
                .addSubcommand(new CompileCommand(io))
                .addSubcommand(new CompletionCommand(io))
                .addSubcommand(new HelpCommand());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setOut(new PrintWriter(new OutputStreamWriter(io.out(), StandardCharsets.UTF_8), true));
        cl.setErr(new PrintWriter(new OutputStreamWriter(io.err(), StandardCharsets.UTF_8), true));
        cl.setExecutionExceptionHandler((e, command, parseResult) -> reporter.report(e));
        cl.setParameterExceptionHandler(Main::reportUsageError);
        // Everything after MODULE belongs to the guest, even words that look like jwasm options.
        cl.getSubcommands().get(DEFAULT_COMMAND).setStopAtPositional(true);
        return cl;
    }

    /**
     * Inserts {@code run} when the first word (after an optional {@code --log-level LEVEL}) is neither a
     * subcommand nor a top-level flag, so {@code jwasm hello.wasm} and {@code jwasm --dir . hello.wasm} work.
     */
    static String[] withDefaultCommand(String[] args, Set<String> subcommands) {
        int i = 0;
        while (i < args.length && args[i].startsWith(LOG_LEVEL)) {
            i += args[i].equals(LOG_LEVEL) ? 2 : 1;
        }
        if (i >= args.length || subcommands.contains(args[i]) || TOP_LEVEL_FLAGS.contains(args[i])) {
            return args;
        }
        List<String> out = new ArrayList<>(Arrays.asList(args));
        out.add(i, DEFAULT_COMMAND);
        return out.toArray(new String[0]);
    }

    private static int reportUsageError(ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println("Error: " + e.getMessage());
        UnmatchedArgumentException.printSuggestions(e, err);
        err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information.");
        err.flush();
        return ExitCodes.USAGE;
    }
}
