package dev.jwasm.jit;

import static org.objectweb.asm.Opcodes.*;

import dev.jwasm.core.runtime.ExecContext;
import dev.jwasm.core.runtime.InstanceImpl;
import dev.jwasm.core.runtime.WasmFunction;
import dev.jwasm.jit.emit.ClassContext;
import dev.jwasm.jit.emit.FunctionEmitter;
import dev.jwasm.jit.emit.ModulePlan;
import dev.jwasm.jit.emit.Unsupported;
import dev.jwasm.jit.link.LinkData;
import dev.jwasm.jit.link.ModuleClassLoader;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.objectweb.asm.ClassWriter;

/**
 * On-stack replacement: when an interpreted activation of a function that has since been compiled reaches a
 * loop header with an empty operand stack, the interpreter hands its frame to an OSR variant of the function
 * that starts at that loop ({@link FunctionEmitter#emitOsr}). Variants are compiled on first request, each
 * in a small class whose loader's parent is the instance's, and cached per function and loop. One per
 * compiled instance, held by the functions' {@link CompiledCode}.
 */
final class OsrCompiler {
    private static final AtomicLong SEQUENCE = new AtomicLong();
    private static final MethodHandle NONE = MethodHandles.constant(Object.class, null);
    private static final MethodType ENTRY = MethodType.methodType(void.class, ExecContext.class, int.class);

    private final InstanceImpl instance;
    private final ModulePlan plan;
    private final ModuleClassLoader loader;
    private final boolean metering;
    private final Map<Long, MethodHandle> entries = new ConcurrentHashMap<>();

    OsrCompiler(InstanceImpl instance, ModulePlan plan, ModuleClassLoader loader, boolean metering) {
        this.instance = instance;
        this.plan = plan;
        this.loader = loader;
        this.metering = metering;
    }

    /** Runs {@code fn} from the loop at {@code loopOffset}; false if that is not possible. */
    static boolean enterLoop(ExecContext ctx, WasmFunction fn, int loopOffset, int fp) {
        // Reached through the function's compiled entry, so nothing global keeps an instance alive.
        if (!(fn.entry instanceof CompiledCode installed)) {
            return false;
        }
        CompiledCode code = installed.forCall(ctx, fn);
        if (code.osr() == null) {
            return false;
        }
        OsrCompiler c = code.osr();
        MethodHandle entry = c.entries.computeIfAbsent(((long) fn.definedIndex << 32) | (loopOffset & 0xFFFF_FFFFL),
                k -> c.compile(fn.definedIndex, loopOffset));
        if (entry == NONE) {
            return false;
        }
        JitStats.osrEntered();
        try {
            entry.invokeExact(ctx, fp);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
        return true;
    }

    private MethodHandle compile(int definedIndex, int loopOffset) {
        String name = plan.className(0) + "osr" + SEQUENCE.incrementAndGet();
        try {
            ClassWriter cw = ModuleCompiler.newClassWriter();
            cw.visit(V17, ACC_PUBLIC | ACC_FINAL | ACC_SUPER, name, null, "java/lang/Object", null);
            ClassContext ctx = new ClassContext(name, 0, plan);
            FunctionEmitter.Emitted emitted = FunctionEmitter.emitOsr(ctx, definedIndex, loopOffset);
            emitted.method().accept(cw);
            emitted.regions().forEach(m -> m.accept(cw));
            ctx.finish(cw);
            cw.visitEnd();
            String binaryName = name.replace('/', '.');
            ModuleClassLoader osrLoader = new ModuleClassLoader(loader, Map.of(binaryName, cw.toByteArray()),
                    new LinkData(instance, new int[][] {ctx.costs()}, metering));
            Class<?> c = Class.forName(binaryName, true, osrLoader);
            return MethodHandles.publicLookup().findStatic(c, "o" + definedIndex + "_" + loopOffset, ENTRY);
        } catch (Unsupported | org.objectweb.asm.MethodTooLargeException e) {
            return NONE;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("OSR code could not be linked", e);
        }
    }
}
