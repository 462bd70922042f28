package dev.jwasm.api;

import dev.jwasm.core.model.FuncType;

/** An exception tag (exception-handling proposal); its function type gives the payload. */
public interface Tag extends Extern {
    FuncType type();

    @Override
    default dev.jwasm.core.model.ExternType externType() {
        return type();
    }
}
