package dev.jwasm.cli;

import dev.jwasm.api.Tier;
import dev.jwasm.api.WasmException;
import dev.jwasm.api.WasmModule;
import dev.jwasm.core.binary.ModuleDecoder;
import dev.jwasm.core.model.FunctionBody;
import dev.jwasm.core.runtime.TierUp;
import dev.jwasm.core.text.Wat;
import dev.jwasm.jit.aot.CodeCache;
import dev.jwasm.jit.aot.CompiledModule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The modules of {@code jwasm run}: a jar written by {@code jwasm compile} is loaded as is; a module run on a
 * compiling tier goes through the {@link CodeCache} (text by its binary encoding), so only its first run
 * compiles; anything else is parsed. Modules that {@link Tier#AUTO} would not compile at instantiation (more than
 * {@code jwasm.jit.eagerBytes} of function bodies) are taken from the cache when there, but not compiled into
 * it: they start interpreted, as without a cache.
 */
final class RunModules {
    private final Tier tier;
    private final CodeCache cache;

    /** @param cache the cache, or null for none */
    RunModules(Tier tier, CodeCache cache) {
        this.tier = tier;
        this.cache = cache;
    }

    WasmModule load(String file) {
        byte[] bytes = ModuleFiles.read(file);
        if (isJar(bytes)) {
            return loadJar(file);
        }
        if (cache == null || tier == Tier.INTERP || !TierUp.compilerAvailable()) {
            return ModuleFiles.load(file, bytes);
        }
        try {
            if (!ModuleFiles.hasBinaryMagic(bytes)) {
                // Text is cached by its binary encoding: the encoder is deterministic, so a second run of the
                // same .wat finds the entry (and README's first command archives the classes cached runs use).
                bytes = Wat.parse(new String(bytes, StandardCharsets.UTF_8));
            }
            if (compiledAtInstantiation(bytes)) {
                return cache.get(bytes).module();
            }
            Optional<CompiledModule> cached = cache.find(bytes);
            return cached.isPresent() ? cached.get().module() : ModuleFiles.load(file, bytes);
        } catch (WasmException e) {
            throw new CliException(file + ": " + ModuleFiles.describe(e));
        }
    }

    /**
     * Whether the tier compiles this module when instantiating it anyway (as {@code TierUp} decides: by the
     * size of its function bodies). The file's size bounds that, so only larger files are decoded to count.
     */
    private boolean compiledAtInstantiation(byte[] bytes) {
        long limit = Long.getLong("jwasm.jit.eagerBytes", TierUp.EAGER_BYTES);
        if (tier == Tier.JIT || bytes.length <= limit) {
            return true;
        }
        long code = 0;
        for (FunctionBody body : ModuleDecoder.decode(bytes).codes()) {
            code += body.codeEnd() - body.codeStart();
        }
        return code <= limit;
    }

    /** A zip archive's local header; no module, binary or text, starts like this. */
    static boolean isJar(byte[] b) {
        return b.length >= 4 && b[0] == 'P' && b[1] == 'K' && b[2] == 3 && b[3] == 4;
    }

    private static WasmModule loadJar(String file) {
        try {
            return CompiledModule.load(Path.of(file)).module();
        } catch (WasmException e) {
            throw new CliException(file + ": " + ModuleFiles.describe(e));
        } catch (IOException e) {
            throw new CliException("cannot read '" + file + "': " + e.getMessage());
        }
    }
}
