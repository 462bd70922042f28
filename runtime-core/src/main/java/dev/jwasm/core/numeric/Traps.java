package dev.jwasm.core.numeric;

import dev.jwasm.api.TrapKind;
import dev.jwasm.api.WasmTrap;

/** Creates the traps numeric instructions raise; kept out of line so callers stay small. */
public final class Traps {
    private Traps() {
    }

    public static WasmTrap trap(TrapKind kind) {
        return new WasmTrap(kind);
    }

    public static WasmTrap divideByZero() {
        return new WasmTrap(TrapKind.INTEGER_DIVIDE_BY_ZERO);
    }

    public static WasmTrap overflow() {
        return new WasmTrap(TrapKind.INTEGER_OVERFLOW);
    }

    public static WasmTrap invalidConversion() {
        return new WasmTrap(TrapKind.INVALID_CONVERSION_TO_INTEGER);
    }
}
