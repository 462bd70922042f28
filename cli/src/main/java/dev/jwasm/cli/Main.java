package dev.jwasm.cli;

import dev.jwasm.core.runtime.TierUp;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
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
    private static final String SLF4J_PROVIDER = "slf4j.provider";
    private static final String SLF4J_VERBOSITY = "slf4j.internal.verbosity";
    /**
     * Every subcommand, in the order help lists them; {@link #newSubcommand} makes them. A switch rather than
     * a map of constructor references: each method reference is a call site bootstrapped on first use, about
     * a millisecond of every start for seven of them.
     */
    private static final List<String> SUBCOMMANDS =
            List.of(DEFAULT_COMMAND, "wast", "validate", "inspect", "compile", "completion", "help");

    private Main() {
    }

    private static Object newSubcommand(String name, Streams io) {
        return switch (name) {
            case DEFAULT_COMMAND -> new RunCommand(io);
            case "wast" -> new WastCommand(io);
            case "validate" -> new ValidateCommand(io);
            case "inspect" -> new InspectCommand(io);
            case "compile" -> new CompileCommand(io);
            case "completion" -> new CompletionCommand(io);
            case "help" -> new HelpCommand();
            default -> throw new IllegalArgumentException(name);
        };
    }

    public static void main(String[] args) {
        // Unbuffered file-descriptor streams: each guest fd_write is one write(2), as in native runtimes,
        // and nothing is lost when the guest's proc_exit ends the process.
        StartupWarmUp.start();
        useLazyLogback();
        if (System.getProperty(TierUp.COMPILER_PROPERTY) == null) {
            // This jar bundles the JIT: name it rather than have the runtime search the class path for it.
            System.setProperty(TierUp.COMPILER_PROPERTY, "dev.jwasm.jit.JitCompilerTier");
        }
        FileOutputStream rawOut = new FileOutputStream(FileDescriptor.out);
        FileOutputStream rawErr = new FileOutputStream(FileDescriptor.err);
        PrintStream out = new PrintStream(rawOut, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(rawErr, true, StandardCharsets.UTF_8);
        int status = run(args, new Streams(System.in, out, err, rawOut, rawErr));
        out.flush();
        err.flush();
        if (ArchiveTraining.requested()) {
            ArchiveTraining.train();
        }
        System.exit(status);
    }

    /**
     * Makes SLF4J use {@link LazyLogback} unless the user chose a provider; see there why. SLF4J announces a
     * provider chosen this way at its INFO verbosity, which would garble every run's stderr, so its own
     * reports are lowered to warnings unless the user set their verbosity.
     */
    private static void useLazyLogback() {
        if (System.getProperty(SLF4J_PROVIDER) == null) {
            System.setProperty(SLF4J_PROVIDER, LazyLogback.class.getName());
            if (System.getProperty(SLF4J_VERBOSITY) == null) {
                System.setProperty(SLF4J_VERBOSITY, "WARN");
            }
        }
    }

    /** Runs the command line {@code args} with the given standard streams and returns the exit status. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, InputStream.nullInputStream(), out, err);
    }

    /** As {@link #run(String[], PrintStream, PrintStream)}, with {@code in} as the guest's stdin. */
    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        return run(args, new Streams(in, out, err));
    }

    private static int run(String[] args, Streams io) {
        ErrorReporter reporter = new ErrorReporter(io.err());
        try {
            String[] full = withDefaultCommand(args, SUBCOMMANDS);
            RunCommand common = RunFastPath.parse(full, io);
            if (common != null) {
                return common.call();
            }
            return commandLine(io, reporter, chosenCommand(full)).execute(full);
        } catch (Throwable t) { // NOPMD: errors (stack overflow, out of memory) must not reach the user raw
            return reporter.report(t);
        } finally {
            LogLevels.reset();
        }
    }

    /**
     * The command line for {@code args}. Picocli reflects over every command it is given, which dominates
     * start-up, so when the subcommand is known only that one is built; help, completion and the bare
     * {@code jwasm} get all of them.
     *
     * @param only the subcommand to build, or null for all
     */
    static CommandLine commandLine(Streams io, ErrorReporter reporter, String only) {
        CommandLine cl = new CommandLine(new JwasmCommand(io));
        for (String name : SUBCOMMANDS) {
            if (only == null || only.equals(name)) {
                cl.addSubcommand(name, newSubcommand(name, io));
            }
        }
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setOut(new PrintWriter(new OutputStreamWriter(io.out(), StandardCharsets.UTF_8), true));
        cl.setErr(new PrintWriter(new OutputStreamWriter(io.err(), StandardCharsets.UTF_8), true));
        cl.setExecutionExceptionHandler((e, command, parseResult) -> reporter.report(e));
        cl.setParameterExceptionHandler(Main::reportUsageError);
        // Everything after MODULE belongs to the guest, even words that look like jwasm options.
        CommandLine run = cl.getSubcommands().get(DEFAULT_COMMAND);
        if (run != null) {
            run.setStopAtPositional(true);
        }
        return cl;
    }

    /** The subcommand {@code args} selects, or null when all are needed (help, completion, no command). */
    static String chosenCommand(String[] args) {
        int i = skipLogLevel(args);
        if (i >= args.length) {
            return null;
        }
        String word = args[i];
        boolean needsAll = word.equals("help") || word.equals("completion");
        return SUBCOMMANDS.contains(word) && !needsAll ? word : null;
    }

    /**
     * Inserts {@code run} when the first word (after an optional {@code --log-level LEVEL}) is neither a
     * subcommand nor a top-level flag, so {@code jwasm hello.wasm} and {@code jwasm --dir . hello.wasm} work.
     */
    static String[] withDefaultCommand(String[] args, Collection<String> subcommands) {
        int i = skipLogLevel(args);
        if (i >= args.length || subcommands.contains(args[i]) || TOP_LEVEL_FLAGS.contains(args[i])) {
            return args;
        }
        List<String> out = new ArrayList<>(Arrays.asList(args));
        out.add(i, DEFAULT_COMMAND);
        return out.toArray(new String[0]);
    }

    /** Index of the first word after leading {@code --log-level LEVEL} / {@code --log-level=LEVEL} options. */
    private static int skipLogLevel(String[] args) {
        int i = 0;
        while (i < args.length && args[i].startsWith(LOG_LEVEL)) {
            i += args[i].equals(LOG_LEVEL) ? 2 : 1;
        }
        return i;
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
