package dev.jwasm.jit.emit;

import static org.objectweb.asm.Opcodes.*;

import dev.jwasm.core.model.Opcodes;
import dev.jwasm.jit.link.MemoryAccess;
import org.objectweb.asm.MethodVisitor;

/**
 * Memory, table and bulk instructions. Accesses to 32-bit memories pass the function's cached
 * {@code byte[]} to {@code MemoryAccess}; 64-bit memories and everything else go through the runtime
 * objects. Operands that the helpers take as unsigned longs are widened first.
 */
final class MemoryEmitter {
    private MemoryEmitter() {
    }

    /** Helper name, extra conversion after a load ('l' i2l), and the result kind, per opcode 0x28..0x35. */
    private static final String[] LOADS = {"i32Load", "i64Load", "i32Load", "i64Load", "load8S", "load8U", "load16S",
        "load16U", "load8S", "load8U", "load16S", "load16U", "i32Load", "load32U"};
    /** Helper name per store opcode 0x36..0x3E. */
    private static final String[] STORES = {"i32Store", "i64Store", "i32Store", "i64Store", "store8", "store16",
        "store8", "store16", "i32Store"};

    static void memory(FunctionEmitter e, int op) {
        if (op == 0x3F || op == 0x40) {
            sizeOrGrow(e, op, e.in.u32());
            return;
        }
        if (op < 0x28) {
            throw Immediates.unsupported(op);
        }
        int flags = e.in.u32();
        int mem = (flags & 0x40) != 0 ? e.in.u32() : 0;
        long offset = e.in.u64();
        if (op <= 0x35) {
            load(e, op, mem, offset);
        } else {
            store(e, op, mem, offset);
        }
    }

    private static char loadKind(int op) {
        return op == 0x2A ? 'F' : op == 0x2B ? 'D' : op == 0x28 || (op >= 0x2C && op <= 0x2F) ? 'I' : 'J';
    }

    private static char helperResult(String name) {
        return name.startsWith("i64") || name.equals("load32U") ? 'J' : 'I';
    }

    private static void load(FunctionEmitter e, int op, int mem, long offset) {
        MethodVisitor mv = e.mv;
        char addr = e.pop();
        String name = LOADS[op - 0x28];
        char ret = helperResult(name);
        if (e.memSlots[mem] >= 0) {
            mv.visitVarInsn(ALOAD, e.memSlots[mem]);
            access(e, name, "(I[B", ")" + ret, offset);
        } else {
            e.cls.memory(mv, mem);
            Ints.push(mv, offset);
            e.invokeStatic(Names.MA, "m64" + Character.toUpperCase(name.charAt(0)) + name.substring(1),
                    "(" + addr + Names.MEM_D + "J)" + ret);
        }
        char kind = loadKind(op);
        if (kind == 'J' && ret == 'I') {
            mv.visitInsn(I2L);
        } else if (kind == 'F') {
            e.invokeStatic("java/lang/Float", "intBitsToFloat", "(I)F");
        } else if (kind == 'D') {
            e.invokeStatic("java/lang/Double", "longBitsToDouble", "(J)D");
        }
        e.push(kind);
    }

    private static void store(FunctionEmitter e, int op, int mem, long offset) {
        MethodVisitor mv = e.mv;
        char value = e.pop();
        char addr = e.pop();
        String name = STORES[op - 0x36];
        char helperValue = name.startsWith("i64") ? 'J' : 'I';
        if (Kinds.unsettled(value)) {
            // An arithmetic result (NanCanonicaliser does not settle stored values): a 32-bit memory's helper
            // stores it and then overwrites a NaN; for others it is canonicalised first.
            if (e.memSlots[mem] >= 0) {
                mv.visitVarInsn(ALOAD, e.memSlots[mem]);
                access(e, value == 'f' ? "f32StoreSettling" : "f64StoreSettling", "(I" + Kinds.exact(value) + "[B",
                        ")V", offset);
                return;
            }
            NanCanonicaliser.canonicalOnStack(e, value);
            value = Kinds.exact(value);
        }
        if (value == 'J' && helperValue == 'I') {
            mv.visitInsn(L2I);
        } else if (value == 'F') {
            e.invokeStatic("java/lang/Float", "floatToRawIntBits", "(F)I");
        } else if (value == 'D') {
            e.invokeStatic("java/lang/Double", "doubleToRawLongBits", "(D)J");
        }
        if (e.memSlots[mem] >= 0) {
            mv.visitVarInsn(ALOAD, e.memSlots[mem]);
            access(e, name, "(I" + helperValue + "[B", ")V", offset);
        } else {
            e.cls.memory(mv, mem);
            Ints.push(mv, offset);
            e.invokeStatic(Names.MA, "m64" + Character.toUpperCase(name.charAt(0)) + name.substring(1),
                    "(" + addr + helperValue + Names.MEM_D + "J)V");
        }
    }

    /**
     * Calls a 32-bit memory's accessor, its operands and buffer on the stack: {@code name(..., m)} for offset
     * 0 and {@code nameAt(..., m, offset)} for offsets up to 2^31 - 1, in the class
     * {@link MemoryAccess#accessClassOf} names (small methods C2 inlines even at cold call sites); a larger
     * offset can never be in bounds, and {@link Names#MA}'s {@code offsetTooLarge} stub for the same operands
     * traps.
     */
    private static void access(FunctionEmitter e, String name, String params, String ret, long offset) {
        if (offset > Integer.MAX_VALUE) {
            e.invokeStatic(Names.MA, ret.equals(")V") ? "offsetTooLarge" : "offsetTooLarge" + ret.charAt(1),
                    params + ret);
        } else if (offset == 0) {
            e.invokeStatic(MemoryAccess.accessClassOf(name), name, params + ret);
        } else {
            Ints.push(e.mv, (int) offset);
            e.invokeStatic(MemoryAccess.accessClassOf(name), name + "At", params + "I" + ret);
        }
    }

    private static boolean is64(FunctionEmitter e, int mem) {
        return e.module.allMemories().get(mem).is64();
    }

    private static void sizeOrGrow(FunctionEmitter e, int op, int mem) {
        MethodVisitor mv = e.mv;
        boolean is64 = is64(e, mem);
        if (op == 0x3F) {
            e.cls.memory(mv, mem);
            mv.visitMethodInsn(INVOKEVIRTUAL, Names.MEM, "pages", "()J", false);
            if (!is64) {
                mv.visitInsn(L2I);
            }
            e.push(is64 ? 'J' : 'I');
            return;
        }
        e.cls.memory(mv, mem);
        if (is64) {
            e.invokeStatic(Names.MA, "grow64", "(J" + Names.MEM_D + ")J");
        } else {
            e.invokeStatic(Names.MA, "grow32", "(I" + Names.MEM_D + ")I");
        }
        e.reloadMemories();
    }

    /** table.get and table.set. */
    static void tableAccess(FunctionEmitter e, int op, int table) {
        MethodVisitor mv = e.mv;
        if (op == Opcodes.TABLE_GET) {
            e.widenTop(1);
            e.pop();
            e.cls.table(mv, table);
            e.rt("tableGet", "(J" + Names.TABLE_D + ")" + Names.OBJ_D);
            e.push('A');
        } else {
            e.widenTop(2);
            e.height -= 2;
            e.cls.table(mv, table);
            e.rt("tableSet", "(J" + Names.OBJ_D + Names.TABLE_D + ")V");
        }
    }

    /** 0xFC 8..17: bulk memory and table instructions. */
    static void bulk(FunctionEmitter e, int sub) {
        MethodVisitor mv = e.mv;
        switch (sub) {
            case 8 -> {
                int data = e.in.u32();
                int mem = e.in.u32();
                threeLongs(e);
                e.cls.instance(mv);
                Ints.push(mv, data);
                e.cls.memory(mv, mem);
                e.invokeStatic(Names.MA, "init", "(JJJ" + Names.INST_D + "I" + Names.MEM_D + ")V");
            }
            case 9 -> {
                e.cls.instance(mv);
                Ints.push(mv, e.in.u32());
                e.invokeStatic(Names.MA, "dataDrop", "(" + Names.INST_D + "I)V");
            }
            case 10 -> {
                int dst = e.in.u32();
                int src = e.in.u32();
                threeLongs(e);
                e.cls.memory(mv, dst);
                e.cls.memory(mv, src);
                e.invokeStatic(Names.MA, "copy", "(JJJ" + Names.MEM_D + Names.MEM_D + ")V");
            }
            case 11 -> {
                int mem = e.in.u32();
                threeLongs(e);
                e.cls.memory(mv, mem);
                e.invokeStatic(Names.MA, "fill", "(JJJ" + Names.MEM_D + ")V");
            }
            default -> tableBulk(e, sub);
        }
    }

    private static void threeLongs(FunctionEmitter e) {
        e.widenTop(3);
        e.height -= 3;
    }

    private static void tableBulk(FunctionEmitter e, int sub) {
        MethodVisitor mv = e.mv;
        switch (sub) {
            case 12 -> {
                int elem = e.in.u32();
                int table = e.in.u32();
                threeLongs(e);
                e.cls.instance(mv);
                Ints.push(mv, elem);
                e.cls.table(mv, table);
                e.rt("tableInit", "(JJJ" + Names.INST_D + "I" + Names.TABLE_D + ")V");
            }
            case 13 -> {
                e.cls.instance(mv);
                Ints.push(mv, e.in.u32());
                e.rt("elemDrop", "(" + Names.INST_D + "I)V");
            }
            case 14 -> {
                int dst = e.in.u32();
                int src = e.in.u32();
                threeLongs(e);
                e.cls.table(mv, dst);
                e.cls.table(mv, src);
                e.rt("tableCopy", "(JJJ" + Names.TABLE_D + Names.TABLE_D + ")V");
            }
            case 15 -> {
                int table = e.in.u32();
                e.widenTop(1);
                e.height -= 2;
                e.cls.table(mv, table);
                e.rt("tableGrow", "(" + Names.OBJ_D + "J" + Names.TABLE_D + ")J");
                pushTableIndex(e, table);
            }
            case 16 -> {
                int table = e.in.u32();
                e.cls.table(mv, table);
                mv.visitMethodInsn(INVOKEVIRTUAL, Names.TABLE, "size", "()J", false);
                pushTableIndex(e, table);
            }
            case 17 -> {
                int table = e.in.u32();
                e.widenTop(3);
                e.height -= 3;
                e.cls.table(mv, table);
                e.rt("tableFill", "(J" + Names.OBJ_D + "J" + Names.TABLE_D + ")V");
            }
            default -> throw new Unsupported("instruction 0xfc " + sub + " is not compiled");
        }
    }

    private static void pushTableIndex(FunctionEmitter e, int table) {
        if (e.module.allTables().get(table).is64()) {
            e.push('J');
        } else {
            e.mv.visitInsn(L2I);
            e.push('I');
        }
    }
}
