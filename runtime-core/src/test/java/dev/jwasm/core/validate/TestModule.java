package dev.jwasm.core.validate;

import dev.jwasm.core.model.ConstExpr;
import dev.jwasm.core.model.DataSegment;
import dev.jwasm.core.model.DecodedModule;
import dev.jwasm.core.model.ElementSegment;
import dev.jwasm.core.model.Export;
import dev.jwasm.core.model.ExternKind;
import dev.jwasm.core.model.FuncType;
import dev.jwasm.core.model.FunctionBody;
import dev.jwasm.core.model.GlobalDef;
import dev.jwasm.core.model.GlobalType;
import dev.jwasm.core.model.Import;
import dev.jwasm.core.model.ImportDesc;
import dev.jwasm.core.model.Limits;
import dev.jwasm.core.model.MemoryType;
import dev.jwasm.core.model.SubType;
import dev.jwasm.core.model.TableDef;
import dev.jwasm.core.model.TableType;
import dev.jwasm.core.model.TagType;
import dev.jwasm.core.model.ValType;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/** Builds {@link DecodedModule}s directly (no binary decoding) for validator tests. */
final class TestModule {
    final List<SubType> types = new ArrayList<>();
    final List<Import> imports = new ArrayList<>();
    final List<Integer> funcTypes = new ArrayList<>();
    final List<byte[]> bodies = new ArrayList<>();
    final List<List<ValType>> locals = new ArrayList<>();
    final List<TableDef> tables = new ArrayList<>();
    final List<MemoryType> memories = new ArrayList<>();
    final List<GlobalDef> globals = new ArrayList<>();
    final List<TagType> tags = new ArrayList<>();
    final List<Export> exports = new ArrayList<>();
    final List<ElementSegment> elements = new ArrayList<>();
    final List<DataSegment> datas = new ArrayList<>();
    int start = -1;
    int dataCount = -1;

    static int[] none() {
        return new int[0];
    }

    /** Adds a final function type without supertypes; returns its index. */
    int type(List<ValType> params, List<ValType> results) {
        int i = types.size();
        types.add(new SubType(true, none(), new FuncType(params, results), i, 1));
        return i;
    }

    TestModule sub(SubType st) {
        types.add(st);
        return this;
    }

    /** Adds a function with {@code code} (instructions including the final end). */
    TestModule func(int type, List<ValType> localTypes, int... code) {
        funcTypes.add(type);
        locals.add(localTypes);
        byte[] b = new byte[code.length];
        for (int i = 0; i < code.length; i++) {
            b[i] = (byte) code[i];
        }
        bodies.add(b);
        return this;
    }

    TestModule func(int type, int... code) {
        return func(type, List.of(), code);
    }

    TestModule memory(long min, long max) {
        memories.add(new MemoryType(new Limits(min, max, false, false)));
        return this;
    }

    TestModule table(ValType elem, long min) {
        tables.add(new TableDef(new TableType(elem, new Limits(min, -1, false, false)), null));
        return this;
    }

    TestModule global(ValType t, boolean mutable, int... init) {
        globals.add(new GlobalDef(new GlobalType(t, mutable), expr(init)));
        return this;
    }

    TestModule importGlobal(ValType t, boolean mutable) {
        imports.add(new Import("m", "g" + imports.size(), new ImportDesc.Global(new GlobalType(t, mutable))));
        return this;
    }

    TestModule importFunc(int type) {
        imports.add(new Import("m", "f" + imports.size(), new ImportDesc.Func(type)));
        return this;
    }

    TestModule export(String name, ExternKind kind, int index) {
        exports.add(new Export(name, kind, index));
        return this;
    }

    static ConstExpr expr(int... code) {
        byte[] b = new byte[code.length];
        for (int i = 0; i < code.length; i++) {
            b[i] = (byte) code[i];
        }
        return new ConstExpr(b, 0);
    }

    DecodedModule build() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0);
        List<FunctionBody> codes = new ArrayList<>();
        for (int i = 0; i < bodies.size(); i++) {
            int s = out.size();
            out.writeBytes(bodies.get(i));
            codes.add(new FunctionBody(locals.get(i), s, out.size()));
        }
        int[] ft = funcTypes.stream().mapToInt(Integer::intValue).toArray();
        return new DecodedModule(out.toByteArray(), types, imports, ft, tables, memories, globals, tags, exports,
                start, elements, dataCount, codes, datas, List.of(), null);
    }
}
