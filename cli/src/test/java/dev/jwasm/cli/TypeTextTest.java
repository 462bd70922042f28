package dev.jwasm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jwasm.core.model.FuncType;
import dev.jwasm.core.model.GlobalType;
import dev.jwasm.core.model.Limits;
import dev.jwasm.core.model.MemoryType;
import dev.jwasm.core.model.TableType;
import dev.jwasm.core.model.TagType;
import dev.jwasm.core.model.ValType;
import java.util.List;
import org.junit.jupiter.api.Test;

class TypeTextTest {
    @Test
    void spellsFunctionTypesAsTheTextFormatDoes() {
        assertEquals("(func (param i32 i64) (result f32))",
                TypeText.of(FuncType.of(List.of(ValType.I32, ValType.I64), List.of(ValType.F32))));
        assertEquals("(func)", TypeText.of(FuncType.of(List.of(), List.of())));
    }

    @Test
    void spellsMemoriesWithLimitsAndFlags() {
        assertEquals("(memory 1)", TypeText.of(new MemoryType(new Limits(1, -1, false, false))));
        assertEquals("(memory i64 1 2 shared)", TypeText.of(new MemoryType(new Limits(1, 2, true, true))));
        assertEquals("(memory 0 (pagesize 1))", TypeText.of(new MemoryType(new Limits(0, -1, false, false), 0)));
    }

    @Test
    void spellsTablesGlobalsAndTags() {
        assertEquals("(table 2 10 funcref)", TypeText.of(new TableType(ValType.FUNCREF, new Limits(2, 10, false, false))));
        assertEquals("(global (mut i32))", TypeText.of(new GlobalType(ValType.I32, true)));
        assertEquals("(global f64)", TypeText.of(new GlobalType(ValType.F64, false)));
        assertEquals("(tag (type 3))", TypeText.of(new TagType(3)));
    }
}
