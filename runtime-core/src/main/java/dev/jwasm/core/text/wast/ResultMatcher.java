package dev.jwasm.core.text.wast;

import dev.jwasm.api.Function;
import dev.jwasm.api.Value;
import dev.jwasm.core.model.ValType;
import java.util.List;
import java.util.Locale;

/** Checks returned values against {@code assert_return} patterns and describes both for messages. */
final class ResultMatcher {
    private static final long F32_PAYLOAD_MSB = 0x0040_0000L;
    private static final long F32_EXP_AND_PAYLOAD = 0x7FFF_FFFFL;
    private static final long F32_CANONICAL = 0x7FC0_0000L;
    private static final long F64_PAYLOAD_MSB = 0x0008_0000_0000_0000L;
    private static final long F64_EXP_AND_PAYLOAD = 0x7FFF_FFFF_FFFF_FFFFL;
    private static final long F64_CANONICAL = 0x7FF8_0000_0000_0000L;
    private static final long F32_EXP = 0x7F80_0000L;
    private static final long F64_EXP = 0x7FF0_0000_0000_0000L;

    private ResultMatcher() {
    }

    static boolean matches(ResultPattern pattern, Value v) {
        if (pattern instanceof ResultPattern.Num n) {
            return sameNumberType(n.type(), v) && v.bits() == n.bits();
        } else if (pattern instanceof ResultPattern.CanonicalNan c) {
            return sameNumberType(c.type(), v) && isCanonicalNan(c.type(), v.bits());
        } else if (pattern instanceof ResultPattern.ArithmeticNan a) {
            return sameNumberType(a.type(), v) && isArithmeticNan(a.type(), v.bits());
        } else if (pattern instanceof ResultPattern.RefNull) {
            return v.type().isReference() && v.ref() == null;
        } else if (pattern instanceof ResultPattern.HostRef h) {
            return v.type().isReference() && v.ref() instanceof HostObject o && o.id() == h.id();
        } else if (pattern instanceof ResultPattern.NonNullRef r) {
            return v.type().isReference() && v.ref() != null && isKind(r.kind(), v.ref());
        } else if (pattern instanceof ResultPattern.Either e) {
            return e.alternatives().stream().anyMatch(p -> matches(p, v));
        }
        return false;
    }

    /** Whether every value matches its pattern, and the counts agree. */
    static boolean matchesAll(List<ResultPattern> patterns, Value[] values) {
        if (patterns.size() != values.length) {
            return false;
        }
        for (int i = 0; i < values.length; i++) {
            if (!matches(patterns.get(i), values[i])) {
                return false;
            }
        }
        return true;
    }

    static boolean isCanonicalNan(ValType type, long bits) {
        return type.kind() == ValType.Kind.F32
                ? (bits & F32_EXP_AND_PAYLOAD) == F32_CANONICAL
                : (bits & F64_EXP_AND_PAYLOAD) == F64_CANONICAL;
    }

    static boolean isArithmeticNan(ValType type, long bits) {
        return type.kind() == ValType.Kind.F32
                ? (bits & F32_EXP) == F32_EXP && (bits & F32_PAYLOAD_MSB) != 0
                : (bits & F64_EXP) == F64_EXP && (bits & F64_PAYLOAD_MSB) != 0;
    }

    private static boolean sameNumberType(ValType expected, Value v) {
        return v.type().kind() == expected.kind();
    }

    /**
     * Whether a non-null reference is of the kind a pattern names. The runtime's Java classes for GC
     * objects are its own business, so struct, array and i31 are recognised by class name, and anything
     * that is neither a function nor a host object is accepted when the name says nothing.
     */
    private static boolean isKind(ResultPattern.RefKind kind, Object ref) {
        return switch (kind) {
            case ANY_NON_NULL, ANY, EXTERN -> true;
            case FUNC -> ref instanceof Function;
            case EXN -> !(ref instanceof Function) && !(ref instanceof HostObject);
            case EQ -> !(ref instanceof Function) && !(ref instanceof HostObject);
            case I31 -> gcKindMatches(ref, "i31");
            case STRUCT -> gcKindMatches(ref, "struct");
            case ARRAY -> gcKindMatches(ref, "array");
        };
    }

    private static boolean gcKindMatches(Object ref, String word) {
        if (ref instanceof Function || ref instanceof HostObject) {
            return false;
        }
        String name = ref.getClass().getSimpleName().toLowerCase(Locale.ROOT);
        boolean named = name.contains("i31") || name.contains("struct") || name.contains("array");
        return !named || name.contains(word);
    }

    static String describe(List<ResultPattern> patterns) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < patterns.size(); i++) {
            sb.append(i > 0 ? ", " : "").append(describe(patterns.get(i)));
        }
        return sb.append(']').toString();
    }

    static String describe(ResultPattern p) {
        if (p instanceof ResultPattern.Num n) {
            return Value.fromRaw(n.type(), n.bits(), null).toString();
        } else if (p instanceof ResultPattern.CanonicalNan c) {
            return c.type() + ":nan:canonical";
        } else if (p instanceof ResultPattern.ArithmeticNan a) {
            return a.type() + ":nan:arithmetic";
        } else if (p instanceof ResultPattern.RefNull) {
            return "ref.null";
        } else if (p instanceof ResultPattern.HostRef h) {
            return "ref.host " + h.id();
        } else if (p instanceof ResultPattern.NonNullRef r) {
            return "non-null " + r.kind().name().toLowerCase(Locale.ROOT) + " reference";
        } else if (p instanceof ResultPattern.Either e) {
            StringBuilder sb = new StringBuilder("either(");
            for (int i = 0; i < e.alternatives().size(); i++) {
                sb.append(i > 0 ? " | " : "").append(describe(e.alternatives().get(i)));
            }
            return sb.append(')').toString();
        }
        return p.toString();
    }

    static String describe(Value[] values) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < values.length; i++) {
            sb.append(i > 0 ? ", " : "").append(values[i]);
        }
        return sb.append(']').toString();
    }
}
