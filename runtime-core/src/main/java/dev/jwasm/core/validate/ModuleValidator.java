package dev.jwasm.core.validate;

import dev.jwasm.core.model.DecodedModule;
import dev.jwasm.core.model.ValidationInfo;

/** Validates decoded modules (placeholder until the validator lands). */
public final class ModuleValidator {
    private ModuleValidator() {
    }

    public static ValidationInfo validate(DecodedModule module) {
        throw new UnsupportedOperationException("validator not implemented yet");
    }
}
