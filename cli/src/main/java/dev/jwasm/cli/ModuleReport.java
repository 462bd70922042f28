package dev.jwasm.cli;

import dev.jwasm.api.ExportType;
import dev.jwasm.api.ImportType;
import dev.jwasm.api.WasmModule;
import dev.jwasm.core.model.CustomSection;
import dev.jwasm.core.model.DecodedModule;
import dev.jwasm.core.model.ExternType;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The human-readable description {@code jwasm inspect} prints: sections with offsets and sizes, imports,
 * exports, memories, tables, globals, functions, custom sections and names. One fact per line, indented
 * under a heading, so the output is easy to grep.
 */
final class ModuleReport {
    private final PrintStream out;

    ModuleReport(PrintStream out) {
        this.out = out;
    }

    void print(String file, WasmModule module) {
        DecodedModule d = module.decoded();
        out.println("module: " + file);
        if (module.name() != null) {
            out.println("name: " + module.name());
        }
        out.println("size: " + d.bytes().length + " bytes");
        printSections(d.bytes());
        out.println("types: " + d.types().size());
        printImports(module.imports());
        printExports(module.exports());
        out.println("functions: " + d.functionCount() + " (" + d.importedFunctionCount() + " imported, "
                + d.codes().size() + " defined)");
        printIndexSpace("memories", d.allMemories(), d.allMemories().size() - d.memories().size(), TypeText::memory);
        printIndexSpace("tables", d.allTables(), d.allTables().size() - d.tables().size(), TypeText::table);
        printIndexSpace("globals", d.allGlobals(), d.importedGlobalCount(), TypeText::global);
        out.println("start: " + (d.startFunction() < 0 ? "none" : functionLabel(d, d.startFunction())));
        out.println("data segments: " + d.datas().size());
        out.println("element segments: " + d.elements().size());
        printCustomSections(d.customSections());
        printFunctionNames(d.names().functionNames());
    }

    private void printSections(byte[] bytes) {
        List<SectionWalker.Section> sections = SectionWalker.sections(bytes);
        out.println("sections (" + sections.size() + "):");
        for (SectionWalker.Section s : sections) {
            out.printf("  %-24s offset 0x%08x  size %d%n", s.displayName(), s.offset(), s.size());
        }
    }

    private void printImports(List<ImportType> imports) {
        out.println("imports (" + imports.size() + "):");
        for (ImportType i : imports) {
            out.println("  " + i.module() + "." + i.name() + ": " + TypeText.of(i.type()));
        }
    }

    private void printExports(List<ExportType> exports) {
        out.println("exports (" + exports.size() + "):");
        for (ExportType e : exports) {
            out.println("  " + e.name() + ": " + TypeText.of(e.type()));
        }
    }

    private <T extends ExternType> void printIndexSpace(String heading, List<T> all, int imported,
            Function<T, String> text) {
        out.println(heading + " (" + all.size() + "):");
        for (int i = 0; i < all.size(); i++) {
            out.println("  " + i + ": " + text.apply(all.get(i)) + (i < imported ? " imported" : ""));
        }
    }

    private void printCustomSections(List<CustomSection> customs) {
        out.println("custom sections (" + customs.size() + "):");
        for (CustomSection c : customs) {
            out.println("  \"" + c.name() + "\": " + c.content().length + " bytes");
        }
    }

    private void printFunctionNames(Map<Integer, String> names) {
        out.println("function names (" + names.size() + "):");
        new TreeMap<>(names).forEach((index, name) -> out.println("  " + index + ": " + name));
    }

    private static String functionLabel(DecodedModule d, int index) {
        String name = d.names().functionName(index);
        return "func " + index + (name != null ? " (" + name + ")" : "");
    }
}
