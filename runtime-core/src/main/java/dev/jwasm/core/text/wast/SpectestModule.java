package dev.jwasm.core.text.wast;

import dev.jwasm.api.Extern;
import dev.jwasm.api.Function;
import dev.jwasm.api.Global;
import dev.jwasm.api.Linker;
import dev.jwasm.api.Memory;
import dev.jwasm.api.Table;
import dev.jwasm.api.Value;
import dev.jwasm.core.model.FuncType;
import dev.jwasm.core.model.GlobalType;
import dev.jwasm.core.model.Limits;
import dev.jwasm.core.model.MemoryType;
import dev.jwasm.core.model.TableType;
import dev.jwasm.core.model.ValType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The {@code spectest} host module every testsuite script may import from: print functions, four
 * immutable globals (666 / 666.6), a funcref table (10..20), a memory (1..2 pages), and their 64-bit and
 * shared variants. The functions and globals cannot change, so one set serves every script; tables and
 * memories are created afresh per script so scripts cannot see each other's writes.
 */
final class SpectestModule {
    static final String NAME = "spectest";
    private static final Value[] NONE = new Value[0];

    private final Map<String, Extern> immutable = new LinkedHashMap<>();

    /** @param out receives one line per value printed by the {@code print*} functions */
    SpectestModule(Consumer<String> out) {
        print(out, "print");
        print(out, "print_i32", ValType.I32);
        print(out, "print_i64", ValType.I64);
        print(out, "print_f32", ValType.F32);
        print(out, "print_f64", ValType.F64);
        print(out, "print_i32_f32", ValType.I32, ValType.F32);
        print(out, "print_f64_f64", ValType.F64, ValType.F64);
        createIfPossible("global_i32", () -> constant(ValType.I32, Value.i32(666)));
        createIfPossible("global_i64", () -> constant(ValType.I64, Value.i64(666)));
        createIfPossible("global_f32", () -> constant(ValType.F32, Value.f32(666.6f)));
        createIfPossible("global_f64", () -> constant(ValType.F64, Value.f64(666.6)));
    }

    /**
     * Defines the spectest exports in {@code linker}. An export the runtime cannot create (for example a
     * shared memory) is left undefined, so only the modules importing it fail.
     */
    void defineIn(Linker linker) {
        immutable.forEach((name, extern) -> linker.define(NAME, name, extern));
        defineIfPossible(linker, "table", () -> Table.create(table(false), null));
        defineIfPossible(linker, "table64", () -> Table.create(table(true), null));
        defineIfPossible(linker, "memory", () -> Memory.create(memory(false, false)));
        defineIfPossible(linker, "memory64", () -> Memory.create(memory(true, false)));
        defineIfPossible(linker, "shared_memory", () -> Memory.create(memory(false, true)));
    }

    private void print(Consumer<String> out, String name, ValType... params) {
        FuncType type = FuncType.of(List.of(params), List.of());
        createIfPossible(name, () -> Function.host(type, (caller, args) -> {
            for (Value arg : args) {
                out.accept(arg.toString());
            }
            return NONE;
        }));
    }

    private static Global constant(ValType type, Value value) {
        return Global.create(new GlobalType(type, false), value);
    }

    private static TableType table(boolean is64) {
        return new TableType(ValType.FUNCREF, new Limits(10, 20, is64, false));
    }

    private static MemoryType memory(boolean is64, boolean shared) {
        return new MemoryType(new Limits(1, 2, is64, shared));
    }

    private void createIfPossible(String name, Supplier<Extern> factory) {
        try {
            immutable.put(name, factory.get());
        } catch (RuntimeException unsupportedByRuntime) {
            // Left undefined: importing it fails with "unknown import", which names the export.
        }
    }

    private static void defineIfPossible(Linker linker, String name, Supplier<Extern> factory) {
        try {
            linker.define(NAME, name, factory.get());
        } catch (RuntimeException unsupportedByRuntime) {
            // As above: only the scripts importing it are affected.
        }
    }
}
