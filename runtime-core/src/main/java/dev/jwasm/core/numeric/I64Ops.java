package dev.jwasm.core.numeric;

/** The i64 instructions whose semantics are more than one Java operator. */
public final class I64Ops {
    private I64Ops() {
    }

    public static long divS(long a, long b) {
        if (b == 0) {
            throw Traps.divideByZero();
        }
        if (a == Long.MIN_VALUE && b == -1) {
            throw Traps.overflow();
        }
        return a / b;
    }

    public static long divU(long a, long b) {
        if (b == 0) {
            throw Traps.divideByZero();
        }
        return Long.divideUnsigned(a, b);
    }

    public static long remS(long a, long b) {
        if (b == 0) {
            throw Traps.divideByZero();
        }
        return a % b;
    }

    public static long remU(long a, long b) {
        if (b == 0) {
            throw Traps.divideByZero();
        }
        return Long.remainderUnsigned(a, b);
    }

    public static int ltU(long a, long b) {
        return Long.compareUnsigned(a, b) < 0 ? 1 : 0;
    }

    public static int gtU(long a, long b) {
        return Long.compareUnsigned(a, b) > 0 ? 1 : 0;
    }

    public static int leU(long a, long b) {
        return Long.compareUnsigned(a, b) <= 0 ? 1 : 0;
    }

    public static int geU(long a, long b) {
        return Long.compareUnsigned(a, b) >= 0 ? 1 : 0;
    }
}
