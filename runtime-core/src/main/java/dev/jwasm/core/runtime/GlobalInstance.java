package dev.jwasm.core.runtime;

import dev.jwasm.api.Global;
import dev.jwasm.api.Value;
import dev.jwasm.core.model.GlobalType;

/** A global: numbers as raw bits in {@link #bits}, references in {@link #ref}. The tiers access the fields. */
public final class GlobalInstance implements Global {
    private final GlobalType type;
    /** Internal: the value of a number global (i32/f32 in the low 32 bits). */
    public long bits;
    /** Internal: the value of a reference global. */
    public Object ref;

    private GlobalInstance(GlobalType type) {
        this.type = type;
    }

    public static Global create(GlobalType type, Value value) {
        GlobalInstance g = new GlobalInstance(type);
        g.store(value);
        return g;
    }

    /** A global holding raw {@code bits}/{@code ref}, as evaluated from an initialiser. */
    public static GlobalInstance ofRaw(GlobalType type, long bits, Object ref) {
        GlobalInstance g = new GlobalInstance(type);
        g.bits = bits;
        g.ref = ref;
        return g;
    }

    @Override
    public GlobalType type() {
        return type;
    }

    @Override
    public Value get() {
        return Value.fromRaw(type.valType(), bits, ref);
    }

    @Override
    public void set(Value value) {
        if (!type.mutable()) {
            throw new IllegalStateException("global is immutable");
        }
        store(value);
    }

    private void store(Value value) {
        if (!Values.matches(value, type.valType())) {
            throw new IllegalArgumentException("expected a value of type " + type.valType() + ", got " + value);
        }
        bits = value.bits();
        ref = value.ref();
    }
}
