package dev.jwasm.core.text.wast;

import dev.jwasm.api.Function;
import dev.jwasm.api.Instance;
import dev.jwasm.api.TrapKind;
import dev.jwasm.api.Value;
import dev.jwasm.api.WasmTrap;
import dev.jwasm.core.model.ValType;
import java.util.List;

/** Runs {@code invoke} / {@code get} actions and the assertions about their outcome. */
final class ActionCommands {
    private final ScriptState state;

    ActionCommands(ScriptState state) {
        this.state = state;
    }

    WastResult action(Reporter r, WastCommand.Action c) {
        WastResult result = actionOnce(r, c);
        Instance target = state.instanceOrNull(c.action().moduleId());
        if (result.status() == WastStatus.SKIPPED && target != null) {
            state.actionSkipped(target, new Unavailable(r.line(), result.message(), result.feature()));
        }
        return result;
    }

    WastResult assertReturn(Reporter r, WastCommand.AssertReturn c) {
        return unlessStateIsStale(r, c.action(), assertReturnOnce(r, c));
    }

    WastResult assertTrap(Reporter r, WastCommand.AssertTrap c) {
        return unlessStateIsStale(r, c.action(), assertTrapOnce(r, c));
    }

    WastResult assertExhaustion(Reporter r, WastCommand.AssertExhaustion c) {
        return unlessStateIsStale(r, c.action(), assertExhaustionOnce(r, c));
    }

    WastResult assertException(Reporter r, WastCommand.AssertException c) {
        return unlessStateIsStale(r, c.action(), assertExceptionOnce(r, c));
    }

    /**
     * A failure on an instance whose earlier action was skipped says nothing about jwasm (the script's
     * setup never happened), so it is reported as skipped for the same feature.
     */
    private WastResult unlessStateIsStale(Reporter r, WastAction action, WastResult result) {
        if (result.status() != WastStatus.FAILED) {
            return result;
        }
        Instance target = state.instanceOrNull(action.moduleId());
        Unavailable skipped = target == null ? null : state.skippedActionOn(target);
        if (skipped == null) {
            return result;
        }
        return r.skipped(skipped.feature(), "the instance's setup at line " + skipped.line()
                + " was skipped; " + result.message());
    }

    private WastResult actionOnce(Reporter r, WastCommand.Action c) {
        String feature = unsupportedFeature(c.action(), List.of());
        if (feature != null) {
            return r.skipped(feature, "uses " + feature + " values");
        }
        try {
            perform(c.action());
            return r.passed();
        } catch (Throwable t) {
            return r.unexpected(describe(c.action()) + " failed", t);
        }
    }

    private WastResult assertReturnOnce(Reporter r, WastCommand.AssertReturn c) {
        String feature = unsupportedFeature(c.action(), c.expected());
        if (feature != null) {
            return r.skipped(feature, "uses " + feature + " values");
        }
        String expected = ResultMatcher.describe(c.expected());
        Value[] actual;
        try {
            actual = perform(c.action());
        } catch (Throwable t) {
            return r.unexpected(describe(c.action()) + ": expected " + expected, t);
        }
        if (ResultMatcher.matchesAll(c.expected(), actual)) {
            return r.passed();
        }
        return r.failed(describe(c.action()) + ": expected " + expected + ", got " + ResultMatcher.describe(actual));
    }

    private WastResult assertTrapOnce(Reporter r, WastCommand.AssertTrap c) {
        String expectation = describe(c.action()) + ": expected trap '" + c.message() + "'";
        String feature = unsupportedFeature(c.action(), List.of());
        if (feature != null) {
            return r.skipped(feature, "uses " + feature + " values");
        }
        try {
            Value[] results = perform(c.action());
            return r.failed(expectation + ", got " + ResultMatcher.describe(results));
        } catch (WasmTrap trap) {
            if (String.valueOf(trap.getMessage()).contains(c.message())) {
                return r.passed();
            }
            String missing = UnsupportedFeatures.of(trap);
            return missing != null
                    ? r.skipped(missing, Reporter.describe(trap))
                    : r.failed(expectation + ", got trap '" + trap.getMessage() + "'");
        } catch (Throwable t) {
            return r.unexpected(expectation, t);
        }
    }

    private WastResult assertExhaustionOnce(Reporter r, WastCommand.AssertExhaustion c) {
        String expectation = describe(c.action()) + ": expected '" + c.message() + "'";
        String feature = unsupportedFeature(c.action(), List.of());
        if (feature != null) {
            return r.skipped(feature, "uses " + feature + " values");
        }
        try {
            Value[] results = perform(c.action());
            return r.failed(expectation + ", got " + ResultMatcher.describe(results));
        } catch (WasmTrap trap) {
            if (trap.kind() == TrapKind.CALL_STACK_EXHAUSTED) {
                return r.passedExpecting(c.message(), trap.getMessage());
            }
            return r.unexpected(expectation, trap);
        } catch (StackOverflowError e) {
            return r.failed(expectation + ", but a StackOverflowError escaped the runtime");
        } catch (Throwable t) {
            return r.unexpected(expectation, t);
        }
    }

    private WastResult assertExceptionOnce(Reporter r, WastCommand.AssertException c) {
        String expectation = describe(c.action()) + ": expected an uncaught exception";
        String feature = unsupportedFeature(c.action(), List.of());
        if (feature != null) {
            return r.skipped(feature, "uses " + feature + " values");
        }
        try {
            Value[] results = perform(c.action());
            return r.failed(expectation + ", got " + ResultMatcher.describe(results));
        } catch (WasmTrap trap) {
            if (trap.kind() == TrapKind.UNCAUGHT_EXCEPTION) {
                return r.passed();
            }
            return r.unexpected(expectation, trap);
        } catch (Throwable t) {
            return r.unexpected(expectation, t);
        }
    }

    private Value[] perform(WastAction action) {
        Instance instance = state.instance(action.moduleId());
        if (action instanceof WastAction.Get get) {
            return new Value[] {instance.global(get.name()).get()};
        }
        WastAction.Invoke invoke = (WastAction.Invoke) action;
        Function function = instance.function(invoke.name());
        return function.call(arguments(function.type().params(), invoke.args()));
    }

    /** Builds the argument values; references take the parameter's declared type. */
    private Value[] arguments(List<ValType> params, List<WastArg> args) {
        Value[] values = new Value[args.size()];
        for (int i = 0; i < values.length; i++) {
            ValType param = i < params.size() ? params.get(i) : null;
            ValType refType = param != null && param.isReference() ? param : ValType.EXTERNREF;
            WastArg arg = args.get(i);
            if (arg instanceof WastArg.Num n) {
                values[i] = Value.fromRaw(n.type(), n.bits(), null);
            } else if (arg instanceof WastArg.HostRef h) {
                values[i] = Value.ref(refType, state.hostObject(h.id()));
            } else if (arg instanceof WastArg.RefNull) {
                values[i] = Value.ref(refType, null);
            } else {
                throw new UnsupportedOperationException("argument " + arg + " is not supported");
            }
        }
        return values;
    }

    /** The feature an action or its expected results need that the runner lacks, or null. */
    private static String unsupportedFeature(WastAction action, List<ResultPattern> expected) {
        if (action instanceof WastAction.Invoke invoke) {
            for (WastArg arg : invoke.args()) {
                if (arg instanceof WastArg.Unsupported u) {
                    return u.feature();
                }
            }
        }
        for (ResultPattern p : expected) {
            String feature = unsupportedFeature(p);
            if (feature != null) {
                return feature;
            }
        }
        return null;
    }

    private static String unsupportedFeature(ResultPattern p) {
        if (p instanceof ResultPattern.Unsupported u) {
            return u.feature();
        }
        if (p instanceof ResultPattern.Either e) {
            for (ResultPattern alternative : e.alternatives()) {
                String feature = unsupportedFeature(alternative);
                if (feature != null) {
                    return feature;
                }
            }
        }
        return null;
    }

    private static String describe(WastAction action) {
        String target = action.moduleId() == null ? "" : action.moduleId() + " ";
        return (action instanceof WastAction.Get ? "get " : "invoke ") + target + "\"" + nameOf(action) + "\"";
    }

    private static String nameOf(WastAction action) {
        return action instanceof WastAction.Get g ? g.name() : ((WastAction.Invoke) action).name();
    }
}
