package dev.jwasm.cli;

import java.util.Map;

/**
 * An {@code --env} grant: {@code NAME=VALUE} sets a variable, a bare {@code NAME} copies the host's value
 * (and is dropped when the host does not have it, as in wasmtime).
 */
record EnvSetting(String name, String value) {
    /** @throws IllegalArgumentException for an empty name */
    static EnvSetting parse(String spec, Map<String, String> hostEnv) {
        int eq = spec.indexOf('=');
        String name = eq < 0 ? spec : spec.substring(0, eq);
        if (name.isEmpty()) {
            throw new IllegalArgumentException("invalid --env '" + spec + "': expected NAME=VALUE or NAME");
        }
        String value = eq < 0 ? hostEnv.get(name) : spec.substring(eq + 1);
        return new EnvSetting(name, value);
    }

    /** False for a bare NAME the host does not define. */
    boolean isSet() {
        return value != null;
    }
}
