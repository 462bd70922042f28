package dev.jwasm.core.model;

/**
 * A memory type.
 *
 * @param pageSizeLog2 log2 of the page size: 16 (64 KiB) unless the custom-page-sizes proposal sets it
 */
public record MemoryType(Limits limits, int pageSizeLog2) implements ExternType {
    public static final int DEFAULT_PAGE_SIZE_LOG2 = 16;

    public MemoryType(Limits limits) {
        this(limits, DEFAULT_PAGE_SIZE_LOG2);
    }

    public boolean is64() {
        return limits.is64();
    }

    /** The address (index) type: {@link ValType#I64} for memory64, else {@link ValType#I32}. */
    public ValType addressType() {
        return limits.is64() ? ValType.I64 : ValType.I32;
    }
}
