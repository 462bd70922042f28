package dev.jwasm.core.model;

import java.util.List;

/**
 * The code of one defined function: its declared locals (expanded, parameters not included) and the
 * location of its instruction bytes inside {@link DecodedModule#bytes()}.
 *
 * @param codeStart offset of the first instruction
 * @param codeEnd offset just past the final {@code end} opcode
 */
public record FunctionBody(List<ValType> locals, int codeStart, int codeEnd) {
    public FunctionBody {
        locals = List.copyOf(locals);
    }
}
