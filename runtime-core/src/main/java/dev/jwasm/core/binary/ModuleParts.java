package dev.jwasm.core.binary;

import dev.jwasm.core.model.CustomSection;
import dev.jwasm.core.model.DataSegment;
import dev.jwasm.core.model.DecodedModule;
import dev.jwasm.core.model.ElementSegment;
import dev.jwasm.core.model.Export;
import dev.jwasm.core.model.FunctionBody;
import dev.jwasm.core.model.GlobalDef;
import dev.jwasm.core.model.Import;
import dev.jwasm.core.model.MemoryType;
import dev.jwasm.core.model.NameSection;
import dev.jwasm.core.model.SubType;
import dev.jwasm.core.model.TableDef;
import dev.jwasm.core.model.TagType;
import java.util.ArrayList;
import java.util.List;

/** The pieces of a module collected section by section while decoding. */
final class ModuleParts {
    final byte[] bytes;
    final List<SubType> types = new ArrayList<>();
    final List<Import> imports = new ArrayList<>();
    int[] functionTypeIndices = new int[0];
    final List<TableDef> tables = new ArrayList<>();
    final List<MemoryType> memories = new ArrayList<>();
    final List<GlobalDef> globals = new ArrayList<>();
    final List<TagType> tags = new ArrayList<>();
    final List<Export> exports = new ArrayList<>();
    int startFunction = -1;
    final List<ElementSegment> elements = new ArrayList<>();
    int dataCount = -1;
    final List<FunctionBody> codes = new ArrayList<>();
    /** Whether some function body uses a data segment index. */
    boolean codeUsesDataIndex;
    /** Whether function bodies are scanned instruction by instruction (false for known well-formed input). */
    boolean scanCode = true;
    final List<DataSegment> datas = new ArrayList<>();
    final List<CustomSection> customSections = new ArrayList<>();
    NameSection names = NameSection.EMPTY;

    ModuleParts(byte[] bytes) {
        this.bytes = bytes;
    }

    DecodedModule build() {
        return new DecodedModule(bytes, types, imports, functionTypeIndices, tables, memories, globals, tags,
                exports, startFunction, elements, dataCount, codes, datas, customSections, names);
    }

    /** Initial capacity for a list of {@code count} items: bounded, since counts come from the input. */
    static int capacity(int count) {
        return Math.min(count, 1024);
    }
}
