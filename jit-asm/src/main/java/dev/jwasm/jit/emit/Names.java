package dev.jwasm.jit.emit;

/** Internal names and descriptors of the runtime types generated code refers to. */
final class Names {
    private Names() {
    }

    static final String CTX = "dev/jwasm/core/runtime/ExecContext";
    static final String CTX_D = "L" + CTX + ";";
    static final String INST = "dev/jwasm/core/runtime/InstanceImpl";
    static final String INST_D = "L" + INST + ";";
    static final String FUNC = "dev/jwasm/core/runtime/FunctionInstance";
    static final String FUNC_D = "L" + FUNC + ";";
    static final String WASM_FUNC = "dev/jwasm/core/runtime/WasmFunction";
    static final String WASM_FUNC_D = "L" + WASM_FUNC + ";";
    static final String GLOBAL = "dev/jwasm/core/runtime/GlobalInstance";
    static final String GLOBAL_D = "L" + GLOBAL + ";";
    static final String MEM = "dev/jwasm/core/runtime/MemoryInstance";
    static final String MEM_D = "L" + MEM + ";";
    static final String TABLE = "dev/jwasm/core/runtime/TableInstance";
    static final String TABLE_D = "L" + TABLE + ";";
    static final String RT = "dev/jwasm/jit/link/JitRuntime";
    static final String MA = "dev/jwasm/jit/link/MemoryAccess";
    static final String LINK = "dev/jwasm/jit/link/LinkData";
    static final String SIGNED_EXITS = "dev/jwasm/jit/link/SignedExits";
    static final String OBJ_D = "Ljava/lang/Object;";

    /** JVM descriptor of a value kind (see {@link Kinds}). */
    static String desc(char kind) {
        return kind == 'A' ? OBJ_D : String.valueOf(Kinds.exact(kind));
    }
}
