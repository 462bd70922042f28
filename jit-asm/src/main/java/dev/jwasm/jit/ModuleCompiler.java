package dev.jwasm.jit;

import static org.objectweb.asm.Opcodes.*;

import dev.jwasm.core.model.DecodedModule;
import dev.jwasm.core.runtime.InstanceImpl;
import dev.jwasm.core.runtime.TypeRegistry;
import dev.jwasm.jit.emit.ClassContext;
import dev.jwasm.jit.emit.FunctionEmitter;
import dev.jwasm.jit.emit.ModulePlan;
import dev.jwasm.jit.emit.Unsupported;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.objectweb.asm.ClassTooLargeException;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodTooLargeException;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.tree.MethodNode;

/**
 * Compiles all defined functions of a module into generated classes (a few hundred functions per class), which
 * {@link GeneratedCode} installs into instances (each instance defines them in a class loader of its own).
 * Functions that use instructions the JIT does not support, or whose method would exceed the JVM's 64 KiB
 * limit, are left to the interpreter; since calls to them must then take the generic path, compilation is
 * repeated until the set of compiled functions is stable.
 */
public final class ModuleCompiler {
    private static final AtomicLong SEQUENCE = new AtomicLong();
    private static final int FUNCTIONS_PER_CLASS = 200;
    private static final int MAX_ROUNDS = 8;
    private static final String ADAPTER_DESC = "(Ldev/jwasm/core/runtime/ExecContext;I)V";

    private final DecodedModule module;
    private final int[] typeIds;
    private final boolean[] compiled;
    private final boolean[] tailCalling;
    private final Map<Integer, String> reasons = new HashMap<>();
    /** How many region methods each split function has, in the round that is installed. */
    private final Map<Integer, Integer> regionCounts = new HashMap<>();

    private ModuleCompiler(DecodedModule module, int[] typeIds) {
        this.module = module;
        this.typeIds = typeIds;
        this.compiled = new boolean[module.codes().size()];
        this.tailCalling = new boolean[compiled.length];
        Arrays.fill(compiled, true);
    }

    /** Why each defined function (by defined index) was left to the interpreter. */
    public Map<Integer, String> fallbacks() {
        return reasons;
    }

    /** Compiles and installs; returns the compiler for inspection of {@link #fallbacks()}. */
    public static ModuleCompiler compile(InstanceImpl instance) {
        ModuleCompiler c = new ModuleCompiler(instance.module().decoded(), instance.typeIds);
        GeneratedCode code = c.run("dev/jwasm/jit/gen/Module" + SEQUENCE.incrementAndGet() + "_");
        if (code != null) {
            code.install(instance, true);
        }
        return c;
    }

    /**
     * Generates the classes for every instance of {@code module} (ahead of time: nothing is installed), with
     * class names starting with {@code classPrefix} (an internal name); null if the module has no functions.
     */
    public static GeneratedCode generate(DecodedModule module, String classPrefix) {
        return new ModuleCompiler(module, TypeRegistry.canonicalize(module.types())).run(classPrefix);
    }

    private GeneratedCode run(String prefix) {
        if (compiled.length == 0) {
            return null;
        }
        int perClass = FUNCTIONS_PER_CLASS;
        for (int round = 0; round < MAX_ROUNDS; round++) {
            ModulePlan plan = new ModulePlan(module, typeIds, compiled.clone(), tailCalling.clone(), prefix,
                    perClass);
            Map<String, byte[]> classes = new HashMap<>();
            int[][] costs = new int[plan.classCount()][];
            boolean changed = false;
            try {
                for (int c = 0; c < plan.classCount(); c++) {
                    changed |= generate(plan, c, classes, costs);
                }
            } catch (ClassTooLargeException e) {
                perClass = Math.max(1, perClass / 4);
                continue;
            }
            if (!changed) {
                dump(classes);
                recordStats();
                return new GeneratedCode(prefix, perClass, compiled, tailCalling, classes, costs);
            }
        }
        Arrays.fill(compiled, false);
        return null;
    }

    /**
     * Generates class {@code c}, regenerating it without any method that turns out larger than 64 KiB;
     * returns whether a function turned out not to be compilable (callers elsewhere must then change).
     */
    private boolean generate(ModulePlan plan, int c, Map<String, byte[]> classes, int[][] costs) {
        boolean changed = false;
        for (;;) {
            ClassWriter cw = newClassWriter();
            String name = plan.className(c);
            cw.visit(V17, ACC_PUBLIC | ACC_FINAL | ACC_SUPER, name, null, "java/lang/Object", null);
            ClassContext ctx = new ClassContext(name, c, plan);
            for (int f = plan.firstOf(c); f < plan.endOf(c); f++) {
                if (compiled[f]) {
                    changed |= emitFunction(cw, ctx, plan, f);
                }
            }
            ctx.finish(cw);
            cw.visitEnd();
            try {
                classes.put(name.replace('/', '.'), cw.toByteArray());
                costs[c] = ctx.costs();
                return changed;
            } catch (MethodTooLargeException e) {
                String method = e.getMethodName();
                if (!method.startsWith("f")) {
                    throw e;
                }
                int regionMark = method.indexOf('$');
                exclude(Integer.parseInt(method.substring(1, regionMark < 0 ? method.length() : regionMark)),
                        "compiled method exceeds 64 KiB");
                changed = true;
            }
        }
    }

    /**
     * Emits function {@code f} and its adapters; returns true if what callers assumed about it changed (it
     * is not compilable, or it turned out to tail-call other functions).
     */
    private boolean emitFunction(ClassWriter cw, ClassContext ctx, ModulePlan plan, int f) {
        FunctionEmitter.Emitted emitted;
        try {
            emitted = FunctionEmitter.emit(ctx, f);
        } catch (Unsupported e) {
            exclude(f, e.getMessage());
            return true;
        }
        if (emitted.tailCallsOthers() != plan.isTailCalling(f)) {
            tailCalling[f] = emitted.tailCallsOthers();
            return true;
        }
        emitted.method().accept(cw);
        emitted.regions().forEach(m -> m.accept(cw));
        if (emitted.regions().isEmpty()) {
            regionCounts.remove(f);
        } else {
            regionCounts.put(f, emitted.regions().size());
        }
        dev.jwasm.jit.emit.AdapterEmitter.emitAdapter(ctx, cw.visitMethod(ACC_PUBLIC | ACC_STATIC, "a" + f, ADAPTER_DESC, null, null),
                f, true);
        if (plan.isTailCalling(f)) {
            dev.jwasm.jit.emit.AdapterEmitter.emitAdapter(ctx, cw.visitMethod(ACC_PUBLIC | ACC_STATIC, "r" + f, ADAPTER_DESC, null,
                    null), f, false);
        }
        return false;
    }

    /** Debug aid: {@code -Djwasm.jit.dump=<dir>} writes the generated class files there. */
    private static void dump(Map<String, byte[]> classes) {
        String dir = System.getProperty("jwasm.jit.dump");
        if (dir == null) {
            return;
        }
        try {
            for (Map.Entry<String, byte[]> e : classes.entrySet()) {
                java.nio.file.Path p = java.nio.file.Path.of(dir, e.getKey().replace('.', '/') + ".class");
                java.nio.file.Files.createDirectories(p.getParent());
                java.nio.file.Files.write(p, e.getValue());
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void recordStats() {
        int n = 0;
        for (boolean b : compiled) {
            n += b ? 1 : 0;
        }
        JitStats.compiled(n);
        regionCounts.forEach((f, regions) -> {
            if (compiled[f]) {
                JitStats.split(regions);
            }
        });
        reasons.values().forEach(JitStats::fellBack);
    }

    private void exclude(int definedIndex, String reason) {
        compiled[definedIndex] = false;
        reasons.put(definedIndex, reason);
    }

    static ClassWriter newClassWriter() {
        return new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS) {
            @Override
            protected String getCommonSuperClass(String a, String b) {
                // Generated code only merges references it treats as Object.
                return "java/lang/Object";
            }
        };
    }
}
