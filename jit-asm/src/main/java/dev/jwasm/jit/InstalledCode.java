package dev.jwasm.jit;

import dev.jwasm.core.runtime.InstanceImpl;
import dev.jwasm.core.runtime.WasmFunction;
import dev.jwasm.jit.emit.ModulePlan;
import dev.jwasm.jit.link.LinkData;
import dev.jwasm.jit.link.ModuleClassLoader;

/**
 * {@link GeneratedCode} defined for one instance, in one of two variants of the same bytes. The lean variant,
 * defined first unless the instance already has fuel or its engine a timeout, contains no fuel metering at all; HotSpot then compiles
 * loops without the fuel calls that an unmetered instance never makes (they cost lz a quarter of its time when
 * left on paths without a profile). The first call that must be metered (the instance has fuel, or the call
 * has a deadline) defines the metering variant and makes it every function's entry from then on. A lean
 * activation still running keeps running lean, and hands calls whose budget says they are metered to the
 * entries, so fuel applies exactly where it does with one variant.
 */
final class InstalledCode {
    private final GeneratedCode code;
    private final InstanceImpl instance;
    private final ModulePlan plan;
    private final boolean osr;
    private volatile CompiledCode[] metering;

    private InstalledCode(GeneratedCode code, InstanceImpl instance, ModulePlan plan, boolean osr) {
        this.code = code;
        this.instance = instance;
        this.plan = plan;
        this.osr = osr;
    }

    /** Defines the variant the instance needs now and makes its compiled functions' entries. */
    static void install(GeneratedCode code, InstanceImpl instance, ModulePlan plan, boolean osr) {
        InstalledCode installed = new InstalledCode(code, instance, plan, osr);
        if (instance.fuel >= 0 || instance.engine().timeout() != null) {
            installed.meteringCodes();
        } else {
            installed.setEntries(installed.define(false));
        }
    }

    /** The metering variant of defined function {@code definedIndex}, defined and installed on first need. */
    CompiledCode metering(int definedIndex) {
        return meteringCodes()[definedIndex];
    }

    private synchronized CompiledCode[] meteringCodes() {
        CompiledCode[] m = metering;
        if (m == null) {
            m = define(true);
            metering = m;
            setEntries(m);
        }
        return m;
    }

    private void setEntries(CompiledCode[] codes) {
        int imported = instance.module().decoded().importedFunctionCount();
        for (int f = 0; f < codes.length; f++) {
            if (codes[f] != null) {
                ((WasmFunction) instance.functions[imported + f]).entry = codes[f];
            }
        }
    }

    private CompiledCode[] define(boolean meter) {
        ModuleClassLoader loader = new ModuleClassLoader(GeneratedCode.class.getClassLoader(), code.classes(),
                new LinkData(instance, code.allCosts(), meter));
        Class<?>[] loaded = new Class<?>[code.classCount()];
        try {
            for (int c = 0; c < loaded.length; c++) {
                loaded[c] = Class.forName(plan.className(c).replace('/', '.'), true, loader);
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("generated code could not be linked", e);
        }
        OsrCompiler osrCompiler = osr ? new OsrCompiler(instance, plan, loader, meter) : null;
        CompiledCode[] codes = new CompiledCode[code.definedFunctions()];
        for (int f = 0; f < codes.length; f++) {
            if (code.isCompiled(f)) {
                codes[f] = new CompiledCode(loaded[plan.classOf(f)], f, code.isTailCalling(f), osrCompiler,
                        meter ? null : this);
            }
        }
        return codes;
    }
}
