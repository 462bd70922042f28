package dev.jwasm.api;

import dev.jwasm.core.binary.ModuleDecoder;
import dev.jwasm.core.model.DecodedModule;
import dev.jwasm.core.model.Export;
import dev.jwasm.core.model.ExternType;
import dev.jwasm.core.model.Import;
import dev.jwasm.core.model.ImportDesc;
import dev.jwasm.core.model.ValidationInfo;
import dev.jwasm.core.runtime.PrecompiledCode;
import dev.jwasm.core.text.Wat;
import dev.jwasm.core.validate.ModuleValidator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A decoded and validated WebAssembly module.
 *
 * <p>Immutable and thread-safe: parse once, instantiate many times from any thread.
 *
 * <pre>{@code
 * WasmModule module = WasmModule.parse(Path.of("add.wasm"));
 * Instance instance = new Linker(Engine.create()).instantiate(module);
 * int sum = instance.function("add").call(Value.i32(2), Value.i32(3))[0].asInt();
 * }</pre>
 */
public final class WasmModule {
    private final DecodedModule decoded;
    private final ValidationInfo validation;
    private final PrecompiledCode precompiled;

    private WasmModule(DecodedModule decoded, ValidationInfo validation) {
        this(decoded, validation, null);
    }

    private WasmModule(DecodedModule decoded, ValidationInfo validation, PrecompiledCode precompiled) {
        this.decoded = decoded;
        this.validation = validation;
        this.precompiled = precompiled;
    }

    /**
     * Decodes and validates a module in the binary format, or in the text format if the bytes do not start
     * with the binary magic {@code \0asm}.
     *
     * @throws MalformedModuleException if the bytes are not a well-formed module
     * @throws InvalidModuleException if the module does not validate
     */
    public static WasmModule parse(byte[] bytes) {
        if (!isBinary(bytes) && looksLikeText(bytes)) {
            return parseText(new String(bytes, StandardCharsets.UTF_8));
        }
        DecodedModule decoded = ModuleDecoder.decode(bytes);
        return new WasmModule(decoded, ModuleValidator.validate(decoded));
    }

    /** Reads and parses a {@code .wasm} or {@code .wat} file. */
    public static WasmModule parse(Path path) throws IOException {
        return parse(Files.readAllBytes(path));
    }

    /** Reads the stream to its end and parses it; does not close it. */
    public static WasmModule parse(InputStream in) throws IOException {
        return parse(in.readAllBytes());
    }

    /** Parses a module in the text format. */
    public static WasmModule parseText(String wat) {
        byte[] binary = Wat.parse(wat);
        DecodedModule decoded = ModuleDecoder.decode(binary);
        return new WasmModule(decoded, ModuleValidator.validate(decoded));
    }

    /** Decodes and validates without keeping the result; throws as {@link #parse(byte[])} does. */
    public static void validate(byte[] bytes) {
        parse(bytes);
    }

    private static boolean isBinary(byte[] b) {
        return b.length >= 4 && b[0] == 0 && b[1] == 'a' && b[2] == 's' && b[3] == 'm';
    }

    /** Text starts, after white space, with a form "(" or a comment ";;" / "(;" — never a binary's "\0asm". */
    private static boolean looksLikeText(byte[] b) {
        for (byte x : b) {
            if (x == '(' || x == ';') {
                return true;
            }
            if (x != ' ' && x != '\t' && x != '\n' && x != '\r') {
                return false;
            }
        }
        return false;
    }

    /** The decoded structure (for tools and the execution tiers). */
    public DecodedModule decoded() {
        return decoded;
    }

    /** What validation computed for the tiers. */
    public ValidationInfo validationInfo() {
        return validation;
    }

    /** The module's name from its name section, or null. */
    public String name() {
        return decoded.names().moduleName();
    }

    /** Imports in declaration order with their types. */
    public List<ImportType> imports() {
        List<ImportType> out = new ArrayList<>();
        for (Import imp : decoded.imports()) {
            out.add(new ImportType(imp.module(), imp.name(), typeOf(imp.desc())));
        }
        return out;
    }

    /** Exports in declaration order with their types. */
    public List<ExportType> exports() {
        List<ExportType> out = new ArrayList<>();
        for (Export e : decoded.exports()) {
            ExternType t = switch (e.kind()) {
                case FUNC -> decoded.functionType(e.index());
                case TABLE -> decoded.allTables().get(e.index());
                case MEMORY -> decoded.allMemories().get(e.index());
                case GLOBAL -> decoded.allGlobals().get(e.index());
                case TAG -> decoded.allTags().get(e.index());
            };
            out.add(new ExportType(e.name(), t));
        }
        return out;
    }

    private ExternType typeOf(ImportDesc d) {
        if (d instanceof ImportDesc.Func f) {
            return decoded.types().get(f.typeIndex()).funcType();
        } else if (d instanceof ImportDesc.Table t) {
            return t.type();
        } else if (d instanceof ImportDesc.Memory m) {
            return m.type();
        } else if (d instanceof ImportDesc.Global g) {
            return g.type();
        }
        return ((ImportDesc.Tag) d).type();
    }

    /** Internal: wraps already decoded and validated parts. */
    public static WasmModule of(DecodedModule decoded, ValidationInfo validation) {
        return new WasmModule(decoded, validation);
    }

    /**
     * Internal: this module with code compiled ahead of time attached, which instantiation installs instead
     * of compiling (see {@code jwasm-jit-asm}'s {@code CompiledModule}).
     */
    public WasmModule withPrecompiledCode(PrecompiledCode code) {
        return new WasmModule(decoded, validation, java.util.Objects.requireNonNull(code));
    }

    /** Internal: the code compiled ahead of time for this module, or null. */
    public PrecompiledCode precompiledCode() {
        return precompiled;
    }

}
