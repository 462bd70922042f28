package dev.jwasm.core.text.wast;

import java.util.List;

/** An action on a module instance: call an exported function or read an exported global. */
public sealed interface WastAction {
    /** Script name ({@code $id}) of the target instance, or null for the most recently instantiated one. */
    String moduleId();

    /** {@code (invoke $id? "name" args...)}. */
    record Invoke(String moduleId, String name, List<WastArg> args) implements WastAction {
        public Invoke {
            args = List.copyOf(args);
        }
    }

    /** {@code (get $id? "name")}. */
    record Get(String moduleId, String name) implements WastAction {
    }
}
