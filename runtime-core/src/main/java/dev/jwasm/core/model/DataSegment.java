package dev.jwasm.core.model;

/**
 * A data segment.
 *
 * @param memory memory index for active segments, else 0
 * @param offset offset expression for active segments, else null
 * @param bytes the segment's bytes (not copied: the module is immutable, do not modify)
 */
public record DataSegment(SegmentMode mode, int memory, ConstExpr offset, byte[] bytes) {
}
