package dev.jwasm.wasi.fs;

import dev.jwasm.wasi.abi.FileType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Reads host file attributes as WASI filestats, using the POSIX "unix" view where the file system has one. */
public final class FileStats {
    private static final LinkOption[] NOFOLLOW = {LinkOption.NOFOLLOW_LINKS};

    private FileStats() {
    }

    /** Stats {@code path} without following a final symlink (paths given here are already resolved). */
    public static Filestat stat(Path path) throws IOException {
        BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class, NOFOLLOW);
        long dev = 0;
        long ino = syntheticInode(path, a);
        long nlink = 1;
        long ctim = nanos(a.lastModifiedTime());
        if (path.getFileSystem().supportedFileAttributeViews().contains("unix")) {
            Map<String, Object> u = Files.readAttributes(path, "unix:dev,ino,nlink,ctime", NOFOLLOW);
            dev = ((Number) u.get("dev")).longValue();
            ino = ((Number) u.get("ino")).longValue();
            nlink = ((Number) u.get("nlink")).longValue();
            ctim = nanos((FileTime) u.get("ctime"));
        }
        return new Filestat(dev, ino, fileType(a), nlink, a.size(), nanos(a.lastAccessTime()),
                nanos(a.lastModifiedTime()), ctim);
    }

    /** The inode number, or a stable stand-in on file systems without one. */
    public static long inode(Path path) {
        try {
            return stat(path).ino();
        } catch (IOException e) {
            return 0;
        }
    }

    public static int fileType(BasicFileAttributes a) {
        if (a.isSymbolicLink()) {
            return FileType.SYMBOLIC_LINK;
        }
        if (a.isDirectory()) {
            return FileType.DIRECTORY;
        }
        if (a.isRegularFile()) {
            return FileType.REGULAR_FILE;
        }
        return FileType.UNKNOWN;
    }

    private static long syntheticInode(Path path, BasicFileAttributes a) {
        Object key = a.fileKey();
        long h = key != null ? key.hashCode() : path.toAbsolutePath().normalize().hashCode();
        return h & 0xFFFF_FFFFL;
    }

    static long nanos(FileTime t) {
        if (t == null) {
            return 0;
        }
        long seconds = t.to(TimeUnit.SECONDS);
        long nanos = t.to(TimeUnit.NANOSECONDS);
        return seconds > Long.MAX_VALUE / 1_000_000_000L ? Long.MAX_VALUE : nanos;
    }
}
