package dev.jwasm.core.text.wast;

import dev.jwasm.core.model.ValType;
import dev.jwasm.core.text.Numbers;
import dev.jwasm.core.text.SExpr;
import dev.jwasm.core.text.wast.ResultPattern.RefKind;
import java.util.ArrayList;
import java.util.List;

/** Parses the constants of {@code invoke} arguments and the patterns of {@code assert_return} results. */
final class WastValueParser {
    private static final String SIMD = "simd";

    private WastValueParser() {
    }

    /** An argument: a number constant, {@code ref.null}, {@code ref.extern N}, {@code ref.host N}. */
    static WastArg arg(SExpr e) {
        SExpr.Parens p = Forms.parens(e);
        String head = headOf(p);
        return switch (head) {
            case "i32.const", "i64.const", "f32.const", "f64.const" -> {
                ResultPattern.Num n = number(head, operand(p));
                yield new WastArg.Num(n.type(), n.bits());
            }
            case "v128.const" -> new WastArg.Unsupported(SIMD);
            case "ref.null" -> new WastArg.RefNull();
            case "ref.extern", "ref.host" -> new WastArg.HostRef(hostId(operand(p)));
            default -> throw Forms.error(p, "unknown argument " + head);
        };
    }

    /** An expected result, including {@code nan:canonical}, reference kinds and {@code either}. */
    static ResultPattern result(SExpr e) {
        SExpr.Parens p = Forms.parens(e);
        String head = headOf(p);
        return switch (head) {
            case "i32.const", "i64.const" -> number(head, operand(p));
            case "f32.const", "f64.const" -> floatPattern(head, operand(p));
            case "v128.const" -> new ResultPattern.Unsupported(SIMD);
            case "ref.null" -> new ResultPattern.RefNull();
            case "ref.extern" -> p.items().size() > 1
                    ? new ResultPattern.HostRef(hostId(operand(p)))
                    : new ResultPattern.NonNullRef(RefKind.EXTERN);
            case "ref.host" -> new ResultPattern.HostRef(hostId(operand(p)));
            case "either" -> either(p);
            default -> new ResultPattern.NonNullRef(refKind(p, head));
        };
    }

    private static ResultPattern either(SExpr.Parens p) {
        List<ResultPattern> alternatives = new ArrayList<>();
        for (int i = 1; i < p.items().size(); i++) {
            alternatives.add(result(p.items().get(i)));
        }
        return new ResultPattern.Either(alternatives);
    }

    private static RefKind refKind(SExpr.Parens p, String head) {
        return switch (head) {
            case "ref" -> RefKind.ANY_NON_NULL;
            case "ref.func" -> RefKind.FUNC;
            case "ref.any" -> RefKind.ANY;
            case "ref.eq" -> RefKind.EQ;
            case "ref.i31" -> RefKind.I31;
            case "ref.struct" -> RefKind.STRUCT;
            case "ref.array" -> RefKind.ARRAY;
            case "ref.exn" -> RefKind.EXN;
            default -> throw Forms.error(p, "unknown result " + head);
        };
    }

    private static ResultPattern floatPattern(String head, SExpr.Atom operand) {
        ValType type = head.startsWith("f32") ? ValType.F32 : ValType.F64;
        return switch (operand.text()) {
            case "nan:canonical" -> new ResultPattern.CanonicalNan(type);
            case "nan:arithmetic" -> new ResultPattern.ArithmeticNan(type);
            default -> number(head, operand);
        };
    }

    private static ResultPattern.Num number(String head, SExpr.Atom operand) {
        String text = operand.text();
        try {
            return switch (head) {
                case "i32.const" -> new ResultPattern.Num(ValType.I32, Numbers.parseI32(text) & 0xFFFF_FFFFL);
                case "i64.const" -> new ResultPattern.Num(ValType.I64, Numbers.parseI64(text));
                case "f32.const" -> new ResultPattern.Num(ValType.F32, Numbers.parseF32Bits(text) & 0xFFFF_FFFFL);
                default -> new ResultPattern.Num(ValType.F64, Numbers.parseF64Bits(text));
            };
        } catch (NumberFormatException ex) {
            throw Forms.error(operand, "bad constant " + text + ": " + ex.getMessage());
        }
    }

    private static long hostId(SExpr.Atom operand) {
        try {
            return Numbers.parseUnsigned(operand.text(), 64);
        } catch (NumberFormatException ex) {
            throw Forms.error(operand, "bad host reference " + operand.text());
        }
    }

    private static String headOf(SExpr.Parens p) {
        String head = Forms.head(p);
        if (head == null) {
            throw Forms.error(p, "expected a constant");
        }
        return head;
    }

    /** The single token after the head, as in {@code (i32.const 7)}. */
    private static SExpr.Atom operand(SExpr.Parens p) {
        if (p.items().size() != 2) {
            throw Forms.error(p, "expected exactly one operand");
        }
        return Forms.atom(p.items().get(1));
    }
}
