package dev.jwasm.wasi.impl;

import dev.jwasm.wasi.abi.Errno;
import dev.jwasm.wasi.abi.Flags;
import dev.jwasm.wasi.abi.Layout;
import dev.jwasm.wasi.abi.Rights;
import dev.jwasm.wasi.abi.WasiErrnoException;
import dev.jwasm.wasi.fs.DirectoryDescriptor;
import dev.jwasm.wasi.fs.FileStats;
import dev.jwasm.wasi.fs.Filestat;
import dev.jwasm.wasi.fs.PathResolver;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * The {@code path_*} functions except {@code path_open} and {@code path_rename}. Every path is resolved by
 * {@link PathResolver}; on a read-only mount each modifying function fails with EROFS before anything else.
 */
public final class PathFunctions {
    private PathFunctions() {
    }

    public static void register(FunctionRegistry r, WasiContext ctx) {
        r.add("path_create_directory", "iii", c -> {
            DirectoryDescriptor dir = writable(ctx, c.i32(0), Rights.PATH_CREATE_DIRECTORY);
            PathResolver.Resolved p = PathResolver.resolve(dir, c.string(1), false);
            if (p.isBase() || attributes(p) != null) {
                return Errno.EXIST;
            }
            Files.createDirectory(p.host());
            return 0;
        });
        r.add("path_filestat_get", "iiiii", c -> {
            pathFilestat(ctx, c, Layout.FILESTAT_SIZE).writeTo(c.memory(), c.u32(4));
            return 0;
        });
        r.add("path_filestat_set_times", "iiiiIIi", c -> {
            DirectoryDescriptor dir = writable(ctx, c.i32(0), Rights.PATH_FILESTAT_SET_TIMES);
            PathResolver.Resolved p = PathResolver.resolve(dir, c.string(2), follow(c.i32(1)));
            mustExist(p);
            Times.set(p.host(), c.i64(4), c.i64(5), c.i32(6), ctx.clock(), false);
            return 0;
        });
        r.add("path_readlink", "iiiiii", c -> {
            DirectoryDescriptor dir = ctx.directory(c.i32(0), Rights.PATH_READLINK);
            PathResolver.Resolved p = PathResolver.resolve(dir, c.string(1), false);
            long buf = c.u32(3);
            long len = c.u32(4);
            c.memory().check(buf, len);
            c.memory().check(c.u32(5), 4);
            BasicFileAttributes a = mustExist(p);
            if (!a.isSymbolicLink()) {
                return Errno.INVAL;
            }
            byte[] target = Files.readSymbolicLink(p.host()).toString().getBytes(StandardCharsets.UTF_8);
            int n = (int) Math.min(target.length, len);
            c.memory().write(buf, target, 0, n);
            c.memory().writeI32(c.u32(5), n);
            return 0;
        });
        registerRemoval(r, ctx);
        registerLinks(r, ctx);
    }

    private static void registerRemoval(FunctionRegistry r, WasiContext ctx) {
        r.add("path_remove_directory", "iii", c -> {
            DirectoryDescriptor dir = writable(ctx, c.i32(0), Rights.PATH_REMOVE_DIRECTORY);
            PathResolver.Resolved p = PathResolver.resolve(dir, c.string(1), false);
            if (p.isBase()) {
                // rmdir(".") and removing a preopen from below are refused, as by POSIX.
                return p.components().isEmpty() ? Errno.BUSY : Errno.INVAL;
            }
            if (!mustExist(p).isDirectory()) {
                return Errno.NOTDIR;
            }
            Files.delete(p.host());
            return 0;
        });
        r.add("path_unlink_file", "iii", c -> {
            DirectoryDescriptor dir = writable(ctx, c.i32(0), Rights.PATH_UNLINK_FILE);
            PathResolver.Resolved p = PathResolver.resolve(dir, c.string(1), false);
            if (p.isBase()) {
                return Errno.ISDIR;
            }
            BasicFileAttributes a = mustExist(p);
            if (a.isDirectory()) {
                return Errno.ISDIR;
            }
            if (p.trailingSlash()) {
                return Errno.NOTDIR;
            }
            Files.delete(p.host());
            return 0;
        });
    }

    private static void registerLinks(FunctionRegistry r, WasiContext ctx) {
        r.add("path_symlink", "iiiii", c -> {
            String target = c.string(0);
            DirectoryDescriptor dir = writable(ctx, c.i32(2), Rights.PATH_SYMLINK);
            PathResolver.Resolved p = PathResolver.resolve(dir, c.string(3), false);
            if (target.isEmpty()) {
                return Errno.NOENT;
            }
            if (target.startsWith("/")) {
                // Following it would be refused anyway; not creating it keeps host tools safe too.
                return Errno.NOTCAPABLE;
            }
            if (p.isBase() || attributes(p) != null) {
                return Errno.EXIST;
            }
            Files.createSymbolicLink(p.host(), p.host().getFileSystem().getPath(target));
            return 0;
        });
        r.add("path_link", "iiiiiii", c -> {
            DirectoryDescriptor from = writable(ctx, c.i32(0), Rights.PATH_LINK_SOURCE);
            DirectoryDescriptor to = writable(ctx, c.i32(4), Rights.PATH_LINK_TARGET);
            PathResolver.Resolved source = PathResolver.resolve(from, c.string(2), follow(c.i32(1)));
            PathResolver.Resolved dest = PathResolver.resolve(to, c.string(5), false);
            if (!source.host().getFileSystem().equals(dest.host().getFileSystem())) {
                return Errno.XDEV;
            }
            if (mustExist(source).isDirectory()) {
                return Errno.PERM;
            }
            if (dest.isBase() || attributes(dest) != null) {
                return Errno.EXIST;
            }
            Files.createLink(dest.host(), source.host());
            return 0;
        });
        RenameFunction.register(r, ctx);
    }

    /** The filestat path_filestat_get reports, after checking its {@code outSize}-byte result buffer. */
    static Filestat pathFilestat(WasiContext ctx, Call c, int outSize) throws IOException {
        DirectoryDescriptor dir = ctx.directory(c.i32(0), Rights.PATH_FILESTAT_GET);
        PathResolver.Resolved p = PathResolver.resolve(dir, c.string(2), follow(c.i32(1)));
        c.memory().check(c.u32(4), outSize);
        mustExist(p);
        return FileStats.stat(p.host());
    }

    static boolean follow(int lookupflags) {
        return (lookupflags & Flags.LOOKUP_SYMLINK_FOLLOW) != 0;
    }

    /** The directory {@code fd} for a modifying call: EROFS on a read-only mount, then the rights check. */
    static DirectoryDescriptor writable(WasiContext ctx, int fd, long rights) {
        DirectoryDescriptor dir = ctx.directory(fd, 0);
        dir.requireWritable();
        dir.require(rights);
        return dir;
    }

    /** Attributes of the resolved path itself (not following a final symlink), or null if it does not exist. */
    static BasicFileAttributes attributes(PathResolver.Resolved p) throws IOException {
        try {
            return Files.readAttributes(p.host(), BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    static BasicFileAttributes mustExist(PathResolver.Resolved p) throws IOException {
        BasicFileAttributes a = attributes(p);
        if (a == null) {
            throw new WasiErrnoException(Errno.NOENT);
        }
        if (p.trailingSlash() && !a.isDirectory()) {
            throw new WasiErrnoException(Errno.NOTDIR);
        }
        return a;
    }
}
