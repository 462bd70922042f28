package dev.jwasm.core.text.wast;

import dev.jwasm.core.model.ValType;

/** A constant argument of an {@code invoke}. */
public sealed interface WastArg {
    /** {@code (i32.const N)} and friends: a number of {@code type} held as raw bits. */
    record Num(ValType type, long bits) implements WastArg {
    }

    /** {@code (ref.null ht)}: a null reference (its type comes from the parameter it is passed to). */
    record RefNull() implements WastArg {
    }

    /** {@code (ref.extern N)} or {@code (ref.host N)}: the host object number {@code id}. */
    record HostRef(long id) implements WastArg {
    }

    /** A value of a feature the runner does not support yet, for example {@code (v128.const ...)}. */
    record Unsupported(String feature) implements WastArg {
    }
}
