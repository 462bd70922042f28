package dev.jwasm.wasi.impl;

import dev.jwasm.wasi.abi.Errno;
import dev.jwasm.wasi.abi.Rights;
import dev.jwasm.wasi.fs.DirectoryDescriptor;
import dev.jwasm.wasi.fs.PathResolver;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;

/** {@code path_rename} with POSIX {@code rename(2)} semantics for replacing an existing target. */
final class RenameFunction implements FunctionRegistry.Group {
    private static final int PATH_RENAME = 0;

    private final WasiContext ctx;

    private RenameFunction(WasiContext ctx) {
        this.ctx = ctx;
    }

    static void register(FunctionRegistry r, WasiContext ctx) {
        RenameFunction functions = new RenameFunction(ctx);
        r.add("path_rename", "iiiiii", functions, PATH_RENAME);
    }

    @Override
    public int call(int id, Call c) throws IOException {
        return switch (id) {
            case PATH_RENAME -> pathRename(c);
            default -> throw new IllegalArgumentException("no function " + id);
        };
    }

    private int pathRename(Call c) throws IOException {
        DirectoryDescriptor from = PathFunctions.writable(ctx, c.i32(0), Rights.PATH_RENAME_SOURCE);
        DirectoryDescriptor to = PathFunctions.writable(ctx, c.i32(3), Rights.PATH_RENAME_TARGET);
        PathResolver.Resolved source = PathResolver.resolve(from, c.string(1), false);
        PathResolver.Resolved dest = PathResolver.resolve(to, c.string(4), false);
        if (!source.host().getFileSystem().equals(dest.host().getFileSystem())) {
            return Errno.XDEV;
        }
        if (source.isBase() || dest.isBase()) {
            return Errno.BUSY;
        }
        return rename(source, dest);
    }

    private static int rename(PathResolver.Resolved source, PathResolver.Resolved dest) throws IOException {
        BasicFileAttributes s = PathFunctions.mustExist(source);
        BasicFileAttributes d = PathFunctions.attributes(dest);
        if (source.host().equals(dest.host())) {
            return 0;
        }
        if (s.isDirectory() && isPrefix(source, dest)) {
            return Errno.INVAL;
        }
        if (d != null) {
            if (s.isDirectory() && !d.isDirectory()) {
                return Errno.NOTDIR;
            }
            if (!s.isDirectory() && d.isDirectory()) {
                return Errno.ISDIR;
            }
            if (d.isDirectory() && !isEmpty(dest.host())) {
                return Errno.NOTEMPTY;
            }
        } else if (dest.trailingSlash() && !s.isDirectory()) {
            return Errno.NOTDIR;
        }
        try {
            Files.move(source.host(), dest.host(), StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException | FileAlreadyExistsException e) {
            Files.move(source.host(), dest.host(), StandardCopyOption.REPLACE_EXISTING);
        }
        return 0;
    }

    private static boolean isPrefix(PathResolver.Resolved dir, PathResolver.Resolved other) {
        return dir.preopen().hostRoot().equals(other.preopen().hostRoot())
                && other.components().size() > dir.components().size()
                && other.components().subList(0, dir.components().size()).equals(dir.components());
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            return !s.iterator().hasNext();
        }
    }
}
