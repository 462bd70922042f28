package dev.jwasm.core.text.wast;

import java.util.List;

/**
 * A parsed {@code .wast} script: its commands in source order. Immutable, so one parse can be run against
 * several engines or tiers.
 *
 * @param name how results refer to the script, usually its file path
 */
public record WastScript(String name, List<WastCommand> commands) {
    public WastScript {
        commands = List.copyOf(commands);
    }
}
