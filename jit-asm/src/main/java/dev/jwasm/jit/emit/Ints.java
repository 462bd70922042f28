package dev.jwasm.jit.emit;

import static org.objectweb.asm.Opcodes.*;

import org.objectweb.asm.MethodVisitor;

/**
 * Pushes constants with the shortest instruction, keeping methods small (HotSpot skips methods over 8000 bytes).
 * Float constants are given as their bits; a NaN is pushed as its bits converted at run time, so its payload
 * never passes through a float in the compiler.
 */
final class Ints {
    private Ints() {
    }

    static void push(MethodVisitor mv, int v) {
        if (v >= -1 && v <= 5) {
            mv.visitInsn(ICONST_0 + v);
        } else if (v >= Byte.MIN_VALUE && v <= Byte.MAX_VALUE) {
            mv.visitIntInsn(BIPUSH, v);
        } else if (v >= Short.MIN_VALUE && v <= Short.MAX_VALUE) {
            mv.visitIntInsn(SIPUSH, v);
        } else {
            mv.visitLdcInsn(v);
        }
    }

    static void push(MethodVisitor mv, long v) {
        if (v == 0 || v == 1) {
            mv.visitInsn(LCONST_0 + (int) v);
        } else {
            mv.visitLdcInsn(v);
        }
    }

    static void pushFloat(MethodVisitor mv, int bits) {
        float v = Float.intBitsToFloat(bits);
        if (v != v) {
            push(mv, bits);
            mv.visitMethodInsn(INVOKESTATIC, "java/lang/Float", "intBitsToFloat", "(I)F", false);
        } else if (bits == 0) {
            mv.visitInsn(FCONST_0);
        } else if (bits == Float.floatToRawIntBits(1f)) {
            mv.visitInsn(FCONST_1);
        } else if (bits == Float.floatToRawIntBits(2f)) {
            mv.visitInsn(FCONST_2);
        } else {
            mv.visitLdcInsn(v);
        }
    }

    static void pushDouble(MethodVisitor mv, long bits) {
        double v = Double.longBitsToDouble(bits);
        if (v != v) {
            push(mv, bits);
            mv.visitMethodInsn(INVOKESTATIC, "java/lang/Double", "longBitsToDouble", "(J)D", false);
        } else if (bits == 0) {
            mv.visitInsn(DCONST_0);
        } else if (bits == Double.doubleToRawLongBits(1d)) {
            mv.visitInsn(DCONST_1);
        } else {
            mv.visitLdcInsn(v);
        }
    }
}
