package dev.jwasm.cli;

import dev.jwasm.api.Engine;
import dev.jwasm.api.Extern;
import dev.jwasm.api.Function;
import dev.jwasm.api.Instance;
import dev.jwasm.api.LinkException;
import dev.jwasm.api.Linker;
import dev.jwasm.api.WasmModule;
import dev.jwasm.wasi.Wasi;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code jwasm run [options] MODULE [ARGS...]}: runs a WASI command's {@code _start}, or one export with
 * {@code --invoke}. Options must come before MODULE; everything after it belongs to the guest.
 */
@Command(name = "run", sortOptions = false, usageHelpAutoWidth = true,
        description = {"Run a WebAssembly module (.wasm or .wat).",
            "Calls _start of a WASI command with ARGS as its argv (argv[0] is MODULE as given), "
                    + "or the export named by --invoke with ARGS as its arguments.",
            "Exit status: the guest's proc_exit code; 134 if it traps; 1 if the module cannot be "
                    + "read, parsed, validated or linked; 2 for a command-line error."},
        mixinStandardHelpOptions = true, versionProvider = VersionProvider.class)
final class RunCommand implements Callable<Integer> {
    private static final String START = "_start";
    private static final String INITIALIZE = "_initialize";

    private final Streams io;

    @Option(names = "--invoke", paramLabel = "NAME", order = 1,
            description = "Call export NAME instead of _start, with ARGS parsed by its parameter types "
                    + "(i32/i64: decimal or 0x hex; f32/f64: also nan, inf, -inf); prints each result on its own line.")
    String invoke;

    @Option(names = "--preload", paramLabel = "NAME=MODULE", order = 30,
            description = "Instantiate MODULE first and make its exports importable under module name NAME. "
                    + "Repeatable.")
    List<String> preloads = new ArrayList<>();

    @Mixin
    WasiOptions wasi;

    @Mixin
    LimitOptions limits;

    @Mixin
    CacheOptions cache;

    @Mixin
    LoggingMixin logging;

    @Parameters(index = "0", paramLabel = "MODULE",
            description = "The module to run (.wasm or .wat, or a .jar written by 'jwasm compile').")
    String module;

    @Parameters(index = "1..*", paramLabel = "ARGS", description = "Arguments for the guest.")
    List<String> args = new ArrayList<>();

    RunCommand(Streams io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        Engine engine = limits.engine();
        RunModules modules = new RunModules(engine.tier(), cache.cache());
        WasmModule main = modules.load(module);
        List<Preload> preloaded = loadPreloads(modules);
        List<String> argv = new ArrayList<>();
        argv.add(module);
        argv.addAll(args);
        WasiGrants grants = wasi.grants(argv, System.getenv());
        Linker linker = new Linker(engine);
        // WASI is set up only for guests that import it: it opens descriptors and starts logging.
        Wasi guestWasi = needsWasi(main, preloaded) ? WasiSupport.define(linker, grants, io, modules(main, preloaded))
                : null;
        try {
            for (Preload p : preloaded) {
                linker.defineInstance(p.name(), instantiate(linker, p.module(), p.file()));
            }
            Instance instance = instantiate(linker, main, module);
            return invoke == null ? start(instance) : invoke(instance);
        } finally {
            io.out().flush();
            io.err().flush();
            if (guestWasi != null) {
                guestWasi.close();
            }
        }
    }

    private int invoke(Instance instance) {
        // A WASI reactor sets itself up in _initialize before any other export may be called.
        if (instance.export(INITIALIZE).orElse(null) instanceof Function init && init.type().params().isEmpty()) {
            init.call();
        }
        Invoker.invoke(instance, invoke, args, io.out());
        return ExitCodes.OK;
    }

    private int start(Instance instance) {
        Optional<Extern> start = instance.export(START);
        if (start.isEmpty()) {
            // Like wasmtime: a module without _start has done its work by being instantiated.
            LoggerFactory.getLogger(RunCommand.class).debug("{} has no _start export; instantiated only", module);
            return ExitCodes.OK;
        }
        if (!(start.get() instanceof Function f) || !f.type().params().isEmpty()) {
            throw new CliException(module + ": export '_start' is not a function without parameters");
        }
        f.call();
        return ExitCodes.OK;
    }

    /** A {@code --preload NAME=MODULE}: the module to instantiate first and the import name for its exports. */
    private record Preload(String name, String file, WasmModule module) {
    }

    private List<Preload> loadPreloads(RunModules modules) {
        List<Preload> out = new ArrayList<>();
        for (String spec : preloads) {
            int eq = spec.indexOf('=');
            if (eq <= 0 || eq == spec.length() - 1) {
                throw new CliException("invalid --preload '" + spec + "': expected NAME=MODULE", ExitCodes.USAGE);
            }
            String file = spec.substring(eq + 1);
            out.add(new Preload(spec.substring(0, eq), file, modules.load(file)));
        }
        return out;
    }

    private static List<WasmModule> modules(WasmModule main, List<Preload> preloaded) {
        List<WasmModule> all = new ArrayList<>();
        for (Preload p : preloaded) {
            all.add(p.module());
        }
        all.add(main);
        return all;
    }

    private static boolean needsWasi(WasmModule main, List<Preload> preloaded) {
        return WasiSupport.imports(main) || preloaded.stream().anyMatch(p -> WasiSupport.imports(p.module()));
    }

    private static Instance instantiate(Linker linker, WasmModule m, String file) {
        try {
            return linker.instantiate(m);
        } catch (LinkException e) {
            throw new CliException(file + ": cannot link: " + e.getMessage());
        }
    }
}
