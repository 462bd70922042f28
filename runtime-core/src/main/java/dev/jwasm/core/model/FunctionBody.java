package dev.jwasm.core.model;

import java.util.List;

/**
 * The code of one defined function: its declared locals (parameters not included; the decoder gives a
 * compact {@link LocalTypes}) and the location of its instruction bytes inside {@link DecodedModule#bytes()}.
 *
 * @param codeStart offset of the first instruction
 * @param codeEnd offset just past the final {@code end} opcode
 */
public record FunctionBody(List<ValType> locals, int codeStart, int codeEnd) {
    public FunctionBody {
        // LocalTypes is already immutable and compact; copying would expand its run-length groups.
        locals = locals instanceof LocalTypes ? locals : List.copyOf(locals);
    }
}
