package dev.jwasm.core.interp;

import dev.jwasm.api.WasmModule;
import dev.jwasm.core.model.ConstExpr;
import dev.jwasm.core.model.DataSegment;
import dev.jwasm.core.model.DecodedModule;
import dev.jwasm.core.model.ElementSegment;
import dev.jwasm.core.model.Export;
import dev.jwasm.core.model.ExternKind;
import dev.jwasm.core.model.FuncType;
import dev.jwasm.core.model.FunctionBody;
import dev.jwasm.core.model.FunctionInfo;
import dev.jwasm.core.model.GlobalDef;
import dev.jwasm.core.model.GlobalType;
import dev.jwasm.core.model.Import;
import dev.jwasm.core.model.ImportDesc;
import dev.jwasm.core.model.Limits;
import dev.jwasm.core.model.MemoryType;
import dev.jwasm.core.model.NameSection;
import dev.jwasm.core.model.SegmentMode;
import dev.jwasm.core.model.SubType;
import dev.jwasm.core.model.TableDef;
import dev.jwasm.core.model.TableType;
import dev.jwasm.core.model.ValType;
import dev.jwasm.core.model.ValidationInfo;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Test helper: assembles a {@link DecodedModule} directly (no decoder or validator needed). Function bodies
 * are raw instruction bytes ending with {@code end}; the caller is responsible for their validity.
 */
public final class TestModule {
    private final List<SubType> types = new ArrayList<>();
    private final List<Import> imports = new ArrayList<>();
    private final List<Integer> funcTypes = new ArrayList<>();
    private final List<List<ValType>> locals = new ArrayList<>();
    private final List<byte[]> bodies = new ArrayList<>();
    private final List<MemoryType> memories = new ArrayList<>();
    private final List<TableDef> tables = new ArrayList<>();
    private final List<GlobalDef> globals = new ArrayList<>();
    private final List<Export> exports = new ArrayList<>();
    private final List<ElementSegment> elements = new ArrayList<>();
    private final List<DataSegment> datas = new ArrayList<>();
    private final Map<Integer, String> names = new HashMap<>();
    private int importedFuncs;
    private int start = -1;

    public static FuncType sig(List<ValType> params, List<ValType> results) {
        return FuncType.of(params, results);
    }

    public int type(FuncType t) {
        for (int i = 0; i < types.size(); i++) {
            if (types.get(i).funcType().equals(t)) {
                return i;
            }
        }
        types.add(new SubType(true, new int[0], t, types.size(), 1));
        return types.size() - 1;
    }

    public int importFunc(String module, String name, FuncType t) {
        imports.add(new Import(module, name, new ImportDesc.Func(type(t))));
        return importedFuncs++;
    }

    public void importMemory(String module, String name, long min, long max) {
        imports.add(new Import(module, name, new ImportDesc.Memory(new MemoryType(new Limits(min, max, false, false)))));
    }

    public void importGlobal(String module, String name, GlobalType t) {
        imports.add(new Import(module, name, new ImportDesc.Global(t)));
    }

    /** Adds a function; returns its index. */
    public int func(FuncType t, List<ValType> localTypes, Code body) {
        funcTypes.add(type(t));
        locals.add(localTypes);
        bodies.add(body.bytes());
        return importedFuncs + funcTypes.size() - 1;
    }

    public int func(String name, FuncType t, List<ValType> localTypes, Code body) {
        int i = func(t, localTypes, body);
        names.put(i, name);
        exports.add(new Export(name, ExternKind.FUNC, i));
        return i;
    }

    public TestModule memory(long min, long max) {
        memories.add(new MemoryType(new Limits(min, max, false, false)));
        return this;
    }

    public TestModule memory64(long min, long max) {
        memories.add(new MemoryType(new Limits(min, max, true, false)));
        return this;
    }

    public TestModule table(long min, long max) {
        tables.add(new TableDef(new TableType(ValType.FUNCREF, new Limits(min, max, false, false)), null));
        return this;
    }

    public TestModule global(GlobalType t, Code init) {
        globals.add(new GlobalDef(t, new ConstExpr(init.end().bytes(), 0)));
        return this;
    }

    public TestModule export(String name, ExternKind kind, int index) {
        exports.add(new Export(name, kind, index));
        return this;
    }

    public TestModule data(int offset, byte[] bytes) {
        datas.add(new DataSegment(SegmentMode.ACTIVE, 0, new ConstExpr(new Code().i32(offset).end().bytes(), 0), bytes));
        return this;
    }

    public TestModule passiveData(byte[] bytes) {
        datas.add(new DataSegment(SegmentMode.PASSIVE, 0, null, bytes));
        return this;
    }

    /** An active funcref element segment at {@code offset} of table 0. */
    public TestModule elements(int offset, int... funcs) {
        List<ConstExpr> inits = new ArrayList<>();
        for (int f : funcs) {
            inits.add(new ConstExpr(new Code().op(0xD2).u(f).end().bytes(), 0));
        }
        elements.add(new ElementSegment(SegmentMode.ACTIVE, ValType.FUNCREF, 0,
                new ConstExpr(new Code().i32(offset).end().bytes(), 0), inits));
        return this;
    }

    public TestModule start(int func) {
        this.start = func;
        return this;
    }

    public WasmModule build() {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        all.write(0);
        List<FunctionBody> codes = new ArrayList<>();
        List<FunctionInfo> infos = new ArrayList<>();
        for (int i = 0; i < bodies.size(); i++) {
            int at = all.size();
            all.writeBytes(bodies.get(i));
            codes.add(new FunctionBody(locals.get(i), at, all.size()));
            infos.add(new FunctionInfo(16, 4, true, true));
        }
        int[] typeIndices = funcTypes.stream().mapToInt(Integer::intValue).toArray();
        DecodedModule m = new DecodedModule(all.toByteArray(), types, imports, typeIndices, tables, memories,
                globals, List.of(), exports, start, elements, -1, codes, datas, List.of(),
                new NameSection(null, names, Map.of()));
        return WasmModule.of(m, new ValidationInfo(infos, new BitSet()));
    }
}
