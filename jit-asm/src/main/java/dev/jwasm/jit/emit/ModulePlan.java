package dev.jwasm.jit.emit;

import dev.jwasm.core.model.DecodedModule;
import dev.jwasm.core.model.FuncType;
import dev.jwasm.core.model.ValType;
import java.util.List;

/**
 * Module-wide facts the emitters share: which defined functions are compiled (others are called through
 * the generic path), which generated class holds each, and the JVM descriptors of the compiled methods.
 */
public final class ModulePlan {
    final DecodedModule module;
    final int[] typeIds;
    private final boolean[] compiled;
    private final boolean[] tailCalling;
    private final String classPrefix;
    private final int functionsPerClass;

    public ModulePlan(DecodedModule module, int[] typeIds, boolean[] compiled, boolean[] tailCalling,
            String classPrefix, int functionsPerClass) {
        this.module = module;
        this.typeIds = typeIds;
        this.compiled = compiled;
        this.tailCalling = tailCalling;
        this.classPrefix = classPrefix;
        this.functionsPerClass = functionsPerClass;
    }

    public boolean isCompiled(int definedIndex) {
        return compiled[definedIndex];
    }

    /**
     * Whether compiled code may call the function with {@code invokestatic}: compiled and without tail
     * calls to other functions (those return to a trampoline in their adapter, see {@code JitRuntime}).
     */
    public boolean isDirect(int definedIndex) {
        return compiled[definedIndex] && !tailCalling[definedIndex];
    }

    public boolean isTailCalling(int definedIndex) {
        return tailCalling[definedIndex];
    }

    public int classCount() {
        return (compiled.length + functionsPerClass - 1) / functionsPerClass;
    }

    public int classOf(int definedIndex) {
        return definedIndex / functionsPerClass;
    }

    public int firstOf(int classIndex) {
        return classIndex * functionsPerClass;
    }

    public int endOf(int classIndex) {
        return Math.min(compiled.length, (classIndex + 1) * functionsPerClass);
    }

    public String className(int classIndex) {
        return classPrefix + classIndex;
    }

    public String ownerOf(int definedIndex) {
        return className(classOf(definedIndex));
    }

    /** The kind ('I', 'J', 'F', 'D', 'A', see {@link Kinds}) a value type is represented as; SIMD is unsupported. */
    static char kind(ValType t) {
        return switch (t.kind()) {
            case I32 -> 'I';
            case I64 -> 'J';
            case F32 -> 'F';
            case F64 -> 'D';
            case REF -> 'A';
            case V128 -> throw new Unsupported("SIMD values");
        };
    }

    static char[] kinds(List<ValType> types) {
        char[] k = new char[types.size()];
        for (int i = 0; i < k.length; i++) {
            k[i] = kind(types.get(i));
        }
        return k;
    }

    /**
     * Descriptor of compiled function: its parameters, the context, the free slot index and the call budget
     * ({@code ExecContext.budget}); one result or void.
     */
    public static String descriptor(FuncType type) {
        StringBuilder sb = new StringBuilder("(");
        for (ValType p : type.params()) {
            sb.append(Names.desc(kind(p)));
        }
        sb.append(Names.CTX_D).append("II)");
        sb.append(type.results().size() == 1 ? Names.desc(kind(type.results().get(0))) : "V");
        return sb.toString();
    }

    String descriptorOf(int funcIndex) {
        return descriptor(module.functionType(funcIndex));
    }
}
