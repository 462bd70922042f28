package dev.jwasm.core.text.wast;

import dev.jwasm.api.Instance;
import dev.jwasm.api.InvalidModuleException;
import dev.jwasm.api.LinkException;
import dev.jwasm.api.MalformedModuleException;
import dev.jwasm.api.WasmModule;
import dev.jwasm.api.WasmTrap;

/** Runs the commands about modules: definitions, instantiation, registration and module assertions. */
final class ModuleCommands {
    private final ScriptState state;

    ModuleCommands(ScriptState state) {
        this.state = state;
    }

    WastResult module(Reporter r, WastCommand.Module c) {
        WasmModule module;
        try {
            module = ModuleCompiler.compile(c.source());
        } catch (Throwable t) {
            Unavailable why = unavailable(c.line(), t);
            state.definitionFailed(c.id(), why);
            if (!c.definitionOnly()) {
                state.instantiationFailed(c.id(), why);
            }
            return r.unexpected("module failed to compile", t);
        }
        state.defined(c.id(), module);
        return c.definitionOnly() ? r.passed() : instantiate(r, c.id(), module);
    }

    WastResult instance(Reporter r, WastCommand.ModuleInstance c) {
        WasmModule module;
        try {
            module = state.definition(c.definitionId());
        } catch (Throwable t) {
            state.instantiationFailed(c.instanceId(), unavailable(c.line(), t));
            return r.unexpected("no module to instantiate", t);
        }
        return instantiate(r, c.instanceId(), module);
    }

    WastResult register(Reporter r, WastCommand.Register c) {
        try {
            state.register(c.name(), state.instance(c.moduleId()));
            return r.passed();
        } catch (Throwable t) {
            state.registrationFailed(c.name(), unavailable(c.line(), t));
            return r.unexpected("register failed", t);
        }
    }

    WastResult assertMalformed(Reporter r, WastCommand.AssertMalformed c) {
        try {
            ModuleCompiler.compile(c.module());
            return r.failed("expected a malformed module ('" + c.message() + "'), but it compiled");
        } catch (MalformedModuleException e) {
            return r.expectedError(c.message(), e);
        } catch (Throwable t) {
            return r.unexpected("expected a malformed module ('" + c.message() + "')", t);
        }
    }

    WastResult assertInvalid(Reporter r, WastCommand.AssertInvalid c) {
        try {
            ModuleCompiler.compile(c.module());
            return r.failed("expected an invalid module ('" + c.message() + "'), but it validated");
        } catch (InvalidModuleException e) {
            return r.expectedError(c.message(), e);
        } catch (MalformedModuleException e) {
            String feature = UnsupportedFeatures.of(e);
            if (feature != null) {
                return r.skipped(feature, Reporter.describe(e));
            }
            return r.passedWithRemark(WastRemark.INVALID_AS_MALFORMED,
                    "expected invalid ('" + c.message() + "'), rejected as malformed: " + e.getMessage());
        } catch (Throwable t) {
            return r.unexpected("expected an invalid module ('" + c.message() + "')", t);
        }
    }

    WastResult assertUnlinkable(Reporter r, WastCommand.AssertUnlinkable c) {
        String expectation = "expected an unlinkable module ('" + c.message() + "')";
        WasmModule module;
        try {
            module = ModuleCompiler.compile(c.module());
        } catch (Throwable t) {
            return r.unexpected(expectation + ", but it failed to compile", t);
        }
        try {
            state.linker().instantiate(module);
            return r.failed(expectation + ", but it instantiated");
        } catch (LinkException e) {
            Unavailable earlier = state.failedImportSource(module);
            if (earlier != null && earlier.feature() != null && !String.valueOf(e.getMessage()).contains(c.message())) {
                // It imports from a registration that was skipped, so "unknown import" proves nothing.
                return r.skipped(earlier.feature(), "imports from a module that failed at line " + earlier.line());
            }
            return r.expectedError(c.message(), e);
        } catch (Throwable t) {
            return r.unexpected(expectation, t);
        }
    }

    WastResult assertUninstantiable(Reporter r, WastCommand.AssertUninstantiable c) {
        String expectation = "expected instantiation to trap ('" + c.message() + "')";
        WasmModule module;
        try {
            module = ModuleCompiler.compile(c.module());
        } catch (Throwable t) {
            return r.unexpected(expectation + ", but the module failed to compile", t);
        }
        try {
            state.linker().instantiate(module);
            return r.failed(expectation + ", but it instantiated");
        } catch (WasmTrap e) {
            return r.expectedError(c.message(), e);
        } catch (Throwable t) {
            return r.unexpected(expectation, t);
        }
    }

    private WastResult instantiate(Reporter r, String id, WasmModule module) {
        try {
            Instance instance = state.linker().instantiate(module);
            state.instantiated(id, instance);
            return r.passed();
        } catch (Throwable t) {
            Unavailable earlier = t instanceof LinkException ? state.failedImportSource(module) : null;
            if (earlier != null && earlier.feature() != null) {
                Unavailable why = new Unavailable(r.line(), "imports from a module that failed at line "
                        + earlier.line(), earlier.feature());
                state.instantiationFailed(id, why);
                return r.skipped(earlier.feature(), why.reason());
            }
            state.instantiationFailed(id, unavailable(r.line(), t));
            return r.unexpected("module failed to instantiate", t);
        }
    }

    private static Unavailable unavailable(int line, Throwable t) {
        if (t instanceof ModuleUnavailableException u) {
            return u.unavailable();
        }
        return new Unavailable(line, Reporter.describe(t), UnsupportedFeatures.of(t));
    }
}
