package dev.jwasm.core.binary;

import dev.jwasm.core.model.FunctionBody;
import dev.jwasm.core.model.ValType;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the code section (id 10): for every function its size, compressed local declarations and body. The
 * body is scanned instruction by instruction so malformed code is reported while decoding.
 */
final class CodeSectionReader {
    /** Most locals a function may declare (wasmtime's limit); checked before any list is built. */
    static final int MAX_LOCALS = 50_000;

    private CodeSectionReader() {
    }

    static void read(ByteReader r, ModuleParts m) {
        int n = r.count();
        m.hasCode = true;
        for (int i = 0; i < n; i++) {
            m.codes.add(function(r, m));
        }
    }

    private static FunctionBody function(ByteReader r, ModuleParts m) {
        int size = r.length();
        int start = r.position();
        List<ValType> locals = locals(r);
        int codeStart = r.position();
        m.codeUsesDataIndex |= ExpressionScanner.scan(r);
        if (r.position() != start + size) {
            throw r.errorAt("section size mismatch", start);
        }
        return new FunctionBody(locals, codeStart, r.position());
    }

    private static List<ValType> locals(ByteReader r) {
        int at = r.position();
        int groups = r.count();
        long[] counts = new long[r.capacityFor(groups)];
        ValType[] types = new ValType[counts.length];
        long total = 0;
        for (int g = 0; g < groups; g++) {
            if (g == counts.length) {
                throw r.error(ByteReader.UNEXPECTED_END); // more groups declared than bytes left
            }
            counts[g] = r.u32();
            total += counts[g];
            if (total > MAX_LOCALS) {
                throw r.errorAt("too many locals", at);
            }
            types[g] = TypeReader.valType(r);
        }
        List<ValType> locals = new ArrayList<>((int) total);
        for (int g = 0; g < counts.length; g++) {
            for (long k = 0; k < counts[g]; k++) {
                locals.add(types[g]);
            }
        }
        return locals;
    }
}
