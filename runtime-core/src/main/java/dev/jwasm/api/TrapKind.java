package dev.jwasm.api;

/**
 * Why a guest stopped. Each constant carries the specification's wording, which starts every
 * {@link WasmTrap} message.
 */
public enum TrapKind {
    UNREACHABLE("unreachable"),
    INTEGER_DIVIDE_BY_ZERO("integer divide by zero"),
    INTEGER_OVERFLOW("integer overflow"),
    INVALID_CONVERSION_TO_INTEGER("invalid conversion to integer"),
    OUT_OF_BOUNDS_MEMORY_ACCESS("out of bounds memory access"),
    OUT_OF_BOUNDS_TABLE_ACCESS("out of bounds table access"),
    OUT_OF_BOUNDS_DATA_ACCESS("out of bounds memory access"),
    INDIRECT_CALL_TYPE_MISMATCH("indirect call type mismatch"),
    UNDEFINED_ELEMENT("undefined element"),
    UNINITIALIZED_ELEMENT("uninitialized element"),
    NULL_FUNCTION_REFERENCE("null function reference"),
    NULL_REFERENCE("null reference"),
    CAST_FAILURE("cast failure"),
    OUT_OF_BOUNDS_ARRAY_ACCESS("out of bounds array access"),
    NULL_STRUCTURE_REFERENCE("null structure reference"),
    NULL_ARRAY_REFERENCE("null array reference"),
    NULL_I31_REFERENCE("null i31 reference"),
    CALL_STACK_EXHAUSTED("call stack exhausted"),
    UNCAUGHT_EXCEPTION("uncaught exception"),
    /** The instruction budget given with {@code fuel} ran out. */
    FUEL_EXHAUSTED("all fuel consumed"),
    /** The wall-clock deadline given with {@code timeout} passed. */
    TIMEOUT("execution deadline exceeded"),
    /** A memory grow or allocation exceeded a limit set by the embedder. */
    MEMORY_LIMIT("memory limit exceeded"),
    /** The embedder interrupted execution. */
    INTERRUPTED("interrupted"),
    /** A host function failed with an exception that is not a WebAssembly error. */
    HOST_ERROR("host function failed");

    private final String message;

    TrapKind(String message) {
        this.message = message;
    }

    /** The specification's wording for this trap. */
    public String message() {
        return message;
    }
}
