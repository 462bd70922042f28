package dev.jwasm.wasi;

import dev.jwasm.api.Linker;
import dev.jwasm.api.WasmModule;
import dev.jwasm.core.model.ExternKind;
import dev.jwasm.core.model.Import;
import dev.jwasm.wasi.abi.FileType;
import dev.jwasm.wasi.abi.Rights;
import dev.jwasm.wasi.fs.DirectoryDescriptor;
import dev.jwasm.wasi.fs.FdTable;
import dev.jwasm.wasi.fs.InputStreamDescriptor;
import dev.jwasm.wasi.fs.OutputStreamDescriptor;
import dev.jwasm.wasi.fs.Preopen;
import dev.jwasm.wasi.impl.ArgsEnvFunctions;
import dev.jwasm.wasi.impl.ClockFunctions;
import dev.jwasm.wasi.impl.FdFunctions;
import dev.jwasm.wasi.impl.FdIoFunctions;
import dev.jwasm.wasi.impl.FunctionRegistry;
import dev.jwasm.wasi.impl.MiscFunctions;
import dev.jwasm.wasi.impl.PathFunctions;
import dev.jwasm.wasi.impl.PathOpenFunction;
import dev.jwasm.wasi.impl.PollFunction;
import dev.jwasm.wasi.impl.ReaddirFunction;
import dev.jwasm.wasi.impl.SockFunctions;
import dev.jwasm.wasi.impl.UnstableFunctions;
import dev.jwasm.wasi.impl.WasiContext;
import dev.jwasm.wasi.net.ListenerDescriptor;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.NotDirectoryException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code wasi_snapshot_preview1} imports for one guest, scoped to the capabilities of a
 * {@link WasiConfig}.
 *
 * <pre>{@code
 * try (Wasi wasi = Wasi.create(config)) {
 *     Linker linker = new Linker(Engine.create());
 *     wasi.addTo(linker);
 *     Instance instance = linker.instantiate(module);
 *     try {
 *         instance.function("_start").call();
 *     } catch (WasiExitException e) {
 *         exitCode = e.exitCode();
 *     }
 * }
 * }</pre>
 *
 * <p>Descriptors: 0-2 are stdio, then one per preopened directory in configuration order, then one per
 * listener. The state (descriptor table, file offsets) belongs to this object, so use one {@code Wasi} per
 * guest instance. Not thread-safe; {@link #close()} closes every descriptor the guest still holds.
 */
public final class Wasi implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Wasi.class);

    /** The import module name. */
    public static final String MODULE = "wasi_snapshot_preview1";
    /** The import module name of the older snapshot 0, see {@link #addUnstableTo}. */
    public static final String UNSTABLE_MODULE = "wasi_unstable";

    private final FdTable fds;
    private final WasiContext context;
    private final List<WasiFunction> functions;
    /** Adapted from {@link #functions} when first asked for: most guests never import snapshot 0. */
    private List<WasiFunction> unstableFunctions;
    private final List<InetSocketAddress> listenerAddresses;

    private Wasi(FdTable fds, WasiContext context, List<WasiFunction> functions,
            List<InetSocketAddress> listenerAddresses) {
        this.fds = fds;
        this.context = context;
        this.functions = functions;
        this.listenerAddresses = listenerAddresses;
    }

    /**
     * Sets up the descriptors of {@code config}: checks the preopened directories exist and binds the
     * listeners.
     *
     * @throws IOException if a preopen is not a directory or a listener cannot be bound
     */
    public static Wasi create(WasiConfig config) throws IOException {
        FdTable fds = new FdTable();
        List<InetSocketAddress> addresses = new ArrayList<>();
        try {
            int stdioType = config.stdioIsTerminal() ? FileType.CHARACTER_DEVICE : FileType.UNKNOWN;
            fds.put(0, new InputStreamDescriptor(config.stdin(), stdioType, Rights.STDIO & ~Rights.FD_WRITE));
            fds.put(1, new OutputStreamDescriptor(config.stdout(), stdioType, Rights.STDIO & ~Rights.FD_READ));
            fds.put(2, new OutputStreamDescriptor(config.stderr(), stdioType, Rights.STDIO & ~Rights.FD_READ));
            int next = 3;
            for (Preopen p : config.preopens()) {
                if (!Files.isDirectory(p.hostRoot())) {
                    throw new NotDirectoryException(p.hostRoot().toString());
                }
                long rights = p.readOnly() ? Rights.DIR_READ_ONLY : Rights.DIR_ALL;
                long inheriting = p.readOnly() ? Rights.DIR_READ_ONLY | Rights.FILE_READ_ONLY
                        : Rights.DIR_ALL | Rights.FILE_ALL;
                if (LOG.isDebugEnabled()) {
                    // toUri() is worth a few class loads; only pay them when the message is logged.
                    LOG.debug("fd {}: preopen {} as {} ({})", next, p.hostRoot().toUri(), p.guestPath(),
                            p.readOnly() ? "read-only" : "read-write");
                }
                fds.put(next++, new DirectoryDescriptor(p, List.of(), true, rights, inheriting, 0));
            }
            for (WasiConfig.Listener l : config.listeners()) {
                ListenerDescriptor listener = ListenerDescriptor.bind(l.host(), l.port());
                LOG.debug("fd {}: TCP listener on {}", next, listener.localAddress());
                fds.put(next++, listener);
                addresses.add(listener.localAddress());
            }
        } catch (IOException | RuntimeException e) {
            fds.closeAll();
            throw e;
        }
        WasiContext ctx = new WasiContext(config, fds);
        FunctionRegistry registry = new FunctionRegistry();
        ArgsEnvFunctions.register(registry, ctx);
        ClockFunctions.register(registry, ctx);
        FdFunctions.register(registry, ctx);
        FdIoFunctions.register(registry, ctx);
        ReaddirFunction.register(registry, ctx);
        PathOpenFunction.register(registry, ctx);
        PathFunctions.register(registry, ctx);
        PollFunction.register(registry, ctx);
        MiscFunctions.register(registry, ctx);
        SockFunctions.register(registry, ctx);
        return new Wasi(fds, ctx, registry.functions(), List.copyOf(addresses));
    }

    /** Defines every WASI function in {@code linker} under {@link #MODULE}. */
    public Linker addTo(Linker linker) {
        for (WasiFunction f : functions) {
            linker.defineFunction(MODULE, f.name(), f.type(), f.impl());
        }
        return linker;
    }

    /**
     * Defines in {@code linker} only the WASI functions that {@code modules} import, each under the module name
     * it is imported from ({@link #MODULE}, or {@link #UNSTABLE_MODULE} for modules of old toolchains), unless
     * the linker already has a definition of that name. A command-line run links one guest once, and creating
     * ninety host functions for the handful it imports was a tenth of a small program's start-up. Imports of
     * names WASI does not have are left for the linker to report.
     */
    public Linker addImportsOf(Linker linker, List<WasmModule> modules) {
        for (WasmModule m : modules) {
            for (Import imp : m.decoded().imports()) {
                if (imp.desc().kind() != ExternKind.FUNC || linker.get(imp.module(), imp.name()).isPresent()) {
                    continue;
                }
                List<WasiFunction> candidates = imp.module().equals(MODULE) ? functions
                        : imp.module().equals(UNSTABLE_MODULE) ? unstableFunctions() : List.of();
                WasiFunction f = find(candidates, imp.name()).orElse(null);
                if (f != null) {
                    linker.defineFunction(imp.module(), f.name(), f.type(), f.impl());
                }
            }
        }
        return linker;
    }

    /**
     * Also defines the functions under {@link #UNSTABLE_MODULE} for modules built by old toolchains, sharing
     * this object's descriptors; see {@link UnstableFunctions} for the ABI differences it translates.
     */
    public Linker addUnstableTo(Linker linker) {
        for (WasiFunction f : unstableFunctions()) {
            linker.defineFunction(UNSTABLE_MODULE, f.name(), f.type(), f.impl());
        }
        return linker;
    }

    /** The {@code wasi_unstable} functions (45: no sock_accept). */
    public List<WasiFunction> unstableFunctions() {
        if (unstableFunctions == null) {
            unstableFunctions = UnstableFunctions.adapt(functions, context);
        }
        return unstableFunctions;
    }

    /** All 46 functions, for embedders that link them some other way (and for tests). */
    public List<WasiFunction> functions() {
        return functions;
    }

    public Optional<WasiFunction> function(String name) {
        return find(functions, name);
    }

    private static Optional<WasiFunction> find(List<WasiFunction> in, String name) {
        for (WasiFunction f : in) {
            if (f.name().equals(name)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** The bound address of each configured listener (the actual port when 0 was asked for). */
    public List<InetSocketAddress> listenerAddresses() {
        return listenerAddresses;
    }

    @Override
    public void close() {
        fds.closeAll();
    }
}
