package dev.jwasm.core.interp;

/**
 * Integer comparisons as 0/1 computed without branches, for the dispatch loop. A branch there has one
 * profile shared by every wasm instruction of its kind; when a program's first phase only ever takes one
 * side, C2 compiles the other side as an uncommon trap, and the first later use throws the whole compiled
 * loop away (a recompile of {@link Interpreter}'s large loop costs about half a second of CPU). Arithmetic
 * has no profile to go stale.
 */
final class Cmp {
    private Cmp() {
    }

    /** 1 when {@code x == 0}. */
    static int eqz(int x) {
        return ((x | -x) >>> 31) ^ 1;
    }

    /** 1 when {@code x != 0}. */
    static int nez(int x) {
        return (x | -x) >>> 31;
    }

    static int eq(int a, int b) {
        return eqz(a ^ b);
    }

    static int ne(int a, int b) {
        return nez(a ^ b);
    }

    static int ltS(int a, int b) {
        return (int) (((long) a - b) >>> 63);
    }

    static int ltU(int a, int b) {
        return (int) (((a & 0xFFFF_FFFFL) - (b & 0xFFFF_FFFFL)) >>> 63);
    }

    /** 1 when {@code x == 0}. */
    static int eqz(long x) {
        return (int) (((x | -x) >>> 63) ^ 1);
    }

    static int eq(long a, long b) {
        return eqz(a ^ b);
    }

    static int ne(long a, long b) {
        return eqz(a ^ b) ^ 1;
    }

    static int ltS(long a, long b) {
        long d = a - b;
        // The sign of the exact difference: d's sign, flipped when the subtraction overflowed.
        return (int) ((d ^ ((a ^ b) & (d ^ a))) >>> 63);
    }

    static int ltU(long a, long b) {
        return ltS(a ^ Long.MIN_VALUE, b ^ Long.MIN_VALUE);
    }

    /** {@code bit} (0 or 1) ? {@code ifOne} : {@code ifZero}, without a branch. */
    static int select(int bit, int ifOne, int ifZero) {
        return ifZero + ((ifOne - ifZero) & -bit);
    }
}
