package dev.jwasm.core.text.wast;

/** Sends each command to the code that runs its kind. */
final class CommandDispatcher {
    private final ModuleCommands modules;
    private final ActionCommands actions;

    CommandDispatcher(ScriptState state) {
        this.modules = new ModuleCommands(state);
        this.actions = new ActionCommands(state);
    }

    /** Runs one command; never throws. */
    WastResult run(Reporter r, WastCommand command) {
        try {
            return dispatch(r, command);
        } catch (Throwable t) {
            return r.unexpected("runner error", t);
        }
    }

    private WastResult dispatch(Reporter r, WastCommand command) {
        if (command instanceof WastCommand.Module c) {
            return modules.module(r, c);
        } else if (command instanceof WastCommand.ModuleInstance c) {
            return modules.instance(r, c);
        } else if (command instanceof WastCommand.Register c) {
            return modules.register(r, c);
        } else if (command instanceof WastCommand.Action c) {
            return actions.action(r, c);
        } else if (command instanceof WastCommand.AssertReturn c) {
            return actions.assertReturn(r, c);
        } else if (command instanceof WastCommand.AssertTrap c) {
            return actions.assertTrap(r, c);
        } else if (command instanceof WastCommand.AssertExhaustion c) {
            return actions.assertExhaustion(r, c);
        } else if (command instanceof WastCommand.AssertException c) {
            return actions.assertException(r, c);
        } else if (command instanceof WastCommand.AssertMalformed c) {
            return modules.assertMalformed(r, c);
        } else if (command instanceof WastCommand.AssertInvalid c) {
            return modules.assertInvalid(r, c);
        } else if (command instanceof WastCommand.AssertUnlinkable c) {
            return modules.assertUnlinkable(r, c);
        } else if (command instanceof WastCommand.AssertUninstantiable c) {
            return modules.assertUninstantiable(r, c);
        } else if (command instanceof WastCommand.Unsupported c) {
            return r.skipped(c.feature(), c.keyword() + " is not supported");
        }
        WastCommand.Unparsable c = (WastCommand.Unparsable) command;
        return r.failed("cannot parse command: " + c.error());
    }
}
