package dev.jwasm.core.validate;

import dev.jwasm.core.model.FuncType;
import dev.jwasm.core.model.HeapType;
import dev.jwasm.core.model.TableType;
import dev.jwasm.core.model.ValType;
import java.util.List;

/** Typing rules of the control instructions (opcodes 0x00-0x1F), including tail calls and exceptions. */
final class ControlRules {
    static final int BLOCK = 0x02;
    static final int LOOP = 0x03;
    static final int IF = 0x04;
    static final int ELSE = 0x05;
    static final int TRY = 0x06;
    static final int CATCH = 0x07;
    static final int CATCH_ALL = 0x19;
    static final int TRY_TABLE = 0x1F;
    private static final ValType EXN_REF = ValType.ref(false, HeapType.EXN);

    private ControlRules() {
    }

    static void apply(CodeValidator v, int op) {
        switch (op) {
            case 0x00 -> v.setUnreachable();
            case 0x01 -> {
            }
            case BLOCK, LOOP, TRY -> block(v, op);
            case IF -> {
                FuncType bt = v.blockType();
                v.pop(ValType.I32);
                v.popAll(bt.params());
                v.pushCtrl(IF, bt.params(), bt.results());
            }
            case ELSE -> elseBranch(v);
            case 0x0B -> end(v);
            case 0x0C -> {
                v.popAll(v.labelTypes(v.labelFrame(v.r.index())));
                v.setUnreachable();
            }
            case 0x0D -> {
                int f = v.labelFrame(v.r.index());
                v.pop(ValType.I32);
                v.popAndRestore(v.labelTypes(f));
            }
            case 0x0E -> brTable(v);
            case 0x0F -> {
                v.popAll(v.funcType.results());
                v.setUnreachable();
            }
            case 0x10, 0x12 -> call(v, v.function(v.r.index()), op == 0x12);
            case 0x11, 0x13 -> callIndirect(v, op == 0x13);
            case 0x14, 0x15 -> callRef(v, op == 0x15);
            case 0x08 -> {
                v.popAll(v.tag(v.r.index()).params());
                v.setUnreachable();
            }
            case 0x09 -> rethrow(v);
            case 0x0A -> {
                v.pop(ValType.EXNREF);
                v.setUnreachable();
            }
            case CATCH, CATCH_ALL -> legacyCatch(v, op);
            case 0x18 -> delegate(v);
            case 0x1A -> v.pop();
            case 0x1B -> select(v);
            case 0x1C -> selectTyped(v);
            case TRY_TABLE -> tryTable(v);
            default -> throw v.error("illegal opcode " + Integer.toHexString(op));
        }
    }

    private static void block(CodeValidator v, int op) {
        FuncType bt = v.blockType();
        v.popAll(bt.params());
        v.pushCtrl(op, bt.params(), bt.results());
    }

    private static void elseBranch(CodeValidator v) {
        int f = v.csp - 1;
        if (v.frameKind(f) != IF) {
            throw v.error("else without if");
        }
        v.popCtrl();
        v.pushCtrl(ELSE, v.frameParams(f), v.frameResults(f));
    }

    private static void end(CodeValidator v) {
        int f = v.popCtrl();
        List<ValType> results = v.frameResults(f);
        if (v.frameKind(f) == IF && !v.types.isSubtype(v.frameParams(f), results)) {
            throw v.error("type mismatch");
        }
        if (v.csp > 0) {
            v.pushAll(results);
        }
    }

    private static void brTable(CodeValidator v) {
        int count = v.r.u32();
        v.pop(ValType.I32);
        int start = v.r.pos();
        for (int i = 0; i < count; i++) {
            v.r.index();
        }
        List<ValType> defaultTypes = v.labelTypes(v.labelFrame(v.r.index()));
        int after = v.r.pos();
        v.r.seek(start);
        int arity = defaultTypes.size();
        for (int i = 0; i < count; i++) {
            List<ValType> ts = v.labelTypes(v.labelFrame(v.r.index()));
            if (ts.size() != arity) {
                throw v.error("type mismatch");
            }
            v.popAndRestoreActual(ts);
        }
        v.r.seek(after);
        v.popAll(defaultTypes);
        v.setUnreachable();
    }

    private static void call(CodeValidator v, FuncType ft, boolean tail) {
        v.hasCalls = true;
        if (tail && !v.types.isSubtype(ft.results(), v.funcType.results())) {
            throw v.error("type mismatch");
        }
        v.popAll(ft.params());
        if (tail) {
            v.setUnreachable();
        } else {
            v.pushAll(ft.results());
        }
    }

    private static void callIndirect(CodeValidator v, boolean tail) {
        FuncType ft = v.funcTypeAt(v.r.index());
        TableType table = v.table(v.r.index());
        if (!v.types.isSubtype(table.elementType(), ValType.FUNCREF)) {
            throw v.error("type mismatch");
        }
        v.pop(table.addressType());
        call(v, ft, tail);
    }

    private static void callRef(CodeValidator v, boolean tail) {
        int x = v.r.index();
        FuncType ft = v.funcTypeAt(x);
        v.pop(v.types.ref(true, x));
        call(v, ft, tail);
    }

    private static void rethrow(CodeValidator v) {
        int f = v.labelFrame(v.r.index());
        int kind = v.frameKind(f);
        if (kind != CATCH && kind != CATCH_ALL) {
            throw v.error("invalid rethrow label");
        }
        v.setUnreachable();
    }

    private static void legacyCatch(CodeValidator v, int op) {
        int f = v.csp - 1;
        int kind = v.frameKind(f);
        if (kind != TRY && kind != CATCH) {
            throw v.error(op == CATCH ? "catch without try" : "catch_all without try");
        }
        List<ValType> tagParams = op == CATCH ? v.tag(v.r.index()).params() : CodeValidator.NONE;
        v.popCtrl();
        v.pushCtrl(op, tagParams, v.frameResults(f));
    }

    private static void delegate(CodeValidator v) {
        int f = v.csp - 1;
        if (v.frameKind(f) != TRY) {
            throw v.error("delegate without try");
        }
        int label = v.r.index();
        v.popCtrl();
        v.labelFrame(label);
        v.pushAll(v.frameResults(f));
    }

    private static void select(CodeValidator v) {
        v.pop(ValType.I32);
        ValType t1 = v.pop();
        ValType t2 = v.pop();
        if ((t1 != null && t1.isReference()) || (t2 != null && t2.isReference())) {
            throw v.error("type mismatch");
        }
        if (t1 != null && t2 != null && t1 != t2) {
            throw v.error("type mismatch");
        }
        v.push(t1 == null ? t2 : t1);
    }

    private static void selectTyped(CodeValidator v) {
        int n = v.r.u32();
        if (n != 1) {
            throw v.error("invalid result arity");
        }
        ValType t = v.r.valType();
        v.pop(ValType.I32);
        v.pop(t);
        v.pop(t);
        v.push(t);
    }

    private static void tryTable(CodeValidator v) {
        FuncType bt = v.blockType();
        int n = v.r.u32();
        for (int i = 0; i < n; i++) {
            int kind = v.r.u8();
            List<ValType> delivered = kind <= 1 ? v.tag(v.r.index()).params() : CodeValidator.NONE;
            boolean withRef = kind == 1 || kind == 3;
            if (kind > 3) {
                throw v.error("malformed catch clause");
            }
            List<ValType> label = v.labelTypes(v.labelFrame(v.r.index()));
            if (!catchMatches(v, delivered, withRef, label)) {
                throw v.error("type mismatch");
            }
        }
        v.popAll(bt.params());
        v.pushCtrl(TRY_TABLE, bt.params(), bt.results());
    }

    private static boolean catchMatches(CodeValidator v, List<ValType> delivered, boolean withRef,
            List<ValType> label) {
        int n = delivered.size();
        if (label.size() != n + (withRef ? 1 : 0)) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (!v.types.isSubtype(delivered.get(i), label.get(i))) {
                return false;
            }
        }
        return !withRef || v.types.isSubtype(EXN_REF, label.get(n));
    }
}
