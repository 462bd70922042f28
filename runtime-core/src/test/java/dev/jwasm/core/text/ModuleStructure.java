package dev.jwasm.core.text;

import dev.jwasm.core.binary.ModuleDecoder;
import dev.jwasm.core.model.ConstExpr;
import dev.jwasm.core.model.DataSegment;
import dev.jwasm.core.model.DecodedModule;
import dev.jwasm.core.model.ElementSegment;
import dev.jwasm.core.model.FunctionBody;
import dev.jwasm.core.model.GlobalDef;
import dev.jwasm.core.model.SubType;
import dev.jwasm.core.model.TableDef;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * A decoded module flattened to one comparable line per entity ("type[0] ...", "code[2] ..."), leaving out
 * what legitimately differs between two encoders: custom sections and byte offsets into the file.
 */
final class ModuleStructure {
    private static final HexFormat HEX = HexFormat.of();

    private ModuleStructure() {
    }

    /** Decodes {@code wasm} and describes it; decoding errors propagate. */
    static List<String> of(byte[] wasm) {
        return describe(ModuleDecoder.decode(wasm));
    }

    static List<String> describe(DecodedModule m) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < m.types().size(); i++) {
            out.add("type[" + i + "] " + type(m.types().get(i)));
        }
        for (int i = 0; i < m.imports().size(); i++) {
            out.add("import[" + i + "] " + m.imports().get(i));
        }
        int[] funcs = m.functionTypeIndices();
        for (int i = 0; i < funcs.length; i++) {
            out.add("func[" + i + "] type " + funcs[i]);
        }
        for (int i = 0; i < m.tables().size(); i++) {
            TableDef t = m.tables().get(i);
            out.add("table[" + i + "] " + t.type() + " init " + expr(t.init()));
        }
        for (int i = 0; i < m.memories().size(); i++) {
            out.add("memory[" + i + "] " + m.memories().get(i));
        }
        for (int i = 0; i < m.globals().size(); i++) {
            GlobalDef g = m.globals().get(i);
            out.add("global[" + i + "] " + g.type() + " init " + expr(g.init()));
        }
        for (int i = 0; i < m.tags().size(); i++) {
            out.add("tag[" + i + "] " + m.tags().get(i));
        }
        for (int i = 0; i < m.exports().size(); i++) {
            out.add("export[" + i + "] " + m.exports().get(i));
        }
        if (m.startFunction() >= 0) {
            out.add("start " + m.startFunction());
        }
        for (int i = 0; i < m.elements().size(); i++) {
            out.add("elem[" + i + "] " + element(m.elements().get(i)));
        }
        if (m.dataCount() >= 0) {
            out.add("datacount " + m.dataCount());
        }
        for (int i = 0; i < m.datas().size(); i++) {
            out.add("data[" + i + "] " + data(m.datas().get(i)));
        }
        for (int i = 0; i < m.codes().size(); i++) {
            out.add("code[" + i + "] " + body(m.bytes(), m.codes().get(i)));
        }
        return out;
    }

    private static String type(SubType t) {
        return (t.isFinal() ? "final " : "open ") + "sub " + Arrays.toString(t.supertypes()) + " " + t.composite()
                + " rec " + t.recGroupStart() + "+" + t.recGroupSize();
    }

    private static String element(ElementSegment e) {
        StringBuilder sb = new StringBuilder(e.mode() + " " + e.type());
        if (e.offset() != null) {
            sb.append(" table ").append(e.table()).append(" offset ").append(expr(e.offset()));
        }
        sb.append(" inits");
        for (ConstExpr init : e.inits()) {
            sb.append(' ').append(expr(init));
        }
        return sb.toString();
    }

    private static String data(DataSegment d) {
        String placement = d.offset() == null ? "" : " memory " + d.memory() + " offset " + expr(d.offset());
        return d.mode() + placement + " bytes " + HEX.formatHex(d.bytes());
    }

    private static String body(byte[] bytes, FunctionBody b) {
        return "locals " + b.locals() + " code " + HEX.formatHex(bytes, b.codeStart(), b.codeEnd());
    }

    private static String expr(ConstExpr e) {
        return e == null ? "-" : HEX.formatHex(e.code());
    }
}
