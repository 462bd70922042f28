package dev.jwasm.cli;

import dev.jwasm.core.model.ExternType;
import dev.jwasm.core.model.FuncType;
import dev.jwasm.core.model.GlobalType;
import dev.jwasm.core.model.Limits;
import dev.jwasm.core.model.MemoryType;
import dev.jwasm.core.model.TableType;
import dev.jwasm.core.model.TagType;
import dev.jwasm.core.model.ValType;
import java.util.List;

/** Spells types the way the text format does, e.g. {@code (func (param i32 i32) (result i32))}, for {@code inspect}. */
final class TypeText {
    private TypeText() {
    }

    static String of(ExternType type) {
        if (type instanceof FuncType f) {
            return func(f);
        } else if (type instanceof MemoryType m) {
            return memory(m);
        } else if (type instanceof TableType t) {
            return table(t);
        } else if (type instanceof GlobalType g) {
            return global(g);
        }
        return "(tag (type " + ((TagType) type).typeIndex() + "))";
    }

    static String func(FuncType f) {
        StringBuilder sb = new StringBuilder("(func");
        appendGroup(sb, "param", f.params());
        appendGroup(sb, "result", f.results());
        return sb.append(')').toString();
    }

    static String memory(MemoryType m) {
        StringBuilder sb = new StringBuilder("(memory ");
        appendLimits(sb, m.limits());
        if (m.pageSizeLog2() != MemoryType.DEFAULT_PAGE_SIZE_LOG2) {
            sb.append(" (pagesize ").append(1L << m.pageSizeLog2()).append(')');
        }
        return sb.append(')').toString();
    }

    static String table(TableType t) {
        StringBuilder sb = new StringBuilder("(table ");
        appendLimits(sb, t.limits());
        return sb.append(' ').append(t.elementType()).append(')').toString();
    }

    static String global(GlobalType g) {
        return "(global " + (g.mutable() ? "(mut " + g.valType() + ")" : g.valType().toString()) + ")";
    }

    private static void appendLimits(StringBuilder sb, Limits l) {
        if (l.is64()) {
            sb.append("i64 ");
        }
        sb.append(Long.toUnsignedString(l.min()));
        if (l.hasMax()) {
            sb.append(" ").append(Long.toUnsignedString(l.max()));
        }
        if (l.shared()) {
            sb.append(" shared");
        }
    }

    private static void appendGroup(StringBuilder sb, String keyword, List<ValType> types) {
        if (types.isEmpty()) {
            return;
        }
        sb.append(" (").append(keyword);
        for (ValType t : types) {
            sb.append(' ').append(t);
        }
        sb.append(')');
    }
}
