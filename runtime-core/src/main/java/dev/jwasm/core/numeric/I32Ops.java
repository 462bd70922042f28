package dev.jwasm.core.numeric;

/** The i32 instructions whose semantics are more than one Java operator. */
public final class I32Ops {
    private I32Ops() {
    }

    public static int divS(int a, int b) {
        if (b == 0) {
            throw Traps.divideByZero();
        }
        if (a == Integer.MIN_VALUE && b == -1) {
            throw Traps.overflow();
        }
        return a / b;
    }

    public static int divU(int a, int b) {
        if (b == 0) {
            throw Traps.divideByZero();
        }
        return Integer.divideUnsigned(a, b);
    }

    public static int remS(int a, int b) {
        if (b == 0) {
            throw Traps.divideByZero();
        }
        // MIN % -1 is 0 in Java as in wasm: no overflow trap for rem.
        return a % b;
    }

    public static int remU(int a, int b) {
        if (b == 0) {
            throw Traps.divideByZero();
        }
        return Integer.remainderUnsigned(a, b);
    }

    public static int ltU(int a, int b) {
        return Integer.compareUnsigned(a, b) < 0 ? 1 : 0;
    }

    public static int gtU(int a, int b) {
        return Integer.compareUnsigned(a, b) > 0 ? 1 : 0;
    }

    public static int leU(int a, int b) {
        return Integer.compareUnsigned(a, b) <= 0 ? 1 : 0;
    }

    public static int geU(int a, int b) {
        return Integer.compareUnsigned(a, b) >= 0 ? 1 : 0;
    }

    public static int bool(boolean b) {
        return b ? 1 : 0;
    }
}
