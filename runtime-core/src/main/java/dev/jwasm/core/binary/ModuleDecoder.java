package dev.jwasm.core.binary;

import dev.jwasm.api.MalformedModuleException;
import dev.jwasm.core.model.DecodedModule;

/** Decodes the binary format (placeholder until the decoder lands). */
public final class ModuleDecoder {
    private ModuleDecoder() {
    }

    public static DecodedModule decode(byte[] bytes) {
        throw new MalformedModuleException("decoder not implemented yet", -1);
    }
}
