package dev.jwasm.wasi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import dev.jwasm.wasi.abi.Errno;
import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every pointer a guest passes is checked: a bad one is EFAULT, never a trap or a host exception. */
class MemoryFaultTest {
    private static final int BAD = 4 * 65536 - 1;

    @ParameterizedTest(name = "{0} with a bad pointer is EFAULT")
    @ValueSource(strings = {"args_get", "args_sizes_get", "environ_get", "environ_sizes_get", "clock_res_get",
        "clock_time_get", "fd_fdstat_get", "fd_filestat_get", "fd_pread", "fd_prestat_get", "fd_prestat_dir_name",
        "fd_pwrite", "fd_read", "fd_readdir", "fd_seek", "fd_tell", "fd_write", "path_create_directory",
        "path_filestat_get", "path_filestat_set_times", "path_link", "path_open", "path_readlink",
        "path_remove_directory", "path_rename", "path_symlink", "path_unlink_file", "poll_oneoff", "random_get"})
    void everyPointerIsBoundsChecked(String name) throws IOException {
        try (FileSystem fs = Jimfs.newFileSystem(Configuration.unix())) {
            Files.createDirectories(fs.getPath("/d"));
            Files.writeString(fs.getPath("/d/f"), "data");
            WasiConfig config = WasiConfig.builder().args("a").env("E", "1")
                    .preopen(fs.getPath("/d"), "/d", PreopenMode.READ_WRITE).build();
            try (WasiHarness h = new WasiHarness(config)) {
                int f = h.openOk(3, "f", 0, -1L);
                Object[] args = badArgs(h, name, f);
                assertEquals(Errno.FAULT, h.call(name, args), name);
            }
        }
    }

    /** Arguments that are valid except for one pointer (or a length running past the end). */
    private static Object[] badArgs(WasiHarness h, String name, int file) {
        int n = h.wasi.function(name).orElseThrow().type().params().size();
        Object[] args = new Object[n];
        for (int i = 0; i < n; i++) {
            if (h.wasi.function(name).orElseThrow().type().params().get(i).toString().equals("i64")) {
                args[i] = 0L;
            } else {
                args[i] = 0;
            }
        }
        switch (name) {
            case "fd_read", "fd_write", "fd_pread", "fd_pwrite" -> {
                args[0] = file;
                args[1] = h.iovec(BAD, 100);
                args[2] = 1;
                args[n - 1] = h.alloc(4);
            }
            case "fd_prestat_dir_name" -> {
                args[0] = 3;
                args[1] = BAD;
                args[2] = 10;
            }
            case "fd_readdir" -> {
                args[0] = 3;
                args[1] = BAD;
                args[2] = 100;
                args[4] = h.alloc(4);
            }
            case "fd_fdstat_get", "fd_filestat_get", "fd_prestat_get", "fd_tell", "fd_seek" -> {
                args[0] = name.equals("fd_prestat_get") ? 3 : file;
                args[n - 1] = BAD;
            }
            case "random_get" -> {
                args[0] = BAD;
                args[1] = 100;
            }
            case "poll_oneoff" -> {
                args[0] = BAD;
                args[1] = h.alloc(64);
                args[2] = 1;
                args[3] = h.alloc(4);
            }
            default -> {
                if (name.startsWith("path_")) {
                    int path = name.equals("path_symlink") ? 0 : name.equals("path_link") ? 2 : name.equals(
                            "path_filestat_get") || name.equals("path_filestat_set_times") || name.equals(
                            "path_open") ? 2 : 1;
                    for (int i = 0; i < n; i++) {
                        if (i != path && i != path + 1) {
                            args[i] = args[i] instanceof Long ? 0L : 3;
                        }
                    }
                    args[path] = BAD;
                    args[path + 1] = 50;
                } else {
                    for (int i = 0; i < n; i++) {
                        args[i] = BAD;
                    }
                    if (name.startsWith("clock")) {
                        args[0] = 0;
                        if (n == 3) {
                            args[1] = 0L;
                        }
                    }
                }
            }
        }
        return args;
    }
}
