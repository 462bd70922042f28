package dev.jwasm.core.text.wast;

import dev.jwasm.api.TextFormatException;
import dev.jwasm.api.WasmModule;
import dev.jwasm.core.binary.ModuleDecoder;
import dev.jwasm.core.model.DecodedModule;
import dev.jwasm.core.text.Wat;
import dev.jwasm.core.validate.ModuleValidator;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns a script module into a validated {@link WasmModule}: text is encoded to binary first, then every
 * form goes through the same decoder and validator, so assertions see exactly the errors an embedder would.
 */
final class ModuleCompiler {
    private ModuleCompiler() {
    }

    /**
     * @throws dev.jwasm.api.MalformedModuleException if the text or binary is malformed
     * @throws dev.jwasm.api.InvalidModuleException if the module does not validate
     */
    static WasmModule compile(ModuleSource source) {
        byte[] binary = encode(source);
        DecodedModule decoded = ModuleDecoder.decode(binary);
        return WasmModule.of(decoded, ModuleValidator.validate(decoded));
    }

    /** The binary encoding of {@code source}, parsing text where needed. */
    static byte[] encode(ModuleSource source) {
        if (source instanceof ModuleSource.Binary b) {
            return b.bytes();
        } else if (source instanceof ModuleSource.Quote q) {
            return Wat.parse(strictUtf8(q.utf8()));
        }
        return Wat.encodeModule(((ModuleSource.Text) source).form());
    }

    /** Quoted text must itself be valid UTF-8, so decoding must not paper over bad bytes. */
    private static String strictUtf8(byte[] utf8) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(utf8)).toString();
        } catch (CharacterCodingException e) {
            throw new TextFormatException("malformed UTF-8 encoding", 1, 1);
        }
    }
}
