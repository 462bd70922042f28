package dev.jwasm.core.runtime;

import dev.jwasm.api.Caller;
import dev.jwasm.api.Engine;
import dev.jwasm.api.Function;
import dev.jwasm.api.HostFunction;
import dev.jwasm.api.Memory;
import dev.jwasm.api.Value;
import dev.jwasm.core.model.FuncType;
import java.util.Optional;

/** A function implemented by the host. Guest calls box the arguments into {@link Value}s (host calls only). */
public final class HostFunctionInstance extends FunctionInstance {
    private final HostFunction impl;

    private HostFunctionInstance(FuncType type, HostFunction impl) {
        super(type);
        this.impl = impl;
    }

    public static Function create(FuncType type, HostFunction impl) {
        return new HostFunctionInstance(type, java.util.Objects.requireNonNull(impl));
    }

    @Override
    protected Engine engine() {
        return null;
    }

    @Override
    public Value[] call(Value... args) {
        Values.checkArgs(type.params(), args);
        return checkResults(impl.call(new CallerImpl(null), args));
    }

    @Override
    public void invokeFromWasm(ExecContext ctx, int fp, InstanceImpl caller) {
        Value[] args = Values.fromSlots(type.params(), ctx.stack, ctx.refs, fp);
        Value[] results = checkResults(impl.call(new CallerImpl(caller), args));
        ctx.ensureCapacity(fp + results.length + 1);
        Values.toSlots(results, ctx.stack, ctx.refs, fp);
    }

    private Value[] checkResults(Value[] results) {
        Value[] r = results == null ? new Value[0] : results;
        try {
            Values.checkArgs(type.results(), r);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("host function returned wrong results: " + e.getMessage(), e);
        }
        return r;
    }

    @Override
    public String toString() {
        return "host function " + type;
    }

    /** What a host function sees of its calling instance. */
    private record CallerImpl(InstanceImpl instance) implements Caller {
        @Override
        public Optional<Memory> memory() {
            if (instance == null) {
                return Optional.empty();
            }
            return instance.callerMemory();
        }
    }
}
