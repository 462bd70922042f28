package dev.jwasm.cli;

import dev.jwasm.api.WasmException;
import dev.jwasm.api.WasmModule;
import dev.jwasm.jit.aot.CompiledModule;
import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code jwasm compile MODULE [-o FILE.jar]}: compiles a module ahead of time into a jar that {@code jwasm run}
 * (and {@code CompiledModule.load}) loads without compiling. Text modules are encoded to the binary format first.
 */
@Command(name = "compile", usageHelpAutoWidth = true,
        description = {"Compile a module ahead of time to JVM classes, in a jar that 'jwasm run FILE.jar' loads "
                + "without compiling.",
            "The jar holds the module itself, so the .wasm is not needed to run it; it only runs on the jwasm "
                    + "build that wrote it. Functions the compiler does not support stay interpreted."},
        mixinStandardHelpOptions = true, versionProvider = VersionProvider.class)
final class CompileCommand implements Callable<Integer> {
    private static final String JAR = ".jar";

    private final Streams io;

    @Mixin
    LoggingMixin logging;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "The jar to write (default: MODULE with its extension replaced by .jar).")
    String output;

    @Parameters(index = "0", paramLabel = "MODULE", description = "The module to compile (.wasm or .wat).")
    String module;

    CompileCommand(Streams io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        byte[] bytes = ModuleFiles.read(module);
        if (RunModules.isJar(bytes)) {
            throw new CliException(module + ": already a compiled module");
        }
        WasmModule parsed = ModuleFiles.load(module, bytes); // reports text and validation errors as 'run' does
        Path target = target();
        CompiledModule compiled;
        try {
            compiled = CompiledModule.compile(parsed.decoded().bytes());
        } catch (WasmException e) {
            throw new CliException(module + ": " + ModuleFiles.describe(e));
        }
        try {
            compiled.write(target);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new CliException("cannot write '" + target + "': no such directory");
        } catch (java.nio.file.AccessDeniedException e) {
            throw new CliException("cannot write '" + target + "': permission denied");
        } catch (IOException e) {
            throw new CliException("cannot write '" + target + "': " + e.getMessage());
        }
        if (compiled.compiledFunctions() < compiled.definedFunctions()) {
            io.err().println("note: " + (compiled.definedFunctions() - compiled.compiledFunctions()) + " of "
                    + compiled.definedFunctions() + " functions use what the compiler does not support yet "
                    + "and stay interpreted");
        }
        return ExitCodes.OK;
    }

    private Path target() {
        String name = output;
        if (name == null) {
            int dot = module.lastIndexOf('.');
            int slash = module.lastIndexOf('/');
            name = (dot > slash + 1 ? module.substring(0, dot) : module) + JAR;
        }
        try {
            return Path.of(name);
        } catch (InvalidPathException e) {
            throw new CliException("cannot write '" + name + "': invalid path", ExitCodes.USAGE);
        }
    }
}
