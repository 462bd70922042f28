package dev.jwasm.wasi.fs;

import dev.jwasm.wasi.abi.FileType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/** Lists a directory for fd_readdir: {@code .} and {@code ..} first, then the entries sorted by name. */
public final class DirectoryListing {
    /** One directory entry; its cookie is its index + 1 (the position of the next entry). */
    public record Entry(byte[] name, long ino, int fileType) {
    }

    private DirectoryListing() {
    }

    static List<Entry> list(DirectoryDescriptor dir) throws IOException {
        Path self = PathResolver.resolveSelf(dir);
        List<Entry> entries = new ArrayList<>();
        entries.add(new Entry(bytes("."), FileStats.inode(self), FileType.DIRECTORY));
        // ".." of a preopen would be outside the sandbox: report it without looking there.
        Path parent = dir.components().isEmpty() ? self : self.getParent();
        entries.add(new Entry(bytes(".."), parent == null ? 0 : FileStats.inode(parent), FileType.DIRECTORY));
        List<Path> children = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(self)) {
            for (Path child : stream) {
                children.add(child);
            }
        }
        children.sort((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()));
        for (Path child : children) {
            int type = FileType.UNKNOWN;
            long ino = 0;
            try {
                BasicFileAttributes a = Files.readAttributes(child, BasicFileAttributes.class,
                        LinkOption.NOFOLLOW_LINKS);
                type = FileStats.fileType(a);
                ino = FileStats.inode(child);
            } catch (IOException e) {
                // Removed while listing: still report the name, as readdir would.
            }
            entries.add(new Entry(bytes(child.getFileName().toString()), ino, type));
        }
        return entries;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
