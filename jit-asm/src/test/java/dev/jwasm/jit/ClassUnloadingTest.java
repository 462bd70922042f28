package dev.jwasm.jit;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwasm.api.Engine;
import dev.jwasm.api.Instance;
import dev.jwasm.api.Linker;
import dev.jwasm.api.Tier;
import dev.jwasm.api.WasmModule;
import dev.jwasm.core.runtime.WasmFunction;
import java.lang.ref.WeakReference;
import org.junit.jupiter.api.Test;

/** Generated classes live in a class loader per instance, which nothing else keeps alive. */
class ClassUnloadingTest {
    private static WeakReference<ClassLoader> instantiateAndDrop() {
        Instance inst = new Linker(Engine.builder().tier(Tier.JIT).build())
                .instantiate(WasmModule.parseText("(module (func (export \"f\") (result i32) (i32.const 7)))"));
        inst.function("f").call();
        CompiledCode code = (CompiledCode) ((WasmFunction) inst.function("f")).entry;
        ClassLoader loader = code.owner().getClassLoader();
        assertTrue(loader instanceof dev.jwasm.jit.link.ModuleClassLoader);
        return new WeakReference<>(loader);
    }

    @Test
    void theModuleClassLoaderIsCollectedOnceTheInstanceIsDropped() throws InterruptedException {
        WeakReference<ClassLoader> loader = instantiateAndDrop();
        for (int i = 0; i < 20 && loader.get() != null; i++) {
            System.gc();
            Thread.sleep(20);
        }
        assertNull(loader.get(), "the generated classes' loader is still reachable");
    }
}
