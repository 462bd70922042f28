package dev.jwasm.core.model;

import java.util.List;

/**
 * An element segment. Every entry is a constant expression; a segment written with bare function indices
 * in the binary is decoded into {@code ref.func i} expressions.
 *
 * @param table table index for active segments, else 0
 * @param offset offset expression for active segments, else null
 */
public record ElementSegment(SegmentMode mode, ValType type, int table, ConstExpr offset, List<ConstExpr> inits) {
    public ElementSegment {
        inits = List.copyOf(inits);
    }
}
