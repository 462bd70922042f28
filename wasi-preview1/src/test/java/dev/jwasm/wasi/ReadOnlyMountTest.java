package dev.jwasm.wasi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import dev.jwasm.wasi.abi.Errno;
import dev.jwasm.wasi.abi.Flags;
import dev.jwasm.wasi.abi.Layout;
import dev.jwasm.wasi.abi.Rights;
import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A read-only preopen: path-based modifications fail with EROFS; writes through descriptors opened from it
 * fail with ENOTCAPABLE because they never get write rights; reads work.
 */
class ReadOnlyMountTest {
    private FileSystem fs;
    private Path root;
    private WasiHarness h;

    @BeforeEach
    void setUp() throws IOException {
        fs = Jimfs.newFileSystem(Configuration.unix());
        root = fs.getPath("/ro");
        Files.createDirectories(root.resolve("dir"));
        Files.writeString(root.resolve("file"), "content");
        h = new WasiHarness(WasiConfig.builder().preopen(root, "/ro", PreopenMode.READ_ONLY).build());
    }

    @AfterEach
    void tearDown() throws IOException {
        h.close();
        fs.close();
    }

    private int path(String s) {
        return h.string(s);
    }

    @Test
    void readsWork() {
        int fd = h.openOk(3, "file", 0, Rights.ALL);
        assertEquals("content", h.read(fd, 100));
        int dir = h.openOk(3, "dir", Flags.OFLAGS_DIRECTORY, Rights.ALL);
        assertTrue(dir > fd);
    }

    @Test
    void fdstatReportsNoWriteRights() {
        int out = h.alloc(Layout.FDSTAT_SIZE);
        h.ok("fd_fdstat_get", 3, out);
        assertEquals(0, h.i64(out + 8) & Rights.DIR_WRITE);
        assertEquals(0, h.i64(out + 16) & (Rights.FD_WRITE | Rights.PATH_CREATE_FILE));
        int fd = h.openOk(3, "file", 0, Rights.ALL & ~Rights.FD_WRITE);
        h.ok("fd_fdstat_get", fd, out);
        assertEquals(0, h.i64(out + 8) & Rights.FILE_WRITE);
        assertTrue((h.i64(out + 8) & Rights.FD_READ) != 0);
    }

    @Test
    void openingForWritingCreatingOrTruncatingIsErofs() {
        assertEquals(Errno.SUCCESS, h.open(3, 1, "file", 0, Rights.FD_READ | Rights.FD_WRITE, 0),
                "asking for write rights is not an error; they are just not granted");
        assertEquals(Errno.NOTCAPABLE, h.write(h.lastFd, "x"));
        assertEquals(Errno.ROFS, h.open(3, 1, "new", Flags.OFLAGS_CREAT, Rights.FD_READ, 0));
        assertEquals(Errno.ROFS, h.open(3, 1, "file", Flags.OFLAGS_TRUNC, Rights.FD_READ, 0));
        assertEquals(Errno.ROFS, h.open(3, 1, "file", 0, Rights.FD_READ, Flags.FDFLAGS_APPEND));
        assertFalse(Files.exists(root.resolve("new")));
    }

    @Test
    void writesThroughAReadOnlyDescriptorAreNotCapable() throws IOException {
        int fd = h.openOk(3, "file", 0, Rights.ALL);
        assertEquals(Errno.NOTCAPABLE, h.write(fd, "x"));
        assertEquals(Errno.NOTCAPABLE, h.call("fd_pwrite", fd, h.iovec(h.string("x"), 1), 1, 0L, h.alloc(4)));
        assertEquals(Errno.ROFS, h.call("fd_filestat_set_size", fd, 0L));
        assertEquals(Errno.ROFS, h.call("fd_filestat_set_times", fd, 0L, 0L, Flags.FST_MTIM_NOW));
        assertEquals(Errno.ROFS, h.call("fd_fdstat_set_flags", fd, Flags.FDFLAGS_APPEND));
        assertEquals(Errno.NOTCAPABLE, h.call("fd_allocate", fd, 0L, 100L));
        assertEquals("content", Files.readString(root.resolve("file")));
    }

    @Test
    void everyPathModificationIsErofs() throws IOException {
        assertEquals(Errno.ROFS, h.call("path_create_directory", 3, path("x"), 1));
        assertEquals(Errno.ROFS, h.call("path_remove_directory", 3, path("dir"), 3));
        assertEquals(Errno.ROFS, h.call("path_unlink_file", 3, path("file"), 4));
        assertEquals(Errno.ROFS, h.call("path_rename", 3, path("file"), 4, 3, path("moved"), 5));
        assertEquals(Errno.ROFS, h.call("path_symlink", path("file"), 4, 3, path("sl"), 2));
        assertEquals(Errno.ROFS, h.call("path_link", 3, 0, path("file"), 4, 3, path("hl"), 2));
        assertEquals(Errno.ROFS, h.call("path_filestat_set_times", 3, 0, path("file"), 4, 0L, 0L,
                Flags.FST_MTIM_NOW));
        assertEquals(Errno.ROFS, h.call("fd_filestat_set_times", 3, 0L, 0L, Flags.FST_MTIM_NOW));
        assertTrue(Files.exists(root.resolve("file")));
        assertTrue(Files.exists(root.resolve("dir")));
    }

    @Test
    void aSubdirectoryOfAReadOnlyMountIsReadOnlyToo() {
        int dir = h.openOk(3, "dir", Flags.OFLAGS_DIRECTORY, Rights.ALL);
        assertEquals(Errno.ROFS, h.call("path_create_directory", dir, path("x"), 1));
        assertEquals(Errno.ROFS, h.open(dir, 1, "new", Flags.OFLAGS_CREAT, Rights.ALL, 0));
    }
}
