package dev.jwasm.core.text.wast;

import dev.jwasm.core.model.ValType;
import java.util.List;

/** An expected result of an {@code assert_return}. */
public sealed interface ResultPattern {
    /** A number with exactly these raw bits (NaN payloads included). */
    record Num(ValType type, long bits) implements ResultPattern {
    }

    /** {@code nan:canonical}: a NaN whose payload is exactly the canonical one, any sign. */
    record CanonicalNan(ValType type) implements ResultPattern {
    }

    /** {@code nan:arithmetic}: a NaN whose payload has the most significant bit set, any sign. */
    record ArithmeticNan(ValType type) implements ResultPattern {
    }

    /** {@code (ref.null)} or {@code (ref.null ht)}: the null reference. */
    record RefNull() implements ResultPattern {
    }

    /** {@code (ref.extern N)} or {@code (ref.host N)}: the host object number {@code id}. */
    record HostRef(long id) implements ResultPattern {
    }

    /** {@code (ref)}, {@code (ref.func)}, {@code (ref.struct)} ...: any non-null reference of that kind. */
    record NonNullRef(RefKind kind) implements ResultPattern {
    }

    /** {@code (either p1 p2 ...)}: any one of the alternatives. */
    record Either(List<ResultPattern> alternatives) implements ResultPattern {
        public Either {
            alternatives = List.copyOf(alternatives);
        }
    }

    /** A pattern of a feature the runner does not support yet, for example {@code (v128.const ...)}. */
    record Unsupported(String feature) implements ResultPattern {
    }

    /** The kinds of non-null reference a pattern can ask for. */
    enum RefKind {
        /** {@code (ref)}: any non-null reference. */
        ANY_NON_NULL,
        FUNC,
        EXTERN,
        ANY,
        EQ,
        I31,
        STRUCT,
        ARRAY,
        EXN
    }
}
