package dev.jwasm.jit.emit;

import static org.objectweb.asm.Opcodes.*;

import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;

/**
 * Numeric instructions (0x45..0xC4 and the saturating truncations). Integer arithmetic that the JVM does
 * exactly like wasm is emitted inline; division and trapping conversions call the shared
 * {@code dev.jwasm.core.numeric} methods. Float arithmetic and comparisons are JVM float/double instructions
 * (or {@code Math} intrinsics); their results are unsettled (see {@link NanCanonicaliser}), and the sign
 * operations work on the bits ({@code FloatOps}), so both tiers produce bit-identical results.
 */
final class NumericEmitter {
    private static final String I32OPS = "dev/jwasm/core/numeric/I32Ops";
    private static final String I64OPS = "dev/jwasm/core/numeric/I64Ops";
    private static final String FLOAT_OPS = "dev/jwasm/jit/link/FloatOps";
    private static final String MATH = "java/lang/Math";
    private static final String CONV = "dev/jwasm/core/numeric/Conversions";

    private NumericEmitter() {
    }

    static void numeric(FunctionEmitter e, int op) {
        if (op <= 0x5A) {
            integerCompare(e, op);
        } else if (op <= 0x66) {
            floatCompare(e, op);
        } else if (op <= 0x78) {
            i32Arith(e, op);
        } else if (op <= 0x8A) {
            i64Arith(e, op);
        } else if (op <= 0xA6) {
            floatArith(e, op);
        } else {
            conversion(e, op);
        }
    }

    /**
     * Leaves a comparison whose operands are on the stack as a pending conditional jump: the next
     * {@code if}, {@code br_if} or {@code select} jumps on it directly, anything else materialises 0/1.
     */
    private static void bool(FunctionEmitter e, int jumpOp) {
        e.pendingJump = jumpOp;
    }

    private static void integerCompare(FunctionEmitter e, int op) {
        MethodVisitor mv = e.mv;
        e.height -= op == 0x45 || op == 0x50 ? 1 : 2;
        Integer counted = e.in.pos() == e.guardedExit ? (Integer) e.guardedJump : e.loopExits.signed().get(e.in.pos());
        if (counted != null) {
            bool(e, counted); // a loop exit test a signed comparison decides the same way (CountedLoops)
            e.push('I');
            return;
        }
        switch (op) {
            case 0x45 -> bool(e, IFEQ);
            case 0x46 -> bool(e, IF_ICMPEQ);
            case 0x47 -> bool(e, IF_ICMPNE);
            case 0x48 -> bool(e, IF_ICMPLT);
            case 0x49 -> unsignedI32(e, IFLT);
            case 0x4A -> bool(e, IF_ICMPGT);
            case 0x4B -> unsignedI32(e, IFGT);
            case 0x4C -> bool(e, IF_ICMPLE);
            case 0x4D -> unsignedI32(e, IFLE);
            case 0x4E -> bool(e, IF_ICMPGE);
            case 0x4F -> unsignedI32(e, IFGE);
            case 0x50 -> {
                mv.visitInsn(LCONST_0);
                mv.visitInsn(LCMP);
                bool(e, IFEQ);
            }
            default -> i64Compare(e, op);
        }
        e.push('I');
    }

    /**
     * An unsigned i32 comparison as a signed one of both operands with the sign bit flipped: the right one is
     * flipped, the two swapped, the left one flipped, and the jump reversed for the swapped order.
     */
    private static void unsignedI32(FunctionEmitter e, int jumpOp) {
        MethodVisitor mv = e.mv;
        mv.visitLdcInsn(Integer.MIN_VALUE);
        mv.visitInsn(IXOR);
        mv.visitInsn(SWAP);
        mv.visitLdcInsn(Integer.MIN_VALUE);
        mv.visitInsn(IXOR);
        bool(e, switch (jumpOp) {
            case IFLT -> IF_ICMPGT;
            case IFGT -> IF_ICMPLT;
            case IFLE -> IF_ICMPGE;
            default -> IF_ICMPLE;
        });
    }

    private static void i64Compare(FunctionEmitter e, int op) {
        boolean unsigned = op == 0x54 || op == 0x56 || op == 0x58 || op == 0x5A;
        if (unsigned) {
            e.invokeStatic("java/lang/Long", "compareUnsigned", "(JJ)I");
        } else {
            e.mv.visitInsn(LCMP);
        }
        int jump = switch (op) {
            case 0x51 -> IFEQ;
            case 0x52 -> IFNE;
            case 0x53, 0x54 -> IFLT;
            case 0x55, 0x56 -> IFGT;
            case 0x57, 0x58 -> IFLE;
            default -> IFGE;
        };
        bool(e, jump);
    }

    /**
     * eq, ne, lt, gt, le, ge: the jump taken on the {@code fcmp}/{@code dcmp} result when true. The
     * {@code g} variant (NaN gives 1) is used for lt and le, {@code l} (NaN gives -1) for the others, so an
     * unordered comparison is false except for ne, as in wasm.
     */
    private static final int[] CMP_JUMPS = {IFEQ, IFNE, IFLT, IFGT, IFLE, IFGE};

    private static void floatCompare(FunctionEmitter e, int op) {
        e.height -= 2;
        boolean f32 = op <= 0x60;
        int i = op - (f32 ? 0x5B : 0x61);
        boolean nanIsGreater = i == 2 || i == 4;
        if (f32) {
            e.mv.visitInsn(nanIsGreater ? FCMPG : FCMPL);
        } else {
            e.mv.visitInsn(nanIsGreater ? DCMPG : DCMPL);
        }
        bool(e, CMP_JUMPS[i]);
        e.push('I');
    }

    private static void i32Arith(FunctionEmitter e, int op) {
        MethodVisitor mv = e.mv;
        if (op <= 0x69) {
            String name = op == 0x67 ? "numberOfLeadingZeros" : op == 0x68 ? "numberOfTrailingZeros" : "bitCount";
            e.invokeStatic("java/lang/Integer", name, "(I)I");
            return;
        }
        e.height--;
        switch (op) {
            case 0x6A -> mv.visitInsn(IADD);
            case 0x6B -> mv.visitInsn(ISUB);
            case 0x6C -> mv.visitInsn(IMUL);
            case 0x6D -> e.invokeStatic(I32OPS, "divS", "(II)I");
            case 0x6E -> e.invokeStatic(I32OPS, "divU", "(II)I");
            case 0x6F -> e.invokeStatic(I32OPS, "remS", "(II)I");
            case 0x70 -> e.invokeStatic(I32OPS, "remU", "(II)I");
            case 0x71 -> mv.visitInsn(IAND);
            case 0x72 -> mv.visitInsn(IOR);
            case 0x73 -> mv.visitInsn(IXOR);
            case 0x74 -> mv.visitInsn(ISHL);
            case 0x75 -> mv.visitInsn(ISHR);
            case 0x76 -> mv.visitInsn(IUSHR);
            case 0x77 -> e.invokeStatic("java/lang/Integer", "rotateLeft", "(II)I");
            default -> e.invokeStatic("java/lang/Integer", "rotateRight", "(II)I");
        }
    }

    private static void i64Arith(FunctionEmitter e, int op) {
        MethodVisitor mv = e.mv;
        if (op <= 0x7B) {
            String name = op == 0x79 ? "numberOfLeadingZeros" : op == 0x7A ? "numberOfTrailingZeros" : "bitCount";
            e.invokeStatic("java/lang/Long", name, "(J)I");
            mv.visitInsn(I2L);
            return;
        }
        e.height--;
        switch (op) {
            case 0x7C -> mv.visitInsn(LADD);
            case 0x7D -> mv.visitInsn(LSUB);
            case 0x7E -> mv.visitInsn(LMUL);
            case 0x7F -> e.invokeStatic(I64OPS, "divS", "(JJ)J");
            case 0x80 -> e.invokeStatic(I64OPS, "divU", "(JJ)J");
            case 0x81 -> e.invokeStatic(I64OPS, "remS", "(JJ)J");
            case 0x82 -> e.invokeStatic(I64OPS, "remU", "(JJ)J");
            case 0x83 -> mv.visitInsn(LAND);
            case 0x84 -> mv.visitInsn(LOR);
            case 0x85 -> mv.visitInsn(LXOR);
            case 0x86 -> shift(mv, LSHL);
            case 0x87 -> shift(mv, LSHR);
            case 0x88 -> shift(mv, LUSHR);
            case 0x89 -> {
                mv.visitInsn(L2I);
                e.invokeStatic("java/lang/Long", "rotateLeft", "(JI)J");
            }
            default -> {
                mv.visitInsn(L2I);
                e.invokeStatic("java/lang/Long", "rotateRight", "(JI)J");
            }
        }
    }

    private static void shift(MethodVisitor mv, int op) {
        mv.visitInsn(L2I);
        mv.visitInsn(op);
    }

    /** Unary operations after abs and neg: ceil, floor, trunc, nearest, sqrt. */
    private static final String[] ROUNDING = {"ceil", "floor", "trunc", "nearest", "sqrt"};

    private static void floatArith(FunctionEmitter e, int op) {
        MethodVisitor mv = e.mv;
        boolean f32 = op <= 0x98;
        int i = op - (f32 ? 0x8B : 0x99);
        String d = f32 ? "F" : "D";
        char k = f32 ? 'F' : 'D';
        if (i < 2) {
            // abs, neg: on the (settled) bits, so a NaN keeps its payload
            e.invokeStatic(FLOAT_OPS, i == 0 ? "abs" : "neg", "(" + d + ")" + d);
            e.pop();
            e.push(k);
            return;
        }
        if (i < 7) {
            String name = ROUNDING[i - 2];
            if (f32 || name.equals("trunc")) {
                e.invokeStatic(FLOAT_OPS, name, "(" + d + ")" + d);
            } else {
                e.invokeStatic(MATH, name.equals("nearest") ? "rint" : name, "(D)D");
            }
            e.pop();
            e.push(Kinds.unsettledOf(k));
            return;
        }
        e.height -= 2;
        switch (i) {
            case 7 -> mv.visitInsn(f32 ? FADD : DADD);
            case 8 -> mv.visitInsn(f32 ? FSUB : DSUB);
            case 9 -> mv.visitInsn(f32 ? FMUL : DMUL);
            case 10 -> mv.visitInsn(f32 ? FDIV : DDIV);
            // Math.min/max: NaN if either operand is, and -0 below +0, as in wasm
            case 11 -> e.invokeStatic(MATH, "min", "(" + d + d + ")" + d);
            case 12 -> e.invokeStatic(MATH, "max", "(" + d + d + ")" + d);
            default -> {
                e.invokeStatic(FLOAT_OPS, "copysign", "(" + d + d + ")" + d);
                e.push(k);
                return;
            }
        }
        e.push(Kinds.unsettledOf(k));
    }

    private static void conversion(FunctionEmitter e, int op) {
        MethodVisitor mv = e.mv;
        e.pop();
        char result;
        switch (op) {
            case 0xA7 -> {
                mv.visitInsn(L2I);
                result = 'I';
            }
            case 0xA8, 0xA9 -> {
                mv.visitInsn(F2D);
                e.invokeStatic(CONV, op == 0xA8 ? "i32TruncS" : "i32TruncU", "(D)I");
                result = 'I';
            }
            case 0xAA, 0xAB -> {
                e.invokeStatic(CONV, op == 0xAA ? "i32TruncS" : "i32TruncU", "(D)I");
                result = 'I';
            }
            case 0xAC -> {
                mv.visitInsn(I2L);
                result = 'J';
            }
            case 0xAD -> {
                mv.visitInsn(I2L);
                mv.visitLdcInsn(0xFFFF_FFFFL);
                mv.visitInsn(LAND);
                result = 'J';
            }
            case 0xAE, 0xAF -> {
                mv.visitInsn(F2D);
                e.invokeStatic(CONV, op == 0xAE ? "i64TruncS" : "i64TruncU", "(D)J");
                result = 'J';
            }
            case 0xB0, 0xB1 -> {
                e.invokeStatic(CONV, op == 0xB0 ? "i64TruncS" : "i64TruncU", "(D)J");
                result = 'J';
            }
            default -> result = toFloatOrReinterpret(e, op);
        }
        e.push(result);
    }

    /** Conversions to floats, promote and demote (all unsettled), reinterpretations (exact). */
    private static char toFloatOrReinterpret(FunctionEmitter e, int op) {
        MethodVisitor mv = e.mv;
        switch (op) {
            case 0xB2 -> mv.visitInsn(I2F);
            case 0xB3 -> e.invokeStatic(CONV, "f32ConvertI32U", "(I)F");
            case 0xB4 -> mv.visitInsn(L2F);
            case 0xB5 -> e.invokeStatic(CONV, "f32ConvertI64U", "(J)F");
            case 0xB6 -> {
                mv.visitInsn(D2F);
                return 'f';
            }
            case 0xB7 -> mv.visitInsn(I2D);
            case 0xB8 -> e.invokeStatic(CONV, "f64ConvertI32U", "(I)D");
            case 0xB9 -> mv.visitInsn(L2D);
            case 0xBA -> e.invokeStatic(CONV, "f64ConvertI64U", "(J)D");
            case 0xBB -> {
                mv.visitInsn(F2D);
                return 'd';
            }
            case 0xBC -> {
                e.invokeStatic("java/lang/Float", "floatToRawIntBits", "(F)I");
                return 'I';
            }
            case 0xBD -> {
                e.invokeStatic("java/lang/Double", "doubleToRawLongBits", "(D)J");
                return 'J';
            }
            case 0xBE -> {
                e.invokeStatic("java/lang/Float", "intBitsToFloat", "(I)F");
                return 'F';
            }
            case 0xBF -> {
                e.invokeStatic("java/lang/Double", "longBitsToDouble", "(J)D");
                return 'D';
            }
            default -> {
                return extend(mv, op);
            }
        }
        // never NaN, so trivially unsettled (lazy locals may take them)
        return op <= 0xB5 ? 'f' : 'd';
    }

    private static char extend(MethodVisitor mv, int op) {
        switch (op) {
            case 0xC0 -> mv.visitInsn(I2B);
            case 0xC1 -> mv.visitInsn(I2S);
            default -> {
                mv.visitInsn(L2I);
                if (op == 0xC2) {
                    mv.visitInsn(I2B);
                } else if (op == 0xC3) {
                    mv.visitInsn(I2S);
                }
                mv.visitInsn(I2L);
                return 'J';
            }
        }
        return 'I';
    }

    /** The saturating truncations, 0xFC 0..7. */
    static void truncSat(FunctionEmitter e, int sub) {
        e.pop();
        if (sub == 0 || sub == 1 || sub == 4 || sub == 5) {
            e.mv.visitInsn(F2D);
        }
        String name = (sub < 4 ? "i32" : "i64") + "TruncSat" + (sub % 2 == 0 ? "S" : "U");
        e.invokeStatic(CONV, name, sub < 4 ? "(D)I" : "(D)J");
        e.push(sub < 4 ? 'I' : 'J');
    }
}
