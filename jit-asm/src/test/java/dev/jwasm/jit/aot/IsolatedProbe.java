package dev.jwasm.jit.aot;

import dev.jwasm.api.Engine;
import dev.jwasm.api.Instance;
import dev.jwasm.api.Linker;
import dev.jwasm.api.Tier;
import dev.jwasm.api.Value;
import dev.jwasm.api.WasmTrap;
import dev.jwasm.core.model.FuncType;
import dev.jwasm.core.model.ValType;
import dev.jwasm.core.runtime.TypeRegistry;
import dev.jwasm.core.runtime.WasmFunction;
import java.nio.file.Path;
import java.util.List;

/**
 * Runs inside a class loader of {@link NoAsmLoadingTest} that has no ASM and its own copy of the runtime (so
 * its own numbering of canonical type ids): loads a compiled jar and calls it.
 */
public final class IsolatedProbe {
    private IsolatedProbe() {
    }

    /** Returns {@code run(n)}, the entry class of {@code run}, and the trap message of {@code wrongType}. */
    public static String run(String jar, int n) throws Exception {
        // Shift this runtime's type ids away from those of the process that compiled the jar.
        for (int i = 0; i < 5; i++) {
            TypeRegistry.idOf(FuncType.of(List.of(ValType.F64, ValType.F64), List.of(ValType.I32, ValType.I32)));
            TypeRegistry.idOf(FuncType.of(List.of(ValType.I32), List.of(ValType.F32)));
        }
        CompiledModule compiled = CompiledModule.load(Path.of(jar));
        Instance instance = new Linker(Engine.builder().tier(Tier.JIT).build()).instantiate(compiled.module());
        int result = instance.function("run").call(Value.i32(n))[0].asInt();
        String entry = ((WasmFunction) instance.function("run")).entry.getClass().getName();
        String trap;
        try {
            instance.function("wrongType").call();
            trap = "no trap";
        } catch (WasmTrap t) {
            trap = t.getMessage();
        }
        return result + " " + entry + " " + trap;
    }
}
