package dev.jwasm.core.validate;

import dev.jwasm.core.model.GlobalType;
import dev.jwasm.core.model.TableType;
import dev.jwasm.core.model.ValType;

/** Typing rules of local, global and table access instructions (opcodes 0x20-0x26). */
final class VariableRules {
    private VariableRules() {
    }

    static void apply(CodeValidator v, int op) {
        switch (op) {
            case 0x20 -> {
                int x = v.r.index();
                ValType t = v.local(x);
                if (!v.isLocalSet(x)) {
                    throw v.error("uninitialized local");
                }
                v.push(t);
            }
            case 0x21, 0x22 -> {
                int x = v.r.index();
                ValType t = v.local(x);
                v.pop(t);
                v.markLocalSet(x);
                if (op == 0x22) {
                    v.push(t);
                }
            }
            case 0x23 -> v.push(v.global(v.r.index()).valType());
            case 0x24 -> {
                GlobalType g = v.global(v.r.index());
                if (!g.mutable()) {
                    throw v.error("immutable global");
                }
                v.pop(g.valType());
            }
            case 0x25 -> {
                TableType t = v.table(v.r.index());
                v.pop(t.addressType());
                v.push(t.elementType());
            }
            case 0x26 -> {
                TableType t = v.table(v.r.index());
                v.pop(t.elementType());
                v.pop(t.addressType());
            }
            default -> throw v.error("illegal opcode " + Integer.toHexString(op));
        }
    }
}
