package dev.jwasm.core.runtime;

import dev.jwasm.api.Extern;
import java.util.Optional;

/** Looks up the definition for an import {@code module.name}. */
@FunctionalInterface
public interface ImportResolver {
    Optional<Extern> resolve(String module, String name);
}
