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
public final class PathFunctions implements FunctionRegistry.Group {
    private static final int PATH_CREATE_DIRECTORY = 0;
    private static final int PATH_FILESTAT_GET = 1;
    private static final int PATH_FILESTAT_SET_TIMES = 2;
    private static final int PATH_READLINK = 3;
    private static final int PATH_REMOVE_DIRECTORY = 4;
    private static final int PATH_UNLINK_FILE = 5;
    private static final int PATH_SYMLINK = 6;
    private static final int PATH_LINK = 7;

    private final WasiContext ctx;

    private PathFunctions(WasiContext ctx) {
        this.ctx = ctx;
    }

    public static void register(FunctionRegistry r, WasiContext ctx) {
        PathFunctions functions = new PathFunctions(ctx);
        r.add("path_create_directory", "iii", functions, PATH_CREATE_DIRECTORY);
        r.add("path_filestat_get", "iiiii", functions, PATH_FILESTAT_GET);
        r.add("path_filestat_set_times", "iiiiIIi", functions, PATH_FILESTAT_SET_TIMES);
        r.add("path_readlink", "iiiiii", functions, PATH_READLINK);
        r.add("path_remove_directory", "iii", functions, PATH_REMOVE_DIRECTORY);
        r.add("path_unlink_file", "iii", functions, PATH_UNLINK_FILE);
        r.add("path_symlink", "iiiii", functions, PATH_SYMLINK);
        r.add("path_link", "iiiiiii", functions, PATH_LINK);
        RenameFunction.register(r, ctx);
    }

    @Override
    public int call(int id, Call c) throws IOException {
        return switch (id) {
            case PATH_CREATE_DIRECTORY -> pathCreateDirectory(c);
            case PATH_FILESTAT_GET -> pathFilestatGet(c);
            case PATH_FILESTAT_SET_TIMES -> pathFilestatSetTimes(c);
            case PATH_READLINK -> pathReadlink(c);
            case PATH_REMOVE_DIRECTORY -> pathRemoveDirectory(c);
            case PATH_UNLINK_FILE -> pathUnlinkFile(c);
            case PATH_SYMLINK -> pathSymlink(c);
            case PATH_LINK -> pathLink(c);
            default -> throw new IllegalArgumentException("no function " + id);
        };
    }

    private int pathCreateDirectory(Call c) throws IOException {
        DirectoryDescriptor dir = writable(ctx, c.i32(0), Rights.PATH_CREATE_DIRECTORY);
        PathResolver.Resolved p = PathResolver.resolve(dir, c.string(1), false);
        if (p.isBase() || attributes(p) != null) {
            return Errno.EXIST;
        }
        Files.createDirectory(p.host());
        return 0;
    }

    private int pathFilestatGet(Call c) throws IOException {
        pathFilestat(ctx, c, Layout.FILESTAT_SIZE).writeTo(c.memory(), c.u32(4));
        return 0;
    }

    private int pathFilestatSetTimes(Call c) throws IOException {
        DirectoryDescriptor dir = writable(ctx, c.i32(0), Rights.PATH_FILESTAT_SET_TIMES);
        PathResolver.Resolved p = PathResolver.resolve(dir, c.string(2), follow(c.i32(1)));
        mustExist(p);
        Times.set(p.host(), c.i64(4), c.i64(5), c.i32(6), ctx.clock(), false);
        return 0;
    }

    private int pathReadlink(Call c) throws IOException {
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
    }

    private int pathRemoveDirectory(Call c) throws IOException {
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
    }

    private int pathUnlinkFile(Call c) throws IOException {
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
    }

    private int pathSymlink(Call c) throws IOException {
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
    }

    private int pathLink(Call c) throws IOException {
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
