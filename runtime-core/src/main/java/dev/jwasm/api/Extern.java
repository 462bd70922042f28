package dev.jwasm.api;

/**
 * A runtime entity that can be exported or imported: a {@link Function}, {@link Memory}, {@link Table},
 * {@link Global} or {@link Tag}.
 */
public interface Extern {
    /** The entity's type, for example a {@link dev.jwasm.core.model.FuncType}. */
    dev.jwasm.core.model.ExternType externType();
}
