package dev.jwasm.jit.aot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loading a compiled jar needs no ASM: the jar is loaded and run in a class loader that sees the runtime, this
 * module's classes, SLF4J and Logback, but not {@code org.objectweb.asm}. That loader also has its own
 * {@code TypeRegistry}, numbered differently, so this checks that the classes hold no process-specific ids.
 */
class NoAsmLoadingTest {
    private static URL locationOf(Class<?> c) {
        return c.getProtectionDomain().getCodeSource().getLocation();
    }

    @Test
    void aJarLoadsAndRunsWithoutAsmInAnotherTypeNumbering(@TempDir Path dir) throws Exception {
        Path jar = dir.resolve("indirect.jar");
        CompiledModule.compile(AotModules.binary(AotModules.INDIRECT)).write(jar);
        URL[] urls = {
            locationOf(dev.jwasm.api.WasmModule.class), // runtime-core
            locationOf(CompiledModule.class), // jit-asm
            locationOf(NoAsmLoadingTest.class), // this probe
            locationOf(org.slf4j.LoggerFactory.class),
            locationOf(ch.qos.logback.classic.Logger.class),
            locationOf(ch.qos.logback.core.Appender.class),
        };
        try (URLClassLoader isolated = new URLClassLoader(urls, ClassLoader.getPlatformClassLoader())) {
            assertThrows(ClassNotFoundException.class,
                    () -> Class.forName("org.objectweb.asm.ClassWriter", false, isolated));
            Class<?> probe = Class.forName(IsolatedProbe.class.getName(), true, isolated);
            String outcome = (String) probe.getMethod("run", String.class, int.class).invoke(null, jar.toString(), 1000);
            String[] parts = outcome.split(" ", 3);
            assertEquals(Integer.toString(AotModules.expectedRun(1000)), parts[0]);
            assertEquals("dev.jwasm.jit.CompiledCode", parts[1], "run is not compiled code");
            assertTrue(parts[2].contains("indirect call type mismatch"), parts[2]);
        }
    }
}
