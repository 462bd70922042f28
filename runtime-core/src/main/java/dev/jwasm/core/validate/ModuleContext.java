package dev.jwasm.core.validate;

import dev.jwasm.core.model.DecodedModule;
import dev.jwasm.core.model.ElementSegment;
import dev.jwasm.core.model.FuncType;
import dev.jwasm.core.model.GlobalType;
import dev.jwasm.core.model.MemoryType;
import dev.jwasm.core.model.TableType;
import dev.jwasm.core.model.TagType;
import dev.jwasm.core.model.ValType;
import java.util.BitSet;

/** The module-wide index spaces the code validator looks things up in, as arrays. */
final class ModuleContext {
    final DecodedModule module;
    final TypeContext types;
    final int[] functionTypes;
    final TableType[] tables;
    final MemoryType[] memories;
    final GlobalType[] globals;
    final TagType[] tags;
    final ValType[] elementTypes;
    final int dataSegments;
    final boolean hasDataCount;
    final BitSet declaredRefs;

    ModuleContext(DecodedModule module, TypeContext types, BitSet declaredRefs) {
        this.module = module;
        this.types = types;
        int n = module.functionCount();
        this.functionTypes = new int[n];
        for (int i = 0; i < n; i++) {
            functionTypes[i] = module.functionTypeIndex(i);
        }
        this.tables = module.allTables().toArray(new TableType[0]);
        this.memories = module.allMemories().toArray(new MemoryType[0]);
        this.globals = module.allGlobals().toArray(new GlobalType[0]);
        this.tags = module.allTags().toArray(new TagType[0]);
        this.elementTypes = module.elements().stream().map(ElementSegment::type).toArray(ValType[]::new);
        this.hasDataCount = module.dataCount() >= 0;
        this.dataSegments = hasDataCount ? module.dataCount() : module.datas().size();
        this.declaredRefs = declaredRefs;
    }

    /** The type of function {@code index}, or null when out of range (types are checked up front). */
    FuncType functionType(int index) {
        if (index < 0 || index >= functionTypes.length) {
            return null;
        }
        return types.funcTypeOrNull(functionTypes[index]);
    }
}
