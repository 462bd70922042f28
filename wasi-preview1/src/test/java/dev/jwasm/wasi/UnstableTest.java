package dev.jwasm.wasi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import dev.jwasm.wasi.abi.Errno;
import dev.jwasm.wasi.abi.FileType;
import dev.jwasm.wasi.abi.Flags;
import dev.jwasm.wasi.abi.Rights;
import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** wasi_unstable (snapshot 0): the same functions with its older whence, filestat and subscription layouts. */
class UnstableTest {
    private FileSystem fs;
    private WasiHarness h;

    @BeforeEach
    void setUp() throws IOException {
        fs = Jimfs.newFileSystem(Configuration.unix());
        Files.createDirectory(fs.getPath("/d"));
        Files.writeString(fs.getPath("/d/f"), "0123456789");
        ArgsEnvClockRandomTest.FakeClock clock = new ArgsEnvClockRandomTest.FakeClock();
        h = new WasiHarness(WasiConfig.builder().clock(clock)
                .preopen(fs.getPath("/d"), "/d", PreopenMode.READ_WRITE).build());
    }

    @AfterEach
    void tearDown() throws IOException {
        h.close();
        fs.close();
    }

    @Test
    void everyPreview1FunctionButSockAcceptExists() {
        assertEquals(45, h.wasi.unstableFunctions().size());
        assertFalse(h.wasi.unstableFunctions().stream().anyMatch(f -> f.name().equals("sock_accept")));
    }

    @Test
    void whenceIsNumberedCurEndSet() {
        int fd = h.openOk(3, "f", 0, Rights.ALL);
        int pos = h.alloc(8);
        h.ok("fd_seek", fd, 4L, Flags.WHENCE_SET, pos);
        assertEquals(Errno.SUCCESS, h.callUnstable("fd_seek", fd, 2L, 0, pos));
        assertEquals(6, h.i64(pos), "0 is cur");
        assertEquals(Errno.SUCCESS, h.callUnstable("fd_seek", fd, -1L, 1, pos));
        assertEquals(9, h.i64(pos), "1 is end");
        assertEquals(Errno.SUCCESS, h.callUnstable("fd_seek", fd, 3L, 2, pos));
        assertEquals(3, h.i64(pos), "2 is set");
        assertEquals(Errno.INVAL, h.callUnstable("fd_seek", fd, 0L, 3, pos));
    }

    @Test
    void filestatHasA32BitLinkCountAndIs56Bytes() {
        int out = h.alloc(64);
        h.memory.fill(out, 64, (byte) 0x55);
        int fd = h.openOk(3, "f", 0, Rights.ALL);
        assertEquals(Errno.SUCCESS, h.callUnstable("fd_filestat_get", fd, out));
        assertEquals(FileType.REGULAR_FILE, h.memory.readByte(out + 16));
        assertEquals(1, h.i32(out + 20));
        assertEquals(10, h.i64(out + 24));
        assertEquals(0x5555_5555_5555_5555L, h.i64(out + 56), "nothing written past 56 bytes");
        int path = h.string("f");
        assertEquals(Errno.SUCCESS, h.callUnstable("path_filestat_get", 3, 0, path, 1, out));
        assertEquals(10, h.i64(out + 24));
    }

    @Test
    void clockSubscriptionsCarryAnIdentifier() {
        int sub = h.alloc(56);
        int event = h.alloc(32);
        int n = h.alloc(4);
        h.memory.writeLong(sub, 77);
        h.memory.writeByte(sub + 8, (byte) Flags.EVENT_CLOCK);
        h.memory.writeLong(sub + 16, 123);
        h.memory.writeInt(sub + 24, Flags.CLOCK_MONOTONIC);
        h.memory.writeLong(sub + 32, 1_000_000L);
        assertEquals(Errno.SUCCESS, h.callUnstable("poll_oneoff", sub, event, 1, n));
        assertEquals(1, h.i32(n));
        assertEquals(77, h.i64(event));
        h.memory.writeInt(sub + 24, 99);
        assertEquals(Errno.SUCCESS, h.callUnstable("poll_oneoff", sub, event, 1, n));
        assertEquals(Errno.INVAL, h.memory.readShort(event + 8));
    }
}
