package dev.jwasm.api;

import dev.jwasm.core.model.GlobalType;

/** A global variable. Not thread-safe. */
public interface Global extends Extern {
    GlobalType type();

    @Override
    default dev.jwasm.core.model.ExternType externType() {
        return type();
    }

    Value get();

    /** @throws IllegalStateException if the global is immutable; IllegalArgumentException on a type mismatch */
    void set(Value value);

    /** A new host-owned global of type {@code type} holding {@code value}. */
    static Global create(GlobalType type, Value value) {
        return dev.jwasm.core.runtime.GlobalInstance.create(type, value);
    }
}
