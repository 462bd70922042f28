package dev.jwasm.core.text.wast;

import java.util.List;

/**
 * One top-level command of a {@code .wast} script, with the 1-based source line it starts on. The runner
 * turns every command into one {@link WastResult}.
 */
public sealed interface WastCommand {
    /** Line of the command's opening parenthesis. */
    int line();

    /** The command keyword as written, for example {@code "assert_return"}; used as the result's kind. */
    String keyword();

    /**
     * {@code (module $id? ...)}: compile and, unless {@code definitionOnly}, instantiate. With
     * {@code definitionOnly} ({@code (module definition ...)}) the module is only compiled and kept.
     */
    record Module(int line, String id, ModuleSource source, boolean definitionOnly) implements WastCommand {
        @Override
        public String keyword() {
            return "module";
        }
    }

    /** {@code (module instance $instance? $definition?)}: instantiate a module kept by a definition. */
    record ModuleInstance(int line, String instanceId, String definitionId) implements WastCommand {
        @Override
        public String keyword() {
            return "module";
        }
    }

    /** {@code (register "name" $id?)}: make an instance's exports importable as module {@code name}. */
    record Register(int line, String name, String moduleId) implements WastCommand {
        @Override
        public String keyword() {
            return "register";
        }
    }

    /** A bare {@code (invoke ...)} or {@code (get ...)}: must not trap; results are ignored. */
    record Action(int line, WastAction action) implements WastCommand {
        @Override
        public String keyword() {
            return action instanceof WastAction.Invoke ? "invoke" : "get";
        }
    }

    /** {@code (assert_return action results...)}. */
    record AssertReturn(int line, WastAction action, List<ResultPattern> expected) implements WastCommand {
        public AssertReturn {
            expected = List.copyOf(expected);
        }

        @Override
        public String keyword() {
            return "assert_return";
        }
    }

    /** {@code (assert_trap action "message")}: the action traps with a message containing the text. */
    record AssertTrap(int line, WastAction action, String message) implements WastCommand {
        @Override
        public String keyword() {
            return "assert_trap";
        }
    }

    /** {@code (assert_exhaustion action "message")}: the action exhausts the call stack. */
    record AssertExhaustion(int line, WastAction action, String message) implements WastCommand {
        @Override
        public String keyword() {
            return "assert_exhaustion";
        }
    }

    /** {@code (assert_exception action)}: the action throws an uncaught WebAssembly exception. */
    record AssertException(int line, WastAction action) implements WastCommand {
        @Override
        public String keyword() {
            return "assert_exception";
        }
    }

    /** {@code (assert_malformed module "message")}: the module cannot be decoded or parsed. */
    record AssertMalformed(int line, ModuleSource module, String message) implements WastCommand {
        @Override
        public String keyword() {
            return "assert_malformed";
        }
    }

    /** {@code (assert_invalid module "message")}: the module decodes but does not validate. */
    record AssertInvalid(int line, ModuleSource module, String message) implements WastCommand {
        @Override
        public String keyword() {
            return "assert_invalid";
        }
    }

    /** {@code (assert_unlinkable module "message")}: the module's imports cannot be satisfied. */
    record AssertUnlinkable(int line, ModuleSource module, String message) implements WastCommand {
        @Override
        public String keyword() {
            return "assert_unlinkable";
        }
    }

    /**
     * {@code (assert_trap module "message")} or {@code (assert_uninstantiable module "message")}: the module
     * links but traps while being instantiated.
     */
    record AssertUninstantiable(int line, String keyword, ModuleSource module, String message)
            implements WastCommand {
    }

    /** A command the runner recognises but does not support (threads, custom-section assertions, meta). */
    record Unsupported(int line, String keyword, String feature) implements WastCommand {
    }

    /** A command that could not be parsed; running it reports a failure with {@code error}. */
    record Unparsable(int line, String keyword, String error) implements WastCommand {
    }
}
