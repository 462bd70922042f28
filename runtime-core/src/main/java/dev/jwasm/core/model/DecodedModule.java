package dev.jwasm.core.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The structure of a decoded binary module, before validation. Immutable and safe to share between threads.
 *
 * <p>Index spaces follow the spec: imported functions (tables, memories, globals, tags) come first, then
 * the module's own. {@link #functionTypeIndices()} holds the type index of every <em>defined</em> function,
 * parallel to {@link #codes()}.
 */
public final class DecodedModule {
    private final byte[] bytes;
    private final List<SubType> types;
    private final List<Import> imports;
    private final int[] functionTypeIndices;
    private final List<TableDef> tables;
    private final List<MemoryType> memories;
    private final List<GlobalDef> globals;
    private final List<TagType> tags;
    private final List<Export> exports;
    private final int startFunction;
    private final List<ElementSegment> elements;
    private final int dataCount;
    private final List<FunctionBody> codes;
    private final List<DataSegment> datas;
    private final List<CustomSection> customSections;
    private final NameSection names;

    // Derived: the full index spaces, imports first.
    private final int[] allFunctionTypes;
    private final List<TableType> allTables;
    private final List<MemoryType> allMemories;
    private final List<GlobalType> allGlobals;
    private final List<TagType> allTags;
    private final int importedFunctionCount;
    private final int importedGlobalCount;

    /**
     * @param dataCount the data count section's value, or -1 when the section is absent
     * @param startFunction the start function index, or -1
     */
    public DecodedModule(byte[] bytes, List<SubType> types, List<Import> imports, int[] functionTypeIndices,
            List<TableDef> tables, List<MemoryType> memories, List<GlobalDef> globals, List<TagType> tags,
            List<Export> exports, int startFunction, List<ElementSegment> elements, int dataCount,
            List<FunctionBody> codes, List<DataSegment> datas, List<CustomSection> customSections,
            NameSection names) {
        this.bytes = bytes;
        this.types = List.copyOf(types);
        this.imports = List.copyOf(imports);
        this.functionTypeIndices = functionTypeIndices.clone();
        this.tables = List.copyOf(tables);
        this.memories = List.copyOf(memories);
        this.globals = List.copyOf(globals);
        this.tags = List.copyOf(tags);
        this.exports = List.copyOf(exports);
        this.startFunction = startFunction;
        this.elements = List.copyOf(elements);
        this.dataCount = dataCount;
        this.codes = List.copyOf(codes);
        this.datas = List.copyOf(datas);
        this.customSections = List.copyOf(customSections);
        this.names = names == null ? NameSection.EMPTY : names;

        List<Integer> funcs = new ArrayList<>();
        List<TableType> tbls = new ArrayList<>();
        List<MemoryType> mems = new ArrayList<>();
        List<GlobalType> globs = new ArrayList<>();
        List<TagType> tgs = new ArrayList<>();
        for (Import imp : this.imports) {
            switch (imp.desc().kind()) {
                case FUNC -> funcs.add(((ImportDesc.Func) imp.desc()).typeIndex());
                case TABLE -> tbls.add(((ImportDesc.Table) imp.desc()).type());
                case MEMORY -> mems.add(((ImportDesc.Memory) imp.desc()).type());
                case GLOBAL -> globs.add(((ImportDesc.Global) imp.desc()).type());
                case TAG -> tgs.add(((ImportDesc.Tag) imp.desc()).type());
            }
        }
        this.importedFunctionCount = funcs.size();
        this.importedGlobalCount = globs.size();
        for (int t : this.functionTypeIndices) {
            funcs.add(t);
        }
        // Plain loops: the stream and lambda machinery would be loaded for this alone at start-up.
        for (TableDef t : this.tables) {
            tbls.add(t.type());
        }
        mems.addAll(this.memories);
        for (GlobalDef g : this.globals) {
            globs.add(g.type());
        }
        tgs.addAll(this.tags);
        this.allFunctionTypes = new int[funcs.size()];
        for (int i = 0; i < allFunctionTypes.length; i++) {
            allFunctionTypes[i] = funcs.get(i);
        }
        this.allTables = List.copyOf(tbls);
        this.allMemories = List.copyOf(mems);
        this.allGlobals = List.copyOf(globs);
        this.allTags = List.copyOf(tgs);
    }

    /** The module's bytes; code offsets in {@link FunctionBody} point into them. Do not modify. */
    public byte[] bytes() {
        return bytes;
    }

    public List<SubType> types() {
        return types;
    }

    public List<Import> imports() {
        return imports;
    }

    /** Type indices of the defined (non-imported) functions. */
    public int[] functionTypeIndices() {
        return functionTypeIndices.clone();
    }

    /** Tables defined by the module (not imported ones). */
    public List<TableDef> tables() {
        return tables;
    }

    /** Memories defined by the module (not imported ones). */
    public List<MemoryType> memories() {
        return memories;
    }

    /** Globals defined by the module (not imported ones). */
    public List<GlobalDef> globals() {
        return globals;
    }

    /** Tags defined by the module (not imported ones). */
    public List<TagType> tags() {
        return tags;
    }

    public List<Export> exports() {
        return exports;
    }

    /** Start function index, or -1. */
    public int startFunction() {
        return startFunction;
    }

    public List<ElementSegment> elements() {
        return elements;
    }

    /** The data count section's value, or -1 when absent. */
    public int dataCount() {
        return dataCount;
    }

    /** Bodies of the defined functions, parallel to {@link #functionTypeIndices()}. */
    public List<FunctionBody> codes() {
        return codes;
    }

    public List<DataSegment> datas() {
        return datas;
    }

    public List<CustomSection> customSections() {
        return customSections;
    }

    public NameSection names() {
        return names;
    }

    // ---- the full index spaces (imports first) ----

    public int functionCount() {
        return allFunctionTypes.length;
    }

    public int importedFunctionCount() {
        return importedFunctionCount;
    }

    public int importedGlobalCount() {
        return importedGlobalCount;
    }

    /** Type index of function {@code funcIndex} in the function index space. */
    public int functionTypeIndex(int funcIndex) {
        return allFunctionTypes[funcIndex];
    }

    /** Function type of function {@code funcIndex}; the type must be a function type (validated modules). */
    public FuncType functionType(int funcIndex) {
        return types.get(allFunctionTypes[funcIndex]).funcType();
    }

    /** Every table type of the table index space, imports first. */
    public List<TableType> allTables() {
        return allTables;
    }

    /** Every memory type of the memory index space, imports first. */
    public List<MemoryType> allMemories() {
        return allMemories;
    }

    /** Every global type of the global index space, imports first. */
    public List<GlobalType> allGlobals() {
        return allGlobals;
    }

    /** Every tag type of the tag index space, imports first. */
    public List<TagType> allTags() {
        return allTags;
    }

    /** A display name for function {@code funcIndex}: its name-section name, else {@code func[i]}. */
    public String functionDisplayName(int funcIndex) {
        String n = names.functionName(funcIndex);
        return n != null ? n : "func[" + funcIndex + "]";
    }
}
