package dev.jwasm.wasi.fs;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A host directory made visible to the guest under {@code guestPath}. Paths are resolved inside
 * {@code hostRoot} only; {@code readOnly} mounts refuse every modification.
 */
public record Preopen(Path hostRoot, String guestPath, boolean readOnly) {
    public Preopen {
        Objects.requireNonNull(hostRoot);
        Objects.requireNonNull(guestPath);
    }
}
