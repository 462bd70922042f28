package dev.jwasm.core.runtime;

import dev.jwasm.api.Engine;
import dev.jwasm.core.model.FuncType;

/**
 * A function defined by a module, bound to its instance. Calls run {@link #entry}, the tier-up hook: it starts
 * as the lazily lowering interpreter and a faster tier may replace it at any time. {@link #callCount} and
 * {@link #backEdgeCount} are plain counters (racy by design: they only guide tier-up decisions).
 */
public final class WasmFunction extends FunctionInstance {
    public final InstanceImpl instance;
    /** Index in the module's function index space. */
    public final int index;
    /** Index among the module's defined functions (into {@code codes()}). */
    public final int definedIndex;
    /** The code every call runs; the tier-up hook. */
    public volatile FunctionCode entry;
    public int callCount;
    public int backEdgeCount;

    public WasmFunction(FuncType type, int typeId, InstanceImpl instance, int index, int definedIndex,
            FunctionCode entry) {
        super(type, typeId);
        this.instance = instance;
        this.index = index;
        this.definedIndex = definedIndex;
        this.entry = entry;
    }

    @Override
    public void invokeFromWasm(ExecContext ctx, int fp, InstanceImpl caller) {
        entry.invoke(ctx, this, fp);
    }

    @Override
    protected Engine engine() {
        return instance.engine();
    }

    /** The name for backtraces: from the name section, else {@code func[i]}. */
    public String displayName() {
        return instance.module().decoded().functionDisplayName(index);
    }

    @Override
    public String toString() {
        return "wasm function " + displayName() + " " + type;
    }
}
