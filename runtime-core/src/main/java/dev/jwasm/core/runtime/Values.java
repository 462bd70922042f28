package dev.jwasm.core.runtime;

import dev.jwasm.api.Value;
import dev.jwasm.core.model.HeapType;
import dev.jwasm.core.model.ValType;
import java.util.List;

/** Converts between API {@link Value}s and the engine's raw slots (bits in a long[], references in an Object[]). */
public final class Values {
    private Values() {
    }

    /** Whether {@code v} may be stored where {@code type} is expected. */
    public static boolean matches(Value v, ValType type) {
        if (v == null) {
            return false;
        }
        if (!type.isReference()) {
            return v.type().equals(type);
        }
        if (!v.type().isReference()) {
            return false;
        }
        Object ref = v.ref();
        if (ref == null) {
            return type.nullable();
        }
        HeapType.Kind k = type.heapType().kind();
        if (k == HeapType.Kind.FUNC || k == HeapType.Kind.CONCRETE) {
            return ref instanceof FunctionInstance;
        }
        return true;
    }

    /** Checks arguments against parameter types. @throws IllegalArgumentException on a mismatch */
    public static void checkArgs(List<ValType> params, Value[] args) {
        if (args == null || args.length != params.size()) {
            throw new IllegalArgumentException("expected " + params.size() + " arguments, got "
                    + (args == null ? 0 : args.length));
        }
        for (int i = 0; i < args.length; i++) {
            if (!matches(args[i], params.get(i))) {
                throw new IllegalArgumentException("argument " + i + ": expected " + params.get(i) + ", got "
                        + args[i]);
            }
        }
    }

    /** Writes {@code args} into slots starting at {@code base}. */
    public static void toSlots(Value[] args, long[] stack, Object[] refs, int base) {
        for (int i = 0; i < args.length; i++) {
            stack[base + i] = args[i].bits();
            refs[base + i] = args[i].ref();
        }
    }

    /** Reads values of {@code types} from slots starting at {@code base}. */
    public static Value[] fromSlots(List<ValType> types, long[] stack, Object[] refs, int base) {
        Value[] out = new Value[types.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = Value.fromRaw(types.get(i), stack[base + i], refs[base + i]);
        }
        return out;
    }
}
