package dev.jwasm.core.runtime;

import dev.jwasm.api.Tier;
import java.util.Collections;
import java.util.Iterator;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.WeakHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Connects the interpreter to the optional {@link CompilerTier}: {@link Tier#JIT} compiles an instance right
 * after instantiation; {@link Tier#AUTO} does too for small modules ({@link #EAGER_BYTES}) and otherwise
 * compiles it on a background daemon thread once one of its functions gets hot (see {@link #CALL_THRESHOLD}
 * and {@link #LOOP_THRESHOLD}). The whole instance is compiled at once,
 * so callees of a hot loop are compiled too and direct calls between compiled functions stay direct.
 */
public final class TierUp {
    /** Calls of one function after which its instance is queued for compilation ({@code jwasm.jit.calls}). */
    public static final int CALL_THRESHOLD = Integer.getInteger("jwasm.jit.calls", 1000);
    /** Loop iterations of one function after which its instance is queued ({@code jwasm.jit.loops}). */
    public static final int LOOP_THRESHOLD = Integer.getInteger("jwasm.jit.loops", 20_000);
    /**
     * Under AUTO, modules with at most this many bytes of function bodies (system property
     * {@code jwasm.jit.eagerBytes}, read at each instantiation) are
     * compiled at instantiation: on-stack replacement only enters loops with an empty operand stack, so a long loop in a function that runs
     * once (a C {@code main}) would otherwise stay interpreted, and small modules compile in milliseconds.
     */
    public static final long EAGER_BYTES = 512 * 1024;

    private static final CompilerTier COMPILER = load();
    private static final Map<InstanceImpl, Boolean> QUEUED = Collections.synchronizedMap(new WeakHashMap<>());
    private static ExecutorService background;

    private TierUp() {
    }

    /**
     * The system property naming the {@link CompilerTier} class to use, which skips the service lookup: that
     * scans the class path and the JDK's module image, ~4 ms of a command-line tool's start-up, against
     * ~0.1 ms to instantiate a known class. When the class cannot be used, the service lookup decides.
     */
    public static final String COMPILER_PROPERTY = "jwasm.compilerTier";

    private static CompilerTier load() {
        ClassLoader loader = TierUp.class.getClassLoader();
        CompilerTier named = named(System.getProperty(COMPILER_PROPERTY), loader);
        if (named != null) {
            return named;
        }
        try {
            Iterator<CompilerTier> it = ServiceLoader.load(CompilerTier.class, loader).iterator();
            return it.hasNext() ? it.next() : null;
        } catch (java.util.ServiceConfigurationError e) {
            return null;
        }
    }

    /** An instance of the compiler tier class {@code className}, or null if it is not one or unusable. */
    static CompilerTier named(String className, ClassLoader loader) {
        if (className == null || className.isEmpty()) {
            return null;
        }
        try {
            Class<?> c = Class.forName(className, true, loader);
            return CompilerTier.class.isAssignableFrom(c)
                    ? (CompilerTier) c.getDeclaredConstructor().newInstance() : null;
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            return null;
        }
    }

    /** Whether a compiling tier is on the class path. */
    public static boolean compilerAvailable() {
        return COMPILER != null;
    }

    /** Called once an instance is allocated and initialised, before its start function runs. */
    static void instantiated(InstanceImpl instance) {
        Tier tier = instance.engine().tier();
        PrecompiledCode precompiled = instance.module().precompiledCode();
        if (precompiled != null && tier != Tier.INTERP) {
            // Compiled ahead of time: nothing left to compile, now or when hot.
            QUEUED.put(instance, true);
            precompiled.install(instance);
            return;
        }
        if (COMPILER == null) {
            return;
        }
        if (tier == Tier.JIT || (tier == Tier.AUTO && codeBytes(instance) <= Long.getLong("jwasm.jit.eagerBytes", EAGER_BYTES))) {
            QUEUED.put(instance, true);
            COMPILER.compileAll(instance);
        }
    }

    private static long codeBytes(InstanceImpl instance) {
        long n = 0;
        for (dev.jwasm.core.model.FunctionBody b : instance.module().decoded().codes()) {
            n += b.codeEnd() - b.codeStart();
        }
        return n;
    }

    /** Called by the interpreter when {@code fn} crossed a threshold; queues its instance under AUTO. */
    public static void hot(WasmFunction fn) {
        InstanceImpl instance = fn.instance;
        if (COMPILER == null || instance.engine().tier() != Tier.AUTO || QUEUED.putIfAbsent(instance, true) != null) {
            return;
        }
        executor().execute(() -> COMPILER.compileAll(instance));
    }

    /** See {@link CompilerTier#enterLoop}; called by the interpreter at loop headers of compiled functions. */
    public static boolean enterLoop(ExecContext ctx, WasmFunction fn, int loopOffset, int fp) {
        return COMPILER != null && loopOffset >= 0 && COMPILER.enterLoop(ctx, fn, loopOffset, fp);
    }

    private static synchronized ExecutorService executor() {
        if (background == null) {
            background = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "jwasm-jit");
                t.setDaemon(true);
                return t;
            });
        }
        return background;
    }
}
