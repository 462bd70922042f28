package dev.jwasm.jit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jwasm.api.WasmModule;
import dev.jwasm.core.model.DecodedModule;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/** {@code -Djwasm.jit.lineNumbers=true} gives generated methods the wasm offsets of their instructions as lines. */
class LineNumbersTest {
    private static final String WAT = """
            (module (func (export "f") (param i32) (result i32) (i32.add (local.get 0) (i32.const 1))))
            """;

    /** The line numbers of method {@code f0} in the classes generated for {@code module}. */
    private static Set<Integer> lines(DecodedModule module) {
        Set<Integer> lines = new TreeSet<>();
        for (byte[] bytes : ModuleCompiler.generate(module, "test/Lines").classes().values()) {
            new ClassReader(bytes).accept(new ClassVisitor(Opcodes.ASM9) {
                @Override
                public MethodVisitor visitMethod(int access, String name, String desc, String sig, String[] ex) {
                    return !name.equals("f0") ? null : new MethodVisitor(Opcodes.ASM9) {
                        @Override
                        public void visitLineNumber(int line, Label start) {
                            lines.add(line);
                        }
                    };
                }
            }, 0);
        }
        return lines;
    }

    @Test
    void eachInstructionIsALineAtItsOffsetOnlyWhenAskedFor() {
        DecodedModule module = WasmModule.parseText(WAT).decoded();
        int start = module.codes().get(0).codeStart();
        assertEquals(Set.of(), lines(module));
        System.setProperty("jwasm.jit.lineNumbers", "true");
        try {
            // local.get 0 (2 bytes), i32.const 1 (2), i32.add (1), end (1)
            assertEquals(Set.of(start, start + 2, start + 4, start + 5), lines(module));
        } finally {
            System.clearProperty("jwasm.jit.lineNumbers");
        }
    }
}
