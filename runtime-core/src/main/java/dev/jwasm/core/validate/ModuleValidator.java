package dev.jwasm.core.validate;

import dev.jwasm.api.InvalidModuleException;
import dev.jwasm.core.model.DataSegment;
import dev.jwasm.core.model.DecodedModule;
import dev.jwasm.core.model.ElementSegment;
import dev.jwasm.core.model.Export;
import dev.jwasm.core.model.FuncType;
import dev.jwasm.core.model.FunctionBody;
import dev.jwasm.core.model.FunctionInfo;
import dev.jwasm.core.model.GlobalDef;
import dev.jwasm.core.model.GlobalType;
import dev.jwasm.core.model.Import;
import dev.jwasm.core.model.ImportDesc;
import dev.jwasm.core.model.SegmentMode;
import dev.jwasm.core.model.TableDef;
import dev.jwasm.core.model.TableType;
import dev.jwasm.core.model.TagType;
import dev.jwasm.core.model.ValType;
import dev.jwasm.core.model.ValidationInfo;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Validates a decoded module (the spec's "Modules" validation): types, imports, functions, tables,
 * memories, globals, tags, exports, start function, element and data segments, then every function body.
 * The first violation throws {@link InvalidModuleException} with the testsuite's wording.
 */
public final class ModuleValidator {
    private final DecodedModule m;
    private final TypeContext types;
    private final ModuleContext mc;
    private final CodeValidator code;

    private ModuleValidator(DecodedModule m) {
        this.m = m;
        this.types = TypeContext.of(m);
        this.mc = new ModuleContext(m, types, new BitSet());
        this.code = new CodeValidator(mc);
    }

    /**
     * Validates {@code module} and returns what the execution tiers need to know about its functions.
     *
     * @throws InvalidModuleException if the module is invalid
     */
    public static ValidationInfo validate(DecodedModule module) {
        try {
            return new ModuleValidator(module).run();
        } catch (IndexOutOfBoundsException | NullPointerException | ClassCastException e) {
            // Inconsistent models from hand-built or odd input must still fail cleanly.
            throw new InvalidModuleException("invalid module structure: " + e);
        }
    }

    private ValidationInfo run() {
        checkImports();
        checkFunctionTypes();
        LimitsRules.checkTables(m.tables());
        m.memories().forEach(LimitsRules::checkMemory);
        checkTags(m.tags());
        checkExports();
        checkTableInits();
        checkGlobals();
        checkElements();
        checkDatas();
        checkStart();
        List<FunctionInfo> infos = new ArrayList<>(m.codes().size());
        int imported = m.importedFunctionCount();
        for (int i = 0; i < m.codes().size(); i++) {
            int funcIndex = imported + i;
            FunctionBody body = m.codes().get(i);
            infos.add(code.validate(funcIndex, mc.functionType(funcIndex), body));
        }
        return new ValidationInfo(infos, mc.declaredRefs);
    }

    private FuncType funcType(int typeIndex) {
        if (typeIndex < 0 || typeIndex >= types.size()) {
            throw new InvalidModuleException("unknown type " + typeIndex);
        }
        FuncType ft = types.funcTypeOrNull(typeIndex);
        if (ft == null) {
            throw new InvalidModuleException("type mismatch");
        }
        return ft;
    }

    private void checkValType(ValType t) {
        TypeSectionValidator.checkType(t, types.size());
    }

    private void checkImports() {
        for (Import imp : m.imports()) {
            ImportDesc d = imp.desc();
            if (d instanceof ImportDesc.Func f) {
                funcType(f.typeIndex());
            } else if (d instanceof ImportDesc.Table t) {
                checkValType(t.type().elementType());
                LimitsRules.checkTable(t.type());
            } else if (d instanceof ImportDesc.Memory mem) {
                LimitsRules.checkMemory(mem.type());
            } else if (d instanceof ImportDesc.Global g) {
                checkValType(g.type().valType());
            } else if (d instanceof ImportDesc.Tag tag) {
                checkTags(List.of(tag.type()));
            }
        }
    }

    private void checkFunctionTypes() {
        for (int t : m.functionTypeIndices()) {
            funcType(t);
        }
        if (m.functionTypeIndices().length != m.codes().size()) {
            throw new InvalidModuleException("function and code section have inconsistent lengths");
        }
    }

    private void checkTags(List<TagType> tags) {
        for (TagType tag : tags) {
            if (!funcType(tag.typeIndex()).results().isEmpty()) {
                throw new InvalidModuleException("non-empty tag result type");
            }
        }
    }

    private void checkExports() {
        Set<String> names = new HashSet<>();
        for (Export e : m.exports()) {
            if (!names.add(e.name())) {
                throw new InvalidModuleException("duplicate export name");
            }
            int x = e.index();
            int count = switch (e.kind()) {
                case FUNC -> m.functionCount();
                case TABLE -> m.allTables().size();
                case MEMORY -> m.allMemories().size();
                case GLOBAL -> m.allGlobals().size();
                case TAG -> m.allTags().size();
            };
            if (x < 0 || x >= count) {
                String what = e.kind() == dev.jwasm.core.model.ExternKind.FUNC ? "function" : e.kind().text();
                throw new InvalidModuleException("unknown " + what + " " + x);
            }
            if (e.kind() == dev.jwasm.core.model.ExternKind.FUNC) {
                mc.declaredRefs.set(x);
            }
        }
    }

    private int allGlobals() {
        return m.allGlobals().size();
    }

    private void checkTableInits() {
        for (TableDef t : m.tables()) {
            ValType et = t.type().elementType();
            checkValType(et);
            if (t.init() != null) {
                // Table initialisers come before the global section: only imported globals are visible.
                code.validateConst(t.init(), et, m.importedGlobalCount());
            } else if (!et.defaultable()) {
                throw new InvalidModuleException("type mismatch");
            }
        }
    }

    private void checkGlobals() {
        int visible = m.importedGlobalCount();
        for (GlobalDef g : m.globals()) {
            GlobalType gt = g.type();
            checkValType(gt.valType());
            code.validateConst(g.init(), gt.valType(), visible);
            visible++;
        }
    }

    private void checkElements() {
        for (ElementSegment e : m.elements()) {
            ValType et = e.type();
            checkValType(et);
            for (var init : e.inits()) {
                code.validateConst(init, et, allGlobals());
            }
            if (e.mode() == SegmentMode.ACTIVE) {
                int x = e.table();
                if (x < 0 || x >= m.allTables().size()) {
                    throw new InvalidModuleException("unknown table " + x);
                }
                TableType tt = m.allTables().get(x);
                code.validateConst(e.offset(), tt.addressType(), allGlobals());
                if (!types.isSubtype(et, tt.elementType())) {
                    throw new InvalidModuleException("type mismatch");
                }
            }
        }
    }

    private void checkDatas() {
        for (DataSegment d : m.datas()) {
            if (d.mode() == SegmentMode.ACTIVE) {
                int x = d.memory();
                if (x < 0 || x >= m.allMemories().size()) {
                    throw new InvalidModuleException("unknown memory " + x);
                }
                code.validateConst(d.offset(), m.allMemories().get(x).addressType(), allGlobals());
            }
        }
    }

    private void checkStart() {
        int s = m.startFunction();
        if (s < 0) {
            return;
        }
        FuncType ft = mc.functionType(s);
        if (ft == null) {
            throw new InvalidModuleException("unknown function " + s);
        }
        if (!ft.params().isEmpty() || !ft.results().isEmpty()) {
            throw new InvalidModuleException("start function");
        }
    }
}
