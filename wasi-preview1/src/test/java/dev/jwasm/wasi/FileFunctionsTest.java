package dev.jwasm.wasi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import dev.jwasm.wasi.abi.Errno;
import dev.jwasm.wasi.abi.FileType;
import dev.jwasm.wasi.abi.Flags;
import dev.jwasm.wasi.abi.Layout;
import dev.jwasm.wasi.abi.Rights;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** fd_* and path_* functions on an in-memory file system, called like a guest would. */
class FileFunctionsTest {
    private FileSystem fs;
    private Path root;
    private WasiHarness h;
    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();

    @BeforeEach
    void setUp() throws IOException {
        fs = Jimfs.newFileSystem(Configuration.unix().toBuilder().setAttributeViews("basic", "posix", "unix")
                .build());
        root = fs.getPath("/work");
        Files.createDirectories(root.resolve("sub"));
        Files.writeString(root.resolve("hello.txt"), "hello world");
        h = new WasiHarness(WasiConfig.builder()
                .stdin(new ByteArrayInputStream("input".getBytes(StandardCharsets.UTF_8)))
                .stdout(stdout)
                .preopen(root, "/work", PreopenMode.READ_WRITE)
                .build());
    }

    @AfterEach
    void tearDown() throws IOException {
        h.close();
        fs.close();
    }

    @Test
    void stdioGoesToTheConfiguredStreams() {
        assertEquals(Errno.SUCCESS, h.write(1, "out"));
        assertEquals("out", stdout.toString(StandardCharsets.UTF_8));
        assertEquals("input", h.read(0, 100));
        assertEquals("", h.read(0, 100));
        // Rights come first: stdin simply lacks fd_write.
        assertEquals(Errno.NOTCAPABLE, h.write(0, "x"));
        assertEquals(Errno.BADF, h.write(9, "x"));
    }

    @Test
    void preopensAreDescribedByPrestat() {
        int out = h.alloc(8);
        h.ok("fd_prestat_get", 3, out);
        assertEquals(0, h.memory.readByte(out));
        assertEquals(5, h.i32(out + 4));
        int name = h.alloc(5);
        assertEquals(Errno.NAMETOOLONG, h.call("fd_prestat_dir_name", 3, name, 4));
        h.ok("fd_prestat_dir_name", 3, name, 5);
        assertEquals("/work", h.text(name, 5));
        assertEquals(Errno.BADF, h.call("fd_prestat_get", 4, out));
        assertEquals(Errno.BADF, h.call("fd_prestat_get", 1, out));
    }

    @Test
    void aFileCanBeWrittenSeekedAndReadBack() throws IOException {
        int fd = h.openOk(3, "new.txt", Flags.OFLAGS_CREAT | Flags.OFLAGS_EXCL, Rights.ALL);
        assertEquals(4, fd);
        assertEquals(Errno.SUCCESS, h.write(fd, "abcdef"));
        int pos = h.alloc(8);
        h.ok("fd_seek", fd, 1L, Flags.WHENCE_SET, pos);
        assertEquals(1, h.i64(pos));
        assertEquals("bcd", h.read(fd, 3));
        h.ok("fd_tell", fd, pos);
        assertEquals(4, h.i64(pos));
        h.ok("fd_seek", fd, -2L, Flags.WHENCE_END, pos);
        assertEquals(4, h.i64(pos));
        assertEquals(Errno.INVAL, h.call("fd_seek", fd, -10L, Flags.WHENCE_CUR, pos));
        assertEquals(Errno.INVAL, h.call("fd_seek", fd, 0L, 3, pos));
        h.ok("fd_close", fd);
        assertEquals("abcdef", Files.readString(root.resolve("new.txt")));
        assertEquals(Errno.EXIST, h.open(3, 0, "new.txt", Flags.OFLAGS_CREAT | Flags.OFLAGS_EXCL, Rights.ALL, 0));
        assertEquals(Errno.BADF, h.call("fd_close", fd));
    }

    @Test
    void preadAndPwriteLeaveTheOffsetAlone() throws IOException {
        int fd = h.openOk(3, "hello.txt", 0, Rights.ALL);
        int buf = h.alloc(5);
        int n = h.alloc(4);
        h.ok("fd_pread", fd, h.iovec(buf, 5), 1, 6L, n);
        assertEquals("world", h.text(buf, h.i32(n)));
        int data = h.string("HELLO");
        h.ok("fd_pwrite", fd, h.iovec(data, 5), 1, 0L, n);
        assertEquals(5, h.i32(n));
        assertEquals("HELLO world", h.read(fd, 100));
        assertEquals(Errno.NOTCAPABLE, h.call("fd_pread", 0, h.iovec(buf, 5), 1, 0L, n));
    }

    @Test
    void scatterReadsFillEveryBufferOfAFile() {
        int fd = h.openOk(3, "hello.txt", 0, Rights.ALL);
        int a = h.alloc(4);
        int b = h.alloc(100);
        int iovs = h.alloc(16);
        h.memory.writeInt(iovs, a);
        h.memory.writeInt(iovs + 4, 4);
        h.memory.writeInt(iovs + 8, b);
        h.memory.writeInt(iovs + 12, 100);
        int n = h.alloc(4);
        h.ok("fd_read", fd, iovs, 2, n);
        assertEquals(11, h.i32(n));
        assertEquals("hell", h.text(a, 4));
        assertEquals("o world", h.text(b, 7));
    }

    @Test
    void appendModeWritesAtTheEnd() throws IOException {
        int fd = h.openOk(3, "hello.txt", 0, Rights.ALL);
        h.ok("fd_fdstat_set_flags", fd, Flags.FDFLAGS_APPEND);
        assertEquals(Errno.SUCCESS, h.write(fd, "!"));
        assertEquals("hello world!", Files.readString(root.resolve("hello.txt")));
        assertEquals(Errno.INVAL, h.call("fd_fdstat_set_flags", fd, 64));
    }

    @Test
    void truncAndSetSizeChangeTheLength() throws IOException {
        int fd = h.openOk(3, "hello.txt", Flags.OFLAGS_TRUNC, Rights.ALL);
        assertEquals(0, Files.size(root.resolve("hello.txt")));
        h.ok("fd_filestat_set_size", fd, 10L);
        assertEquals(10, Files.size(root.resolve("hello.txt")));
        h.ok("fd_filestat_set_size", fd, 3L);
        assertEquals(3, Files.size(root.resolve("hello.txt")));
        h.ok("fd_allocate", fd, 0L, 8L);
        assertEquals(8, Files.size(root.resolve("hello.txt")));
        assertEquals(Errno.INVAL, h.call("fd_allocate", fd, 0L, 0L));
        h.ok("fd_advise", fd, 0L, 0L, 1);
        assertEquals(Errno.INVAL, h.call("fd_advise", fd, 0L, 0L, 9));
        h.ok("fd_sync", fd);
        h.ok("fd_datasync", fd);
    }

    @Test
    void fdstatReportsTypeFlagsAndRights() {
        int out = h.alloc(Layout.FDSTAT_SIZE);
        h.ok("fd_fdstat_get", 3, out);
        assertEquals(FileType.DIRECTORY, h.memory.readByte(out));
        assertTrue((h.i64(out + 8) & Rights.PATH_CREATE_FILE) != 0);
        int fd = h.openOk(3, "hello.txt", 0, Rights.FD_READ | Rights.FD_SEEK);
        h.ok("fd_fdstat_get", fd, out);
        assertEquals(FileType.REGULAR_FILE, h.memory.readByte(out));
        assertEquals(Rights.FD_READ | Rights.FD_SEEK, h.i64(out + 8));
        assertEquals(Errno.NOTCAPABLE, h.write(fd, "x"));
        h.ok("fd_fdstat_set_rights", fd, Rights.FD_READ, 0L);
        assertEquals(Errno.NOTCAPABLE, h.call("fd_seek", fd, 1L, 0, h.alloc(8)));
        assertEquals(Errno.NOTCAPABLE, h.call("fd_fdstat_set_rights", fd, Rights.FD_READ | Rights.FD_WRITE, 0L));
    }

    @Test
    void filestatDescribesFilesAndPaths() throws IOException {
        int out = h.alloc(Layout.FILESTAT_SIZE);
        h.ok("fd_filestat_get", 3, out);
        assertEquals(FileType.DIRECTORY, h.memory.readByte(out + Layout.FILESTAT_FILETYPE));
        int path = h.string("hello.txt");
        h.ok("path_filestat_get", 3, 1, path, 9, out);
        assertEquals(FileType.REGULAR_FILE, h.memory.readByte(out + Layout.FILESTAT_FILETYPE));
        assertEquals(11, h.i64(out + Layout.FILESTAT_SIZE_FIELD));
        assertEquals(Files.getLastModifiedTime(root.resolve("hello.txt")).toMillis(),
                h.i64(out + Layout.FILESTAT_MTIM) / 1_000_000);
        int missing = h.string("nope");
        assertEquals(Errno.NOENT, h.call("path_filestat_get", 3, 1, missing, 4, out));
    }

    @Test
    void timesCanBeSetExplicitlyOrToNow() throws IOException {
        int path = h.string("hello.txt");
        h.ok("path_filestat_set_times", 3, 0, path, 9, 5_000_000_000L, 7_000_000_000L,
                Flags.FST_ATIM | Flags.FST_MTIM);
        assertEquals(FileTime.fromMillis(7000), Files.getLastModifiedTime(root.resolve("hello.txt")));
        assertEquals(Errno.INVAL, h.call("path_filestat_set_times", 3, 0, path, 9, 0L, 0L,
                Flags.FST_MTIM | Flags.FST_MTIM_NOW));
        int fd = h.openOk(3, "hello.txt", 0, Rights.ALL);
        h.ok("fd_filestat_set_times", fd, 0L, 0L, Flags.FST_MTIM_NOW);
        assertTrue(Files.getLastModifiedTime(root.resolve("hello.txt")).toMillis() > 7000);
    }

    @Test
    void directoriesAreCreatedRemovedAndOpened() throws IOException {
        int p = h.string("made");
        h.ok("path_create_directory", 3, p, 4);
        assertTrue(Files.isDirectory(root.resolve("made")));
        assertEquals(Errno.EXIST, h.call("path_create_directory", 3, p, 4));
        int dirFd = h.openOk(3, "made", Flags.OFLAGS_DIRECTORY, Rights.ALL);
        int inner = h.openOk(dirFd, "inner.txt", Flags.OFLAGS_CREAT, Rights.ALL);
        h.ok("fd_close", inner);
        assertTrue(Files.exists(root.resolve("made/inner.txt")));
        assertEquals(Errno.NOTEMPTY, h.call("path_remove_directory", 3, p, 4));
        int f = h.string("made/inner.txt");
        assertEquals(Errno.NOTDIR, h.call("path_remove_directory", 3, f, 14));
        h.ok("path_unlink_file", 3, f, 14);
        h.ok("path_remove_directory", 3, p, 4);
        assertFalse(Files.exists(root.resolve("made")));
        assertEquals(Errno.NOTDIR, h.open(3, 1, "hello.txt", Flags.OFLAGS_DIRECTORY, Rights.ALL, 0));
        assertEquals(Errno.ISDIR, h.call("path_unlink_file", 3, h.string("sub"), 3));
        assertEquals(Errno.NOENT, h.open(3, 1, "absent", 0, Rights.ALL, 0));
    }

    @Test
    void renameReplacesLikePosix() throws IOException {
        Files.writeString(root.resolve("b.txt"), "b");
        int a = h.string("hello.txt");
        int b = h.string("b.txt");
        h.ok("path_rename", 3, a, 9, 3, b, 5);
        assertEquals("hello world", Files.readString(root.resolve("b.txt")));
        assertFalse(Files.exists(root.resolve("hello.txt")));
        int sub = h.string("sub");
        assertEquals(Errno.ISDIR, h.call("path_rename", 3, b, 5, 3, sub, 3));
        assertEquals(Errno.NOTDIR, h.call("path_rename", 3, sub, 3, 3, b, 5));
        int nested = h.string("sub/x");
        assertEquals(Errno.INVAL, h.call("path_rename", 3, sub, 3, 3, nested, 5));
        assertEquals(Errno.NOENT, h.call("path_rename", 3, a, 9, 3, b, 5));
    }

    @Test
    void linksAndSymlinksAreCreatedAndRead() throws IOException {
        int target = h.string("hello.txt");
        int link = h.string("link");
        h.ok("path_symlink", target, 9, 3, link, 4);
        assertTrue(Files.isSymbolicLink(root.resolve("link")));
        int buf = h.alloc(64);
        int n = h.alloc(4);
        h.ok("path_readlink", 3, link, 4, buf, 64, n);
        assertEquals("hello.txt", h.text(buf, h.i32(n)));
        h.ok("path_readlink", 3, link, 4, buf, 3, n);
        assertEquals(3, h.i32(n));
        assertEquals(Errno.INVAL, h.call("path_readlink", 3, target, 9, buf, 64, n));
        int abs = h.string("/etc/passwd");
        assertEquals(Errno.NOTCAPABLE, h.call("path_symlink", abs, 11, 3, h.string("bad"), 3));
        int fd = h.openOk(3, "link", 0, Rights.ALL);
        assertEquals("hello world", h.read(fd, 100));
        assertEquals(Errno.LOOP, h.open(3, 0, "link", 0, Rights.ALL, 0));
        int hard = h.string("hard");
        h.ok("path_link", 3, 0, target, 9, 3, hard, 4);
        assertEquals("hello world", Files.readString(root.resolve("hard")));
        assertEquals(Errno.EXIST, h.call("path_link", 3, 0, target, 9, 3, hard, 4));
        h.ok("path_unlink_file", 3, link, 4);
        assertTrue(Files.exists(root.resolve("hello.txt")));
    }

    @Test
    void renumberMovesADescriptorOntoAnOpenOrClosedNumber() {
        int fd = h.openOk(3, "hello.txt", 0, Rights.ALL);
        h.ok("fd_renumber", fd, 10);
        assertEquals("hello", h.read(10, 5));
        assertEquals(Errno.BADF, h.call("fd_close", fd));
        int other = h.openOk(3, "hello.txt", 0, Rights.ALL);
        h.ok("fd_renumber", 10, other);
        assertEquals(" world", h.read(other, 100));
        assertEquals(Errno.BADF, h.call("fd_renumber", 10, 11));
    }

    @Test
    void wrongDescriptorKindsGetPosixErrors() {
        int file = h.openOk(3, "hello.txt", 0, Rights.ALL);
        int p = h.string("x");
        assertEquals(Errno.NOTDIR, h.call("path_create_directory", file, p, 1));
        assertEquals(Errno.NOTCAPABLE, h.call("fd_read", 3, h.iovec(h.alloc(4), 4), 1, h.alloc(4)));
        assertEquals(Errno.ISDIR, h.open(3, 1, "sub", 0, Rights.FD_READ | Rights.FD_WRITE, 0));
        assertEquals(Errno.NOTDIR, h.call("fd_readdir", file, h.alloc(64), 64, 0L, h.alloc(4)));
        assertEquals(Errno.NOTCAPABLE, h.call("fd_seek", 1, 0L, 0, h.alloc(8)), "stdio has no seek rights, so libc sees it as a tty");
        assertEquals(Errno.NOTSOCK, h.call("sock_accept", file, 0, h.alloc(4)));
        assertEquals(Errno.NOTSOCK, h.call("sock_send", 1, h.iovec(0, 0), 1, 0, h.alloc(4)));
    }

    @Test
    void pathOpenFlagCombinationsFollowPosix() throws IOException {
        assertEquals(Errno.INVAL, h.open(3, 1, "newdir", Flags.OFLAGS_CREAT | Flags.OFLAGS_DIRECTORY, Rights.ALL,
                0));
        assertEquals(Errno.ISDIR, h.open(3, 1, "newfile/", Flags.OFLAGS_CREAT, Rights.ALL, 0));
        assertEquals(Errno.NOTDIR, h.open(3, 1, "hello.txt/", 0, Rights.ALL, 0));
        assertEquals(Errno.ISDIR, h.open(3, 1, "sub", Flags.OFLAGS_TRUNC, Rights.ALL, 0));
        assertEquals(Errno.ISDIR, h.open(3, 1, "sub", Flags.OFLAGS_CREAT, Rights.FD_READ, 0));
        assertEquals(Errno.INVAL, h.open(3, 1, "hello.txt", 1 << 4, Rights.ALL, 0));
        assertEquals(Errno.INVAL, h.open(3, 1, "hello.txt", 0, Rights.ALL, 1 << 5));
        Files.createSymbolicLink(root.resolve("subdir-link"), fs.getPath("sub"));
        int viaLink = h.openOk(3, "subdir-link", Flags.OFLAGS_DIRECTORY, Rights.ALL);
        h.openOk(viaLink, "created", Flags.OFLAGS_CREAT, Rights.ALL);
        assertTrue(Files.exists(root.resolve("sub/created")));
        assertEquals(Errno.LOOP, h.open(3, 0, "subdir-link", Flags.OFLAGS_DIRECTORY, Rights.ALL, 0));
        int dot = h.openOk(3, ".", Flags.OFLAGS_DIRECTORY, Rights.ALL);
        assertEquals("hello", h.read(h.openOk(dot, "hello.txt", 0, Rights.ALL), 5));
    }

    @Test
    void rightsAreNarrowedToWhatTheDirectoryMayHandOut() throws IOException {
        Files.writeString(root.resolve("sub/inner"), "inner");
        int dir = h.openOk(3, "sub", Flags.OFLAGS_DIRECTORY, Rights.ALL);
        h.ok("fd_fdstat_set_rights", dir, Rights.PATH_OPEN, Rights.FD_READ);
        int f = h.openOk(dir, "inner", 0, Rights.ALL);
        int out = h.alloc(Layout.FDSTAT_SIZE);
        h.ok("fd_fdstat_get", f, out);
        assertEquals(Rights.FD_READ, h.i64(out + Layout.FDSTAT_RIGHTS_BASE));
        assertEquals(Errno.NOTCAPABLE, h.write(f, "x"));
        assertEquals(Errno.NOTCAPABLE, h.open(dir, 1, "new", Flags.OFLAGS_CREAT, Rights.ALL, 0));
        assertEquals(Errno.NOTCAPABLE, h.call("path_create_directory", dir, h.string("d"), 1));
    }

    @Test
    void overlongPathsAreRejectedBeforeBeingCopied() {
        int p = h.alloc(5000);
        assertEquals(Errno.NAMETOOLONG, h.call("path_create_directory", 3, p, 5000));
        assertEquals(Errno.FAULT, h.call("path_create_directory", 3, p, Integer.MAX_VALUE));
    }

    @Test
    void invalidUtf8PathsAreRejected() {
        int p = h.alloc(2);
        h.memory.writeByte(p, (byte) 0xC3);
        h.memory.writeByte(p + 1, (byte) 0x28);
        assertEquals(Errno.ILSEQ, h.call("path_create_directory", 3, p, 2));
    }
}
