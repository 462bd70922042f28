package dev.jwasm.core.runtime;

import dev.jwasm.api.Function;
import dev.jwasm.api.TrapKind;
import dev.jwasm.api.Value;
import dev.jwasm.api.WasmTrap;
import dev.jwasm.core.model.FuncType;

/**
 * A function value: a defined wasm function or a host function. {@link #typeId} is the canonical id of its
 * type ({@link TypeRegistry}), so {@code call_indirect} checks a signature with one int compare.
 */
public abstract class FunctionInstance implements Function {
    protected final FuncType type;
    /** Canonical type id, see {@link TypeRegistry}. */
    public final int typeId;
    /** Internal: parameter and result counts, read by the tiers. */
    public final int paramCount;
    public final int resultCount;

    protected FunctionInstance(FuncType type) {
        this(type, TypeRegistry.idOf(type));
    }

    protected FunctionInstance(FuncType type, int typeId) {
        this.type = type;
        this.typeId = typeId;
        this.paramCount = type.params().size();
        this.resultCount = type.results().size();
    }

    @Override
    public FuncType type() {
        return type;
    }

    /**
     * Calls from guest code: arguments are in the context's slots at {@code fp}, results go there too.
     * {@code caller} is the calling instance.
     */
    public abstract void invokeFromWasm(ExecContext ctx, int fp, InstanceImpl caller);

    /** The engine limits that apply when the host calls this function directly. */
    protected abstract dev.jwasm.api.Engine engine();

    @Override
    public Value[] call(Value... args) {
        Values.checkArgs(type.params(), args);
        ExecContext ctx = new ExecContext(engine(), Math.max(args.length, resultCount) + 64);
        Values.toSlots(args, ctx.stack, ctx.refs, 0);
        try {
            invokeFromWasm(ctx, 0, null);
        } catch (StackOverflowError e) {
            throw ctx.withBacktrace(new WasmTrap(TrapKind.CALL_STACK_EXHAUSTED));
        } catch (WasmTrap t) {
            throw ctx.withBacktrace(t);
        } catch (IndexOutOfBoundsException e) {
            WasmTrap trap = BoundsChecks.asTrap(e);
            if (trap == null) {
                throw e;
            }
            throw ctx.withBacktrace(trap);
        }
        return Values.fromSlots(type.results(), ctx.stack, ctx.refs, 0);
    }
}
