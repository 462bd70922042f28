package dev.jwasm.jit.emit;

import dev.jwasm.core.interp.CodeReader;
import dev.jwasm.core.model.Opcodes;

/**
 * Skips the immediates of instructions in unreachable code (which is not emitted) and names the
 * instructions the JIT leaves to the interpreter.
 */
final class Immediates {
    private Immediates() {
    }

    static Unsupported unsupported(int op) {
        String what = switch (op) {
            case Opcodes.PREFIX_SIMD -> "SIMD";
            case Opcodes.PREFIX_GC -> "GC";
            case Opcodes.PREFIX_ATOMIC -> "atomic";
            case Opcodes.RETURN_CALL, Opcodes.RETURN_CALL_INDIRECT, Opcodes.RETURN_CALL_REF -> "tail call";
            case Opcodes.TRY, Opcodes.CATCH, Opcodes.THROW, Opcodes.RETHROW, Opcodes.THROW_REF, Opcodes.DELEGATE,
                    Opcodes.CATCH_ALL, Opcodes.TRY_TABLE -> "exception handling";
            default -> String.format("opcode 0x%02x", op);
        };
        return new Unsupported(what + " instructions are not compiled");
    }

    static void skip(CodeReader in, int op) {
        if ((op >= 0x45 && op <= 0xC4) || op == 0x00 || op == 0x01 || op == 0x0F || op == 0x1A || op == 0x1B
                || op == 0xD1 || op == 0xD3 || op == 0xD4) {
            return;
        }
        switch (op) {
            case 0x0C, 0x0D, 0x10, 0x12, 0x14, 0x15, 0x20, 0x21, 0x22, 0x23, 0x24, 0x25, 0x26, 0x3F, 0x40, 0xD2, 0xD5, 0xD6 ->
                    in.u32();
            case 0x0E -> {
                int n = in.u32();
                for (int i = 0; i <= n; i++) {
                    in.u32();
                }
            }
            case 0x11, 0x13 -> {
                in.u32();
                in.u32();
            }
            case 0x1C -> {
                int n = in.u32();
                for (int i = 0; i < n; i++) {
                    in.skipValType();
                }
            }
            case 0x41, 0x42, 0xD0 -> in.s64();
            case 0x43 -> in.fixed32();
            case 0x44 -> in.fixed64();
            case Opcodes.PREFIX_MISC -> skipMisc(in, in.u32());
            default -> {
                if (op >= 0x28 && op <= 0x3E) {
                    int flags = in.u32();
                    if ((flags & 0x40) != 0) {
                        in.u32();
                    }
                    in.u64();
                } else {
                    throw unsupported(op);
                }
            }
        }
    }

    private static void skipMisc(CodeReader in, int sub) {
        switch (sub) {
            case 0, 1, 2, 3, 4, 5, 6, 7 -> {
            }
            case 8, 10, 12, 14 -> {
                in.u32();
                in.u32();
            }
            case 9, 11, 13, 15, 16, 17 -> in.u32();
            default -> throw new Unsupported("instruction 0xfc " + sub + " is not compiled");
        }
    }
}
