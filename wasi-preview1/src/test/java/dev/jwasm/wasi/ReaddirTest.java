package dev.jwasm.wasi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import dev.jwasm.wasi.abi.FileType;
import dev.jwasm.wasi.abi.Flags;
import dev.jwasm.wasi.abi.Layout;
import dev.jwasm.wasi.abi.Rights;
import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReaddirTest {
    private FileSystem fs;
    private Path root;
    private WasiHarness h;

    @BeforeEach
    void setUp() throws IOException {
        fs = Jimfs.newFileSystem(Configuration.unix());
        root = fs.getPath("/d");
        Files.createDirectories(root.resolve("big"));
        for (int i = 0; i < 500; i++) {
            Files.writeString(root.resolve("big/file-" + i), "x");
        }
        Files.createDirectory(root.resolve("big/zdir"));
        h = new WasiHarness(WasiConfig.builder().preopen(root, "/d", PreopenMode.READ_ONLY).build());
    }

    @AfterEach
    void tearDown() throws IOException {
        h.close();
        fs.close();
    }

    record Dirent(long next, String name, int type) {
    }

    /** Parses complete dirents from a readdir buffer, as wasi-libc does. */
    private List<Dirent> parse(int buf, int used) {
        List<Dirent> out = new ArrayList<>();
        int at = buf;
        while (at + Layout.DIRENT_SIZE <= buf + used) {
            int namlen = h.i32(at + Layout.DIRENT_NAMLEN);
            if (at + Layout.DIRENT_SIZE + namlen > buf + used) {
                break;
            }
            out.add(new Dirent(h.i64(at), h.text(at + Layout.DIRENT_SIZE, namlen),
                    h.memory.readByte(at + Layout.DIRENT_TYPE)));
            at += Layout.DIRENT_SIZE + namlen;
        }
        return out;
    }

    @Test
    void aLargeDirectoryIsReadInPiecesWithCookies() {
        int dir = h.openOk(3, "big", Flags.OFLAGS_DIRECTORY, Rights.ALL);
        int buf = h.alloc(1000);
        int used = h.alloc(4);
        List<String> names = new ArrayList<>();
        long cookie = 0;
        while (true) {
            h.ok("fd_readdir", dir, buf, 1000, cookie, used);
            List<Dirent> batch = parse(buf, h.i32(used));
            for (Dirent d : batch) {
                names.add(d.name());
                cookie = d.next();
            }
            if (h.i32(used) < 1000) {
                break;
            }
        }
        assertEquals(503, names.size());
        assertEquals(".", names.get(0));
        assertEquals("..", names.get(1));
        assertTrue(names.contains("file-499"));
        assertEquals(names.size(), names.stream().distinct().count());
    }

    @Test
    void entriesCarryTypesAndTheLastOneIsCutAtTheBufferEnd() {
        int dir = h.openOk(3, "big", Flags.OFLAGS_DIRECTORY, Rights.ALL);
        int buf = h.alloc(4096);
        int used = h.alloc(4);
        h.ok("fd_readdir", dir, buf, 30, 0L, used);
        assertEquals(30, h.i32(used), "a full buffer tells libc there is more");
        assertEquals(1, h.i64(buf));
        assertEquals(1, h.i32(buf + Layout.DIRENT_NAMLEN));
        h.ok("fd_readdir", dir, buf, 4096, 502L, used);
        List<Dirent> last = parse(buf, h.i32(used));
        assertEquals(List.of(new Dirent(503, "zdir", FileType.DIRECTORY)), last);
        h.ok("fd_readdir", dir, buf, 4096, 503L, used);
        assertEquals(0, h.i32(used));
        h.ok("fd_readdir", dir, buf, 4096, 2L, used);
        assertEquals(FileType.REGULAR_FILE, parse(buf, h.i32(used)).get(0).type());
    }
}
