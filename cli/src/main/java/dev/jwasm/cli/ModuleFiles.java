package dev.jwasm.cli;

import dev.jwasm.api.InvalidModuleException;
import dev.jwasm.api.MalformedModuleException;
import dev.jwasm.api.TextFormatException;
import dev.jwasm.api.WasmException;
import dev.jwasm.api.WasmModule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads module files named on the command line, turning every failure into a one-line {@link CliException}. */
final class ModuleFiles {
    /** Larger files could not be held in one array; refuse them before reading. */
    private static final long MAX_MODULE_BYTES = Integer.MAX_VALUE - 16;
    private static final String TEXT_EXTENSION = ".wat";

    private ModuleFiles() {
    }

    /**
     * Reads, decodes and validates {@code file}: text format when the name ends in {@code .wat}, otherwise
     * whatever the content is ({@link WasmModule#parse(byte[])} tells binary from text by the first bytes).
     */
    static WasmModule load(String file) {
        return load(file, read(file));
    }

    /** As {@link #load(String)}, for bytes already read from {@code file}. */
    static WasmModule load(String file, byte[] bytes) {
        try {
            return parse(file, bytes);
        } catch (WasmException e) {
            throw new CliException(file + ": " + describe(e));
        }
    }

    /**
     * Parses {@code bytes} read from {@code file}. The extension decides first, so a {@code .wat} file that
     * opens with a comment is not mistaken for a broken binary.
     */
    static WasmModule parse(String file, byte[] bytes) {
        if (file.endsWith(TEXT_EXTENSION) && !hasBinaryMagic(bytes)) {
            return WasmModule.parseText(new String(bytes, StandardCharsets.UTF_8));
        }
        return WasmModule.parse(bytes);
    }

    static boolean hasBinaryMagic(byte[] b) {
        return b.length >= 4 && b[0] == 0 && b[1] == 'a' && b[2] == 's' && b[3] == 'm';
    }

    /** The file's bytes. @throws CliException saying why the file cannot be read */
    static byte[] read(String file) {
        Path path;
        try {
            path = Path.of(file);
        } catch (InvalidPathException e) {
            throw new CliException("cannot read '" + file + "': invalid path");
        }
        try {
            if (Files.isDirectory(path)) {
                throw new CliException("cannot read '" + file + "': is a directory");
            }
            if (Files.size(path) > MAX_MODULE_BYTES) {
                throw new CliException("cannot read '" + file + "': file too large");
            }
            return Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw new CliException("cannot read '" + file + "': no such file");
        } catch (AccessDeniedException e) {
            throw new CliException("cannot read '" + file + "': permission denied");
        } catch (IOException e) {
            throw new CliException("cannot read '" + file + "': " + e.getMessage());
        }
    }

    /** What is wrong with a module, e.g. {@code invalid module: type mismatch (at offset 0x1f, func 2)}. */
    static String describe(WasmException e) {
        if (e instanceof TextFormatException) {
            return "malformed text: " + e.getMessage();
        }
        if (e instanceof MalformedModuleException) {
            return "malformed module: " + e.getMessage();
        }
        if (e instanceof InvalidModuleException) {
            return "invalid module: " + e.getMessage();
        }
        return e.getMessage();
    }
}
