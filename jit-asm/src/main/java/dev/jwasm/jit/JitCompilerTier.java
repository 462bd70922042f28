package dev.jwasm.jit;

import dev.jwasm.core.runtime.CompilerTier;
import dev.jwasm.core.runtime.InstanceImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The {@link CompilerTier} service of this module: compiles instances with {@link ModuleCompiler}. */
public final class JitCompilerTier implements CompilerTier {
    private static final Logger LOG = LoggerFactory.getLogger(JitCompilerTier.class);
    /** Test aid: {@code -Djwasm.jit.strict=true} makes compiler failures fail instantiation. */
    private static final boolean STRICT = Boolean.getBoolean("jwasm.jit.strict");

    @Override
    public boolean enterLoop(dev.jwasm.core.runtime.ExecContext ctx, dev.jwasm.core.runtime.WasmFunction fn,
            int loopOffset, int fp) {
        return OsrCompiler.enterLoop(ctx, fn, loopOffset, fp);
    }

    @Override
    public void compileAll(InstanceImpl instance) {
        try {
            ModuleCompiler c = ModuleCompiler.compile(instance);
            if (!c.fallbacks().isEmpty() && LOG.isDebugEnabled()) {
                LOG.debug("{} functions stay interpreted: {}", c.fallbacks().size(), c.fallbacks());
            }
        } catch (RuntimeException | LinkageError e) {
            if (STRICT) {
                throw e;
            }
            // A compiler bug must not break the program: the interpreter still runs every function.
            LOG.warn("JIT compilation failed, the instance stays interpreted", e);
        }
    }
}
