package dev.jwasm.wasi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import dev.jwasm.wasi.abi.Errno;
import dev.jwasm.wasi.abi.Flags;
import dev.jwasm.wasi.abi.Rights;
import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Preopens work on any java.nio file system, and bad configurations fail at creation. */
class OtherFileSystemsTest {
    @TempDir
    Path temp;

    @Test
    void aZipFileCanBePreopenedReadOnly() throws IOException {
        Path zip = temp.resolve("archive.zip");
        try (FileSystem zfs = FileSystems.newFileSystem(URI.create("jar:" + zip.toUri()), Map.of("create", "true"))) {
            Files.createDirectories(zfs.getPath("/docs"));
            Files.writeString(zfs.getPath("/docs/readme.txt"), "zipped");
        }
        try (FileSystem zfs = FileSystems.newFileSystem(zip);
                WasiHarness h = new WasiHarness(WasiConfig.builder()
                        .preopen(zfs.getPath("/"), "/zip", PreopenMode.READ_ONLY).build())) {
            int fd = h.openOk(3, "docs/readme.txt", 0, Rights.ALL);
            assertEquals("zipped", h.read(fd, 100));
            assertEquals(Errno.NOTCAPABLE, h.open(3, 1, "../etc", 0, Rights.ALL, 0));
            assertEquals(Errno.ROFS, h.open(3, 1, "docs/new", Flags.OFLAGS_CREAT, Rights.ALL, 0));
        }
    }

    @Test
    void twoPreopensOnDifferentFileSystemsCannotBeLinkedAcross() throws IOException {
        try (FileSystem a = Jimfs.newFileSystem(Configuration.unix());
                FileSystem b = Jimfs.newFileSystem(Configuration.unix())) {
            Files.createDirectory(a.getPath("/a"));
            Files.createDirectory(b.getPath("/b"));
            Files.writeString(a.getPath("/a/f"), "x");
            try (WasiHarness h = new WasiHarness(WasiConfig.builder()
                    .preopen(a.getPath("/a"), "/a", PreopenMode.READ_WRITE)
                    .preopen(b.getPath("/b"), "/b", PreopenMode.READ_WRITE).build())) {
                int from = h.string("f");
                int to = h.string("g");
                assertEquals(Errno.XDEV, h.call("path_rename", 3, from, 1, 4, to, 1));
                assertEquals(Errno.XDEV, h.call("path_link", 3, 0, from, 1, 4, to, 1));
            }
        }
    }

    @Test
    void timesCanBeSetOnTheDefaultFileSystemWithoutFollowingLinks() throws IOException {
        Path dir = Files.createDirectory(temp.resolve("d"));
        Files.writeString(dir.resolve("f"), "x");
        Files.createSymbolicLink(dir.resolve("link"), Path.of("f"));
        try (WasiHarness h = new WasiHarness(WasiConfig.builder().preopen(dir, "/d", PreopenMode.READ_WRITE)
                .build())) {
            int fd = h.openOk(3, "f", 0, Rights.ALL);
            h.ok("fd_filestat_set_times", fd, 0L, 3_000_000_000L, Flags.FST_MTIM);
            assertEquals(3000, Files.getLastModifiedTime(dir.resolve("f")).toMillis());
            int link = h.string("link");
            h.ok("path_filestat_set_times", 3, 0, link, 4, 0L, 9_000_000_000L, Flags.FST_MTIM);
            assertEquals(3000, Files.getLastModifiedTime(dir.resolve("f")).toMillis());
            h.ok("path_filestat_set_times", 3, Flags.LOOKUP_SYMLINK_FOLLOW, link, 4, 0L, 9_000_000_000L,
                    Flags.FST_MTIM);
            assertEquals(9000, Files.getLastModifiedTime(dir.resolve("f")).toMillis());
        }
    }

    @Test
    void aPreopenThatIsNotADirectoryIsRejected() throws IOException {
        Path file = Files.writeString(temp.resolve("file"), "x");
        WasiConfig config = WasiConfig.builder().preopen(file, "/f", PreopenMode.READ_ONLY).build();
        assertThrows(NotDirectoryException.class, () -> Wasi.create(config));
    }

    @Test
    void defaultStdioIsEmptyAndDiscarded() throws IOException {
        try (WasiHarness h = new WasiHarness(WasiConfig.builder().build())) {
            assertEquals("", h.read(0, 10));
            assertEquals(Errno.SUCCESS, h.write(1, "into the void"));
        }
    }
}
