package dev.jwasm.jit;

import dev.jwasm.core.model.DecodedModule;
import dev.jwasm.core.runtime.InstanceImpl;
import dev.jwasm.jit.emit.ModulePlan;
import dev.jwasm.jit.link.ModuleClassLoader;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;

/**
 * The classes {@link ModuleCompiler} generated for a module, and what is needed to install them into any
 * instance of it: which defined functions are compiled (the others stay interpreted), which of them tail-call
 * other functions, how functions are grouped into classes, and the fuel costs each class reads. Nothing in
 * the classes is specific to an instance or to the process (they read everything else from {@link LinkData}),
 * so one set serves every instance and can be written to a jar and loaded again without ASM.
 */
public final class GeneratedCode {
    static {
        // Generated code must never be the first to initialise these (see MemoryAccess.warmUp).
        dev.jwasm.jit.link.MemoryAccess.warmUp();
        dev.jwasm.jit.link.JitRuntime.isNull(null);
    }

    private final String classPrefix;
    private final int functionsPerClass;
    private final boolean[] compiled;
    private final boolean[] tailCalling;
    private final Map<String, byte[]> classes;
    private final int[][] costs;

    /**
     * @param classPrefix internal name of the generated classes without their index
     * @param classes class files by binary name
     * @param costs loop fuel costs, one array per class index
     */
    public GeneratedCode(String classPrefix, int functionsPerClass, boolean[] compiled, boolean[] tailCalling,
            Map<String, byte[]> classes, int[][] costs) {
        if (functionsPerClass <= 0 || compiled.length != tailCalling.length) {
            throw new IllegalArgumentException("inconsistent generated code");
        }
        this.classPrefix = classPrefix;
        this.functionsPerClass = functionsPerClass;
        this.compiled = compiled.clone();
        this.tailCalling = tailCalling.clone();
        this.classes = Map.copyOf(classes);
        this.costs = costs.clone();
    }

    public String classPrefix() {
        return classPrefix;
    }

    public int functionsPerClass() {
        return functionsPerClass;
    }

    /** Whether defined function {@code definedIndex} is compiled. */
    public boolean isCompiled(int definedIndex) {
        return compiled[definedIndex];
    }

    /** Whether defined function {@code definedIndex} tail-calls other functions (see {@link ModulePlan}). */
    public boolean isTailCalling(int definedIndex) {
        return tailCalling[definedIndex];
    }

    /** The number of defined functions (compiled or not). */
    public int definedFunctions() {
        return compiled.length;
    }

    /** How many defined functions are compiled. */
    public int compiledCount() {
        int n = 0;
        for (boolean b : compiled) {
            n += b ? 1 : 0;
        }
        return n;
    }

    /** Class files by binary name; do not modify the arrays. */
    public Map<String, byte[]> classes() {
        return Collections.unmodifiableMap(classes);
    }

    /** The fuel costs read by class {@code classIndex}. */
    public int[] costs(int classIndex) {
        return costs[classIndex];
    }

    /** The number of generated classes. */
    public int classCount() {
        return costs.length;
    }

    /** The plan the classes were generated from, for the given module and canonical type ids. */
    ModulePlan plan(DecodedModule module, int[] typeIds) {
        return new ModulePlan(module, typeIds, compiled.clone(), tailCalling.clone(), classPrefix, functionsPerClass);
    }

    /** All fuel costs, by class index (read through {@code LinkData}; not modified). */
    int[][] allCosts() {
        return costs;
    }

    /**
     * Defines the classes in a fresh {@link ModuleClassLoader} bound to {@code instance} and installs a
     * {@link CompiledCode} entry for each compiled function (see {@link InstalledCode} for the two variants
     * an instance may define). With {@code osr}, loops of interpreted activations may later continue in
     * compiled code (which compiles more code with ASM); without it, installing touches no ASM class.
     */
    public void install(InstanceImpl instance, boolean osr) {
        DecodedModule module = instance.module().decoded();
        if (module.codes().size() != compiled.length) {
            throw new IllegalArgumentException("generated code is for a module with " + compiled.length
                    + " functions, not " + module.codes().size());
        }
        if (compiledCount() == 0) {
            return;
        }
        InstalledCode.install(this, instance, plan(module, instance.typeIds), osr);
    }

    @Override
    public String toString() {
        return "GeneratedCode[" + classPrefix + ", " + compiledCount() + " of " + compiled.length
                + " functions compiled, " + Arrays.stream(costs).mapToInt(a -> a.length).sum() + " costs]";
    }
}
