package dev.jwasm.core.runtime;

import dev.jwasm.api.Engine;
import dev.jwasm.api.Extern;
import dev.jwasm.api.Instance;
import dev.jwasm.api.LinkException;
import dev.jwasm.api.TrapKind;
import dev.jwasm.api.WasmModule;
import dev.jwasm.api.WasmTrap;
import dev.jwasm.core.interp.Interpreter;
import dev.jwasm.core.model.DataSegment;
import dev.jwasm.core.model.DecodedModule;
import dev.jwasm.core.model.ElementSegment;
import dev.jwasm.core.model.Export;
import dev.jwasm.core.model.GlobalDef;
import dev.jwasm.core.model.Import;
import dev.jwasm.core.model.MemoryType;
import dev.jwasm.core.model.SegmentMode;
import dev.jwasm.core.model.TableDef;
import java.util.ArrayList;
import java.util.List;

/**
 * Links and instantiates modules following the spec's order: resolve imports, allocate functions, globals,
 * tables and memories, create exports, then run active element and data segments (a trap keeps earlier
 * writes) and finally the start function.
 */
public final class Instantiator {
    private Instantiator() {
    }

    public static Instance instantiate(Engine engine, WasmModule module, ImportResolver imports) {
        DecodedModule m = module.decoded();
        InstanceImpl inst = new InstanceImpl(module, engine);
        inst.typeIds = typeIds(m);
        resolveImports(inst, m, imports);
        ConstExprEvaluator eval = new ConstExprEvaluator(inst);
        allocateGlobals(inst, m, eval);
        allocateTables(inst, m, eval);
        allocateMemories(inst, m, engine);
        createExports(inst, m);
        initElements(inst, m, eval);
        initData(inst, m, eval);
        TierUp.instantiated(inst);
        if (m.startFunction() >= 0) {
            inst.functions[m.startFunction()].call();
        }
        return inst;
    }

    private static int[] typeIds(DecodedModule m) {
        return TypeRegistry.canonicalize(m.types());
    }

    private static void resolveImports(InstanceImpl inst, DecodedModule m, ImportResolver resolver) {
        List<FunctionInstance> funcs = new ArrayList<>();
        List<TableInstance> tables = new ArrayList<>();
        List<MemoryInstance> mems = new ArrayList<>();
        List<GlobalInstance> globals = new ArrayList<>();
        for (Import imp : m.imports()) {
            Extern ext = resolver.resolve(imp.module(), imp.name()).orElse(null);
            if (ext == null) {
                throw new LinkException("unknown import: " + imp.module() + "." + imp.name());
            }
            switch (imp.desc().kind()) {
                case FUNC -> funcs.add(ImportMatcher.function(imp, ext, m, inst.typeIds));
                case TABLE -> tables.add(ImportMatcher.table(imp, ext));
                case MEMORY -> mems.add(ImportMatcher.memory(imp, ext));
                case GLOBAL -> globals.add(ImportMatcher.global(imp, ext));
                case TAG -> throw ImportMatcher.incompatible(imp, "tags (exception handling) are not supported yet");
            }
        }
        int[] defined = m.functionTypeIndices();
        for (int i = 0; i < defined.length; i++) {
            int index = m.importedFunctionCount() + i;
            funcs.add(new WasmFunction(m.functionType(index), inst.typeIds[m.functionTypeIndex(index)], inst, index,
                    i, Interpreter.lazyEntry()));
        }
        inst.functions = funcs.toArray(new FunctionInstance[0]);
        inst.tables = tables.toArray(new TableInstance[0]);
        inst.memories = mems.toArray(new MemoryInstance[0]);
        inst.globals = globals.toArray(new GlobalInstance[0]);
    }

    private static void allocateGlobals(InstanceImpl inst, DecodedModule m, ConstExprEvaluator eval) {
        int imported = inst.globals.length;
        GlobalInstance[] all = java.util.Arrays.copyOf(inst.globals, imported + m.globals().size());
        inst.globals = all;
        for (int i = 0; i < m.globals().size(); i++) {
            GlobalDef def = m.globals().get(i);
            eval.evaluate(def.init());
            all[imported + i] = GlobalInstance.ofRaw(def.type(), eval.bits(), eval.ref());
        }
    }

    private static void allocateTables(InstanceImpl inst, DecodedModule m, ConstExprEvaluator eval) {
        List<TableInstance> tables = new ArrayList<>(List.of(inst.tables));
        for (TableDef def : m.tables()) {
            Object init = null;
            if (def.init() != null) {
                eval.evaluate(def.init());
                init = eval.ref();
            }
            tables.add(TableInstance.allocate(def.type(), init));
        }
        inst.tables = tables.toArray(new TableInstance[0]);
    }

    private static void allocateMemories(InstanceImpl inst, DecodedModule m, Engine engine) {
        List<MemoryInstance> mems = new ArrayList<>(List.of(inst.memories));
        for (MemoryType t : m.memories()) {
            mems.add(MemoryInstance.allocate(t, engine.maxMemoryBytes()));
        }
        inst.memories = mems.toArray(new MemoryInstance[0]);
        inst.memory0 = inst.memories.length > 0 ? inst.memories[0] : null;
    }

    private static void createExports(InstanceImpl inst, DecodedModule m) {
        for (Export e : m.exports()) {
            Extern ext = switch (e.kind()) {
                case FUNC -> inst.functions[e.index()];
                case TABLE -> inst.tables[e.index()];
                case MEMORY -> inst.memories[e.index()];
                case GLOBAL -> inst.globals[e.index()];
                case TAG -> throw new UnsupportedOperationException("tag exports are not supported yet");
            };
            inst.exports.put(e.name(), ext);
        }
    }

    private static void initElements(InstanceImpl inst, DecodedModule m, ConstExprEvaluator eval) {
        List<ElementSegment> segs = m.elements();
        inst.elementSegments = new Object[segs.size()][];
        for (int i = 0; i < segs.size(); i++) {
            ElementSegment seg = segs.get(i);
            Object[] refs = new Object[seg.inits().size()];
            for (int j = 0; j < refs.length; j++) {
                eval.evaluate(seg.inits().get(j));
                refs[j] = eval.ref();
            }
            inst.elementSegments[i] = refs;
        }
        for (int i = 0; i < segs.size(); i++) {
            ElementSegment seg = segs.get(i);
            if (seg.mode() == SegmentMode.ACTIVE) {
                eval.evaluate(seg.offset());
                TableInstance table = inst.tables[seg.table()];
                long offset = table.type().is64() ? eval.bits() : eval.bits() & 0xFFFF_FFFFL;
                Object[] refs = inst.elementSegments[i];
                if (offset < 0 || offset > table.size() - refs.length) {
                    throw new WasmTrap(TrapKind.OUT_OF_BOUNDS_TABLE_ACCESS);
                }
                System.arraycopy(refs, 0, table.elements, (int) offset, refs.length);
            }
            if (seg.mode() != SegmentMode.PASSIVE) {
                inst.elementSegments[i] = null;
            }
        }
    }

    private static void initData(InstanceImpl inst, DecodedModule m, ConstExprEvaluator eval) {
        List<DataSegment> segs = m.datas();
        inst.dataSegments = new byte[segs.size()][];
        for (int i = 0; i < segs.size(); i++) {
            inst.dataSegments[i] = segs.get(i).bytes();
        }
        for (int i = 0; i < segs.size(); i++) {
            DataSegment seg = segs.get(i);
            if (seg.mode() != SegmentMode.ACTIVE) {
                continue;
            }
            eval.evaluate(seg.offset());
            MemoryInstance mem = inst.memories[seg.memory()];
            long offset = mem.type().is64() ? eval.bits() : eval.bits() & 0xFFFF_FFFFL;
            mem.write(offset, seg.bytes(), 0, seg.bytes().length);
            inst.dataSegments[i] = new byte[0];
        }
    }
}
