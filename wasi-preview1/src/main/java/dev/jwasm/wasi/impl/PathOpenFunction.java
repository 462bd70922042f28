package dev.jwasm.wasi.impl;

import dev.jwasm.wasi.abi.Errno;
import dev.jwasm.wasi.abi.Flags;
import dev.jwasm.wasi.abi.Rights;
import dev.jwasm.wasi.abi.WasiErrnoException;
import dev.jwasm.wasi.fs.Descriptor;
import dev.jwasm.wasi.fs.DirectoryDescriptor;
import dev.jwasm.wasi.fs.PathResolver;
import dev.jwasm.wasi.fs.RegularFileDescriptor;
import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashSet;
import java.util.Set;

/**
 * {@code path_open}. The new descriptor's rights are the requested ones narrowed to what the directory may
 * hand out ({@code fs_rights_inheriting}) and to what the file type supports; asking for more is not an
 * error, since wasi-libc always asks broadly.
 *
 * <p>On a read-only mount {@code O_CREAT}, {@code O_TRUNC} and {@code FDFLAGS_APPEND} fail with EROFS;
 * requested write rights are just not granted (many toolchains ask for every right even to read), so a later
 * write through the descriptor fails with ENOTCAPABLE.
 */
public final class PathOpenFunction implements FunctionRegistry.Group {
    private static final int PATH_OPEN = 0;

    private final WasiContext ctx;

    private static final long WRITE_RIGHTS = Rights.FD_WRITE | Rights.FD_ALLOCATE | Rights.FD_FILESTAT_SET_SIZE;

    private PathOpenFunction(WasiContext ctx) {
        this.ctx = ctx;
    }

    public static void register(FunctionRegistry r, WasiContext ctx) {
        PathOpenFunction functions = new PathOpenFunction(ctx);
        r.add("path_open", "iiiiiIIii", functions, PATH_OPEN);
    }

    @Override
    public int call(int id, Call c) throws IOException {
        return switch (id) {
            case PATH_OPEN -> pathOpen(c);
            default -> throw new IllegalArgumentException("no function " + id);
        };
    }

    private int pathOpen(Call c) throws IOException {
        DirectoryDescriptor dir = ctx.directory(c.i32(0), Rights.PATH_OPEN);
        int lookup = c.i32(1);
        String path = c.string(2);
        int oflags = c.i32(4);
        long base = c.i64(5);
        long inheriting = c.i64(6);
        int fdflags = c.i32(7);
        long out = c.u32(8);
        c.memory().check(out, 4);
        WasiContext.checkFlags(oflags & 0xFFFF_FFFFL, Flags.OFLAGS_ALL);
        WasiContext.checkFlags(fdflags & 0xFFFF_FFFFL, Flags.FDFLAGS_ALL);
        Descriptor d = open(dir, path, (lookup & Flags.LOOKUP_SYMLINK_FOLLOW) != 0, oflags, base, inheriting,
                fdflags);
        try {
            c.memory().writeI32(out, ctx.fds().add(d));
        } catch (WasiErrnoException e) {
            d.close();
            throw e;
        }
        return 0;
    }

    static Descriptor open(DirectoryDescriptor dir, String path, boolean follow, int oflags, long base,
            long inheriting, int fdflags) throws IOException {
        boolean creat = (oflags & Flags.OFLAGS_CREAT) != 0;
        boolean trunc = (oflags & Flags.OFLAGS_TRUNC) != 0;
        boolean wantsWrite = creat || trunc || (fdflags & Flags.FDFLAGS_APPEND) != 0;
        if (wantsWrite && dir.readOnly()) {
            throw new WasiErrnoException(Errno.ROFS);
        }
        if (creat) {
            dir.require(Rights.PATH_CREATE_FILE);
        }
        if (trunc) {
            dir.require(Rights.PATH_FILESTAT_SET_SIZE);
        }
        PathResolver.Resolved target = PathResolver.resolve(dir, path, follow);
        BasicFileAttributes attrs = attributes(target);
        checkExistence(target, attrs, oflags);
        long grantedBase = base & dir.rightsInheriting();
        long grantedInheriting = inheriting & dir.rightsInheriting();
        if (attrs != null && attrs.isDirectory()) {
            // open(dir, O_CREAT | O_TRUNC | O_WRONLY) is EISDIR; with O_DIRECTORY broad rights are just narrowed.
            if (creat || trunc || ((base & Rights.FD_WRITE) != 0 && (oflags & Flags.OFLAGS_DIRECTORY) == 0)) {
                throw new WasiErrnoException(Errno.ISDIR);
            }
            return new DirectoryDescriptor(dir.preopen(), target.components(), false, grantedBase & Rights.DIR_ALL,
                    grantedInheriting, fdflags);
        }
        if ((oflags & Flags.OFLAGS_DIRECTORY) != 0) {
            throw new WasiErrnoException(Errno.NOTDIR);
        }
        long fileRights = grantedBase & (dir.readOnly() ? Rights.FILE_READ_ONLY : Rights.FILE_ALL);
        SeekableByteChannel channel = openChannel(target, options(oflags, fileRights));
        return new RegularFileDescriptor(channel, target.host(), dir.readOnly(), fileRights, grantedInheriting & Rights.FILE_ALL,
                fdflags);
    }

    private static SeekableByteChannel openChannel(PathResolver.Resolved target, Set<OpenOption> options)
            throws IOException {
        try {
            return Files.newByteChannel(target.host(), options);
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            // Providers without symlinks (zip) may reject NOFOLLOW_LINKS; without symlinks it changes nothing.
            options.remove(LinkOption.NOFOLLOW_LINKS);
            return Files.newByteChannel(target.host(), options);
        }
    }

    private static BasicFileAttributes attributes(PathResolver.Resolved target) throws IOException {
        try {
            return Files.readAttributes(target.host(), BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    private static void checkExistence(PathResolver.Resolved target, BasicFileAttributes attrs, int oflags) {
        boolean creat = (oflags & Flags.OFLAGS_CREAT) != 0;
        if (attrs == null) {
            if (!creat) {
                throw new WasiErrnoException(Errno.NOENT);
            }
            if ((oflags & Flags.OFLAGS_DIRECTORY) != 0) {
                throw new WasiErrnoException(Errno.INVAL);
            }
            if (target.trailingSlash()) {
                throw new WasiErrnoException(Errno.ISDIR);
            }
            return;
        }
        if (creat && (oflags & Flags.OFLAGS_EXCL) != 0) {
            throw new WasiErrnoException(Errno.EXIST);
        }
        if (attrs.isSymbolicLink()) {
            // Only reachable without symlink_follow: O_NOFOLLOW on a symlink.
            throw new WasiErrnoException(Errno.LOOP);
        }
        if (!attrs.isDirectory() && (target.trailingSlash() || (oflags & Flags.OFLAGS_DIRECTORY) != 0)) {
            throw new WasiErrnoException(Errno.NOTDIR);
        }
    }

    private static Set<OpenOption> options(int oflags, long rights) {
        Set<OpenOption> options = new HashSet<>();
        boolean write = (rights & WRITE_RIGHTS) != 0 || (oflags & Flags.OFLAGS_TRUNC) != 0;
        if ((rights & Rights.FD_READ) != 0 || !write) {
            options.add(StandardOpenOption.READ);
        }
        if (write) {
            options.add(StandardOpenOption.WRITE);
        }
        if ((oflags & Flags.OFLAGS_CREAT) != 0) {
            options.add((oflags & Flags.OFLAGS_EXCL) != 0 ? StandardOpenOption.CREATE_NEW : StandardOpenOption.CREATE);
            if (!write) {
                options.add(StandardOpenOption.WRITE);
            }
        }
        if ((oflags & Flags.OFLAGS_TRUNC) != 0) {
            options.add(StandardOpenOption.TRUNCATE_EXISTING);
        }
        // The resolver already expanded a followed final symlink, so the host path must not be one now.
        options.add(LinkOption.NOFOLLOW_LINKS);
        return options;
    }
}
