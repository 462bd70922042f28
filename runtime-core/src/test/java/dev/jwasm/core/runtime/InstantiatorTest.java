package dev.jwasm.core.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwasm.api.Engine;
import dev.jwasm.api.Function;
import dev.jwasm.api.Global;
import dev.jwasm.api.Instance;
import dev.jwasm.api.LinkException;
import dev.jwasm.api.Linker;
import dev.jwasm.api.Memory;
import dev.jwasm.api.TrapKind;
import dev.jwasm.api.Value;
import dev.jwasm.api.WasmTrap;
import dev.jwasm.core.interp.Code;
import dev.jwasm.core.interp.TestModule;
import dev.jwasm.core.model.ExternKind;
import dev.jwasm.core.model.FuncType;
import dev.jwasm.core.model.GlobalType;
import dev.jwasm.core.model.Limits;
import dev.jwasm.core.model.MemoryType;
import dev.jwasm.core.model.ValType;
import java.util.List;
import org.junit.jupiter.api.Test;

class InstantiatorTest {
    static final ValType I32 = ValType.I32;
    static final FuncType I_I = FuncType.of(List.of(I32), List.of(I32));
    static final FuncType V_I = FuncType.of(List.of(), List.of(I32));

    static TestModule importingLog() {
        TestModule m = new TestModule();
        int log = m.importFunc("env", "log", I_I);
        m.func("run", I_I, List.of(), new Code().get(0).call(log).end());
        return m;
    }

    @Test
    void aMissingImportIsAnUnknownImport() {
        LinkException e = assertThrows(LinkException.class,
                () -> new Linker(Engine.create()).instantiate(importingLog().build()));
        assertTrue(e.getMessage().startsWith("unknown import"), e.getMessage());
    }

    @Test
    void aFunctionImportWithAnotherSignatureIsIncompatible() {
        Linker linker = new Linker(Engine.create());
        linker.defineFunction("env", "log", V_I, (c, a) -> new Value[] {Value.i32(0)});
        LinkException e = assertThrows(LinkException.class, () -> linker.instantiate(importingLog().build()));
        assertTrue(e.getMessage().startsWith("incompatible import type"), e.getMessage());
    }

    @Test
    void hostFunctionsReceiveArgumentsAndTheCallersMemory() {
        TestModule m = new TestModule().memory(1, 1).data(8, new byte[] {5, 0, 0, 0});
        int peek = m.importFunc("env", "peek", I_I);
        m.func("run", I_I, List.of(), new Code().get(0).call(peek).i32(1).op(0x6A).end());
        m.export("memory", ExternKind.MEMORY, 0);
        Linker linker = new Linker(Engine.create());
        linker.defineFunction("env", "peek", I_I,
                (caller, args) -> new Value[] {Value.i32(caller.memory().orElseThrow().readInt(args[0].asInt()))});
        Instance inst = linker.instantiate(m.build());
        assertEquals(6, inst.function("run").call(Value.i32(8))[0].asInt());
    }

    @Test
    void aWasmTrapThrownByAHostFunctionGetsTheGuestBacktrace() {
        Linker linker = new Linker(Engine.create());
        linker.defineFunction("env", "log", I_I, (c, a) -> {
            throw new WasmTrap(TrapKind.UNREACHABLE);
        });
        Instance inst = linker.instantiate(importingLog().build());
        WasmTrap t = assertThrows(WasmTrap.class, () -> inst.function("run").call(Value.i32(1)));
        assertEquals(List.of("run"), t.wasmBacktrace());
    }

    @Test
    void globalImportsMustMatchMutability() {
        TestModule m = new TestModule();
        m.importGlobal("env", "g", new GlobalType(I32, true));
        Linker linker = new Linker(Engine.create());
        linker.define("env", "g", Global.create(new GlobalType(I32, false), Value.i32(1)));
        assertThrows(LinkException.class, () -> linker.instantiate(m.build()));
    }

    @Test
    void memoryImportsMustSatisfyTheDeclaredLimits() {
        TestModule m = new TestModule();
        m.importMemory("env", "mem", 1, 2);
        Linker linker = new Linker(Engine.create());
        linker.define("env", "mem", Memory.create(new MemoryType(new Limits(1, -1, false, false))));
        assertThrows(LinkException.class, () -> linker.instantiate(m.build()), "no maximum where one is required");
        linker.define("env", "mem", Memory.create(new MemoryType(new Limits(2, 2, false, false))));
        TestModule ok = new TestModule();
        ok.importMemory("env", "mem", 1, 2);
        linker.instantiate(ok.build());
    }

    @Test
    void anOutOfBoundsDataSegmentTrapsButEarlierSegmentsStayWritten() {
        Memory mem = Memory.create(new MemoryType(new Limits(1, -1, false, false)));
        TestModule m = new TestModule();
        m.importMemory("env", "mem", 1, -1);
        m.data(0, new byte[] {7}).data(65535, new byte[] {1, 2});
        Linker linker = new Linker(Engine.create()).define("env", "mem", mem);
        WasmTrap t = assertThrows(WasmTrap.class, () -> linker.instantiate(m.build()));
        assertEquals(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS, t.kind());
        assertEquals(7, mem.readByte(0));
    }

    @Test
    void globalInitialisersMayUseImportedGlobalsAndExtendedConstants() {
        TestModule m = new TestModule();
        m.importGlobal("env", "base", new GlobalType(I32, false));
        m.global(new GlobalType(I32, false), new Code().op(0x23, 0).i32(10).op(0x6A));
        m.export("g", ExternKind.GLOBAL, 1);
        Linker linker = new Linker(Engine.create());
        linker.define("env", "base", Global.create(new GlobalType(I32, false), Value.i32(32)));
        assertEquals(42, linker.instantiate(m.build()).global("g").get().asInt());
    }

    @Test
    void theStartFunctionRunsDuringInstantiation() {
        TestModule m = new TestModule();
        m.global(new GlobalType(I32, true), new Code().i32(0));
        int start = m.func(FuncType.of(List.of(), List.of()), List.of(), new Code().i32(9).op(0x24, 0).end());
        m.start(start).export("g", ExternKind.GLOBAL, 0);
        assertEquals(9, new Linker(Engine.create()).instantiate(m.build()).global("g").get().asInt());
    }

    @Test
    void exportedFunctionsRejectArgumentsOfTheWrongType() {
        TestModule m = new TestModule();
        m.func("id", I_I, List.of(), new Code().get(0).end());
        Function id = new Linker(Engine.create()).instantiate(m.build()).function("id");
        assertThrows(IllegalArgumentException.class, () -> id.call(Value.i64(1)));
        assertThrows(IllegalArgumentException.class, () -> id.call());
        assertArrayEquals(new Value[] {Value.i32(3)}, id.call(Value.i32(3)));
    }

    @Test
    void exportedFunctionsCanBeImportedByAnotherInstance() {
        TestModule a = new TestModule();
        a.func("log", I_I, List.of(), new Code().get(0).i32(2).op(0x6C).end());
        Instance first = new Linker(Engine.create()).instantiate(a.build());
        Linker linker = new Linker(Engine.create()).defineInstance("env", first);
        Instance second = linker.instantiate(importingLog().build());
        assertEquals(14, second.function("run").call(Value.i32(7))[0].asInt());
    }

    @Test
    void immutableGlobalsRefuseWrites() {
        Global g = Global.create(new GlobalType(I32, false), Value.i32(1));
        assertThrows(IllegalStateException.class, () -> g.set(Value.i32(2)));
        Global mg = Global.create(new GlobalType(I32, true), Value.i32(1));
        assertThrows(IllegalArgumentException.class, () -> mg.set(Value.f32(2)));
        mg.set(Value.i32(5));
        assertEquals(5, mg.get().asInt());
    }
}
