package dev.jwasm.core.binary;

import dev.jwasm.core.model.FunctionBody;
import dev.jwasm.core.model.LocalTypes;
import dev.jwasm.core.model.ValType;

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
        for (int i = 0; i < n; i++) {
            m.codes.add(function(r, m));
        }
    }

    private static FunctionBody function(ByteReader r, ModuleParts m) {
        int size = r.length();
        int start = r.position();
        LocalTypes locals = locals(r);
        int codeStart = r.position();
        if (m.scanCode) {
            m.codeUsesDataIndex |= ExpressionScanner.scan(r);
        } else if (codeStart < start + size && start + size <= r.limit()) {
            r.position(start + size);
        }
        if (r.position() != start + size) {
            throw r.errorAt("section size mismatch", start);
        }
        return new FunctionBody(locals, codeStart, r.position());
    }

    private static LocalTypes locals(ByteReader r) {
        int at = r.position();
        int groups = r.count();
        int[] counts = new int[r.capacityFor(groups)];
        ValType[] types = new ValType[counts.length];
        long total = 0;
        for (int g = 0; g < groups; g++) {
            if (g == counts.length) {
                throw r.error(ByteReader.UNEXPECTED_END); // more groups declared than bytes left
            }
            long n = r.u32();
            total += n;
            if (total > MAX_LOCALS) {
                throw r.errorAt("too many locals", at);
            }
            counts[g] = (int) n;
            types[g] = TypeReader.valType(r);
        }
        return LocalTypes.of(counts, types);
    }
}
