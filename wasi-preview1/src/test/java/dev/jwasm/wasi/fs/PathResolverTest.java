package dev.jwasm.wasi.fs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import dev.jwasm.wasi.abi.Errno;
import dev.jwasm.wasi.abi.Rights;
import dev.jwasm.wasi.abi.WasiErrnoException;
import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PathResolverTest {
    private FileSystem fs;
    private Path root;
    private DirectoryDescriptor preopen;

    @TempDir
    Path temp;

    @BeforeEach
    void setUp() throws IOException {
        fs = Jimfs.newFileSystem(Configuration.unix());
        Path outside = fs.getPath("/outside");
        Files.createDirectories(outside);
        Files.writeString(outside.resolve("secret"), "s");
        root = fs.getPath("/sandbox");
        Files.createDirectories(root.resolve("a/b"));
        Files.writeString(root.resolve("a/file"), "x");
        Files.createSymbolicLink(root.resolve("inside"), fs.getPath("a/b"));
        Files.createSymbolicLink(root.resolve("up"), fs.getPath("a/../a"));
        Files.createSymbolicLink(root.resolve("abs"), fs.getPath("/outside"));
        Files.createSymbolicLink(root.resolve("climb"), fs.getPath("../outside"));
        Files.createSymbolicLink(root.resolve("a/climb2"), fs.getPath("../../outside/secret"));
        Files.createSymbolicLink(root.resolve("chain1"), fs.getPath("chain2"));
        Files.createSymbolicLink(root.resolve("chain2"), fs.getPath("climb"));
        Files.createSymbolicLink(root.resolve("loop1"), fs.getPath("loop2"));
        Files.createSymbolicLink(root.resolve("loop2"), fs.getPath("loop1"));
        Files.createSymbolicLink(root.resolve("dangling"), fs.getPath("newfile"));
        preopen = new DirectoryDescriptor(new Preopen(root, "/", false), List.of(), true, Rights.DIR_ALL,
                Rights.ALL, 0);
    }

    @AfterEach
    void tearDown() throws IOException {
        fs.close();
    }

    private static int errno(DirectoryDescriptor dir, String path, boolean follow) {
        return assertThrows(WasiErrnoException.class, () -> PathResolver.resolve(dir, path, follow)).errno();
    }

    @ParameterizedTest(name = "{0} resolves to {1}")
    @CsvSource({
        "a, a",
        "a/b, a/b",
        "a/./b/, a/b",
        "a/b/.., a",
        "a/../a/file, a/file",
        ".,  ''",
        "inside, a/b",
        "inside/../file, a/file",
        "up/file, a/file",
        "dangling, newfile",
        "missing, missing",
    })
    void pathsInsideThePreopenResolveComponentByComponent(String path, String expected) throws IOException {
        PathResolver.Resolved r = PathResolver.resolve(preopen, path, true);
        assertEquals(expected, String.join("/", r.components()));
        assertEquals(root.resolve(expected).normalize(), r.host().normalize());
    }

    @ParameterizedTest(name = "{0} is refused with errno {1}")
    @CsvSource({
        "/etc/passwd, 76",
        "/, 76",
        ".., 76",
        "a/../.., 76",
        "a/b/../../../outside, 76",
        "abs, 76",
        "abs/secret, 76",
        "climb/secret, 76",
        "a/climb2, 76",
        "chain1/secret, 76",
        "loop1, 32",
        "loop1/x, 32",
        "a/file/x, 54",
        "missing/x, 44",
    })
    void escapesLoopsAndBadComponentsAreRefused(String path, int errno) {
        assertEquals(errno, errno(preopen, path, true));
    }

    @Test
    void anEmptyPathDoesNotName() {
        assertEquals(Errno.NOENT, errno(preopen, "", true));
    }

    @Test
    void withoutFollowingTheFinalSymlinkIsNamedItselfEvenIfItPointsOutside() throws IOException {
        PathResolver.Resolved r = PathResolver.resolve(preopen, "abs", false);
        assertEquals(List.of("abs"), r.components());
        assertTrue(Files.isSymbolicLink(r.host()));
        // ...but as an intermediate component it is still expanded and refused.
        assertEquals(Errno.NOTCAPABLE, errno(preopen, "abs/secret", false));
    }

    @Test
    void aTrailingSlashFollowsTheFinalSymlinkAndRequiresADirectory() throws IOException {
        assertEquals(List.of("a", "b"), PathResolver.resolve(preopen, "inside/", false).components());
        assertTrue(PathResolver.resolve(preopen, "inside/", false).trailingSlash());
        assertEquals(Errno.NOTCAPABLE, errno(preopen, "abs/", false));
    }

    @Test
    void dotDotCannotClimbAboveASubdirectoryDescriptor() throws IOException {
        DirectoryDescriptor sub = new DirectoryDescriptor(preopen.preopen(), List.of("a"), false, Rights.DIR_ALL,
                Rights.ALL, 0);
        assertEquals(List.of("a", "file"), PathResolver.resolve(sub, "b/../file", true).components());
        assertEquals(Errno.NOTCAPABLE, errno(sub, "..", true));
        assertEquals(Errno.NOTCAPABLE, errno(sub, "../a/file", true));
    }

    @Test
    void anOpenedDirectoryReplacedByAnOutsideSymlinkIsNoLongerUsable() throws IOException {
        DirectoryDescriptor sub = new DirectoryDescriptor(preopen.preopen(), List.of("a", "b"), false,
                Rights.DIR_ALL, Rights.ALL, 0);
        assertEquals(List.of("a", "b", "f"), PathResolver.resolve(sub, "f", true).components());
        Files.delete(root.resolve("a/b"));
        Files.createSymbolicLink(root.resolve("a/b"), fs.getPath("/outside"));
        assertEquals(Errno.NOTCAPABLE, errno(sub, "secret", true));
        assertThrows(WasiErrnoException.class, () -> PathResolver.resolveSelf(sub));
    }

    @Test
    void symlinkEscapesAreRefusedOnTheRealFileSystem() throws IOException {
        Path sandbox = Files.createDirectory(temp.resolve("sandbox"));
        Path outside = Files.createDirectory(temp.resolve("outside"));
        Files.writeString(outside.resolve("secret"), "s");
        Files.createDirectory(sandbox.resolve("d"));
        Files.createSymbolicLink(sandbox.resolve("abs"), outside);
        Files.createSymbolicLink(sandbox.resolve("rel"), Path.of("../outside"));
        Files.createSymbolicLink(sandbox.resolve("d/deep"), Path.of("../../outside/secret"));
        Files.createSymbolicLink(sandbox.resolve("hop"), Path.of("d/deep"));
        Files.createSymbolicLink(sandbox.resolve("self"), Path.of("self"));
        Files.createSymbolicLink(sandbox.resolve("ok"), Path.of("d"));
        DirectoryDescriptor dir = new DirectoryDescriptor(new Preopen(sandbox, "/", false), List.of(), true,
                Rights.DIR_ALL, Rights.ALL, 0);
        assertEquals(Errno.NOTCAPABLE, errno(dir, "abs/secret", true));
        assertEquals(Errno.NOTCAPABLE, errno(dir, "rel/secret", true));
        assertEquals(Errno.NOTCAPABLE, errno(dir, "d/deep", true));
        assertEquals(Errno.NOTCAPABLE, errno(dir, "hop", true));
        assertEquals(Errno.LOOP, errno(dir, "self", true));
        assertEquals(Errno.NOTCAPABLE, errno(dir, "../outside/secret", true));
        assertEquals(Errno.NOTCAPABLE, errno(dir, outside.resolve("secret").toString(), true));
        assertEquals(sandbox.resolve("d"), PathResolver.resolve(dir, "ok", true).host());
    }
}
