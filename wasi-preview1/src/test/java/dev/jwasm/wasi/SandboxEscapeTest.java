package dev.jwasm.wasi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.jwasm.wasi.abi.Errno;
import dev.jwasm.wasi.abi.Flags;
import dev.jwasm.wasi.abi.Rights;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Escape attempts through the WASI functions, on the real file system where symlinks are real. */
class SandboxEscapeTest {
    @TempDir
    Path temp;
    private Path sandbox;
    private Path outside;
    private WasiHarness h;

    @BeforeEach
    void setUp() throws IOException {
        sandbox = Files.createDirectory(temp.resolve("sandbox"));
        outside = Files.createDirectory(temp.resolve("outside"));
        Files.writeString(outside.resolve("secret"), "secret");
        Files.createDirectory(sandbox.resolve("sub"));
        Files.writeString(sandbox.resolve("sub/ok"), "ok");
        Files.createSymbolicLink(sandbox.resolve("abs"), outside);
        Files.createSymbolicLink(sandbox.resolve("rel"), Path.of("../outside"));
        Files.createSymbolicLink(sandbox.resolve("chain"), Path.of("rel"));
        Files.createSymbolicLink(sandbox.resolve("loop"), Path.of("loop"));
        Files.createSymbolicLink(sandbox.resolve("fine"), Path.of("sub/ok"));
        h = new WasiHarness(WasiConfig.builder().preopen(sandbox, "/", PreopenMode.READ_WRITE).build());
    }

    @AfterEach
    void tearDown() {
        h.close();
    }

    @ParameterizedTest(name = "opening {0} is refused")
    @ValueSource(strings = {"../outside/secret", "/etc/passwd", "abs/secret", "rel/secret", "chain/secret",
        "sub/../../outside/secret", "abs", "rel/"})
    void escapingOpensAreNotCapable(String path) {
        assertEquals(Errno.NOTCAPABLE, h.open(3, Flags.LOOKUP_SYMLINK_FOLLOW, path, 0, Rights.ALL, 0));
    }

    @Test
    void symlinkLoopsAreEloop() {
        assertEquals(Errno.LOOP, h.open(3, Flags.LOOKUP_SYMLINK_FOLLOW, "loop", 0, Rights.ALL, 0));
    }

    @Test
    void symlinksStayingInsideAreFollowedUnlessNoFollow() {
        int fd = h.openOk(3, "fine", 0, Rights.ALL);
        assertEquals("ok", h.read(fd, 10));
        assertEquals(Errno.LOOP, h.open(3, 0, "fine", 0, Rights.ALL, 0));
    }

    @Test
    void modificationsCannotReachOutside() {
        int p = h.string("abs/newdir");
        assertEquals(Errno.NOTCAPABLE, h.call("path_create_directory", 3, p, 10));
        int secret = h.string("rel/secret");
        assertEquals(Errno.NOTCAPABLE, h.call("path_unlink_file", 3, secret, 10));
        int dst = h.string("stolen");
        assertEquals(Errno.NOTCAPABLE, h.call("path_rename", 3, secret, 10, 3, dst, 6));
        assertEquals(Errno.NOTCAPABLE, h.call("path_link", 3, 1, secret, 10, 3, dst, 6));
        assertEquals(Errno.NOTCAPABLE, h.open(3, 1, "abs/created", Flags.OFLAGS_CREAT, Rights.ALL, 0));
        assertFalse(Files.exists(outside.resolve("newdir")));
        assertFalse(Files.exists(outside.resolve("created")));
    }

    @Test
    void unlinkingAnEscapingSymlinkRemovesOnlyTheLink() {
        int p = h.string("abs");
        h.ok("path_unlink_file", 3, p, 3);
        assertFalse(Files.exists(sandbox.resolve("abs"), java.nio.file.LinkOption.NOFOLLOW_LINKS));
        assertEquals(true, Files.exists(outside.resolve("secret")));
    }

    @Test
    void aDirectoryReplacedByASymlinkBetweenCallsIsNotFollowedOutside() throws IOException {
        int dir = h.openOk(3, "sub", Flags.OFLAGS_DIRECTORY, Rights.ALL);
        int fd = h.openOk(dir, "ok", 0, Rights.ALL);
        assertEquals("ok", h.read(fd, 10));
        Files.delete(sandbox.resolve("sub/ok"));
        Files.delete(sandbox.resolve("sub"));
        Files.createSymbolicLink(sandbox.resolve("sub"), outside);
        assertEquals(Errno.NOTCAPABLE, h.open(dir, 1, "secret", 0, Rights.ALL, 0));
        assertEquals(Errno.NOTCAPABLE, h.call("fd_readdir", dir, h.alloc(256), 256, 0L, h.alloc(4)));
    }
}
