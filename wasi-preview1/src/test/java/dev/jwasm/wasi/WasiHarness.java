package dev.jwasm.wasi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jwasm.api.Caller;
import dev.jwasm.api.Instance;
import dev.jwasm.api.Memory;
import dev.jwasm.api.Value;
import dev.jwasm.core.model.Limits;
import dev.jwasm.core.model.MemoryType;
import dev.jwasm.core.model.ValType;
import dev.jwasm.wasi.abi.Errno;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Calls WASI functions the way a guest would: arguments as wasm values, data through a linear memory.
 * Offers a bump allocator for guest buffers.
 */
final class WasiHarness implements AutoCloseable {
    final Wasi wasi;
    final Memory memory = Memory.create(new MemoryType(new Limits(4, -1, false, false)));
    private final Caller caller = new Caller() {
        @Override
        public Instance instance() {
            return null;
        }

        @Override
        public Optional<Memory> memory() {
            return Optional.of(memory);
        }
    };
    private long next = 1024;

    WasiHarness(WasiConfig config) throws IOException {
        wasi = Wasi.create(config);
    }

    /** Calls {@code name}; ints become i32 and longs i64, matching the declared signature. */
    int call(String name, Object... args) {
        return invoke(wasi.function(name).orElseThrow(), args);
    }

    /** Calls the wasi_unstable variant of {@code name}. */
    int callUnstable(String name, Object... args) {
        return invoke(wasi.unstableFunctions().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow(),
                args);
    }

    int invoke(WasiFunction f, Object... args) {
        String name = f.name();
        Value[] values = new Value[args.length];
        for (int i = 0; i < args.length; i++) {
            ValType t = f.type().params().get(i);
            long v = ((Number) args[i]).longValue();
            values[i] = t.equals(ValType.I64) ? Value.i64(v) : Value.i32((int) v);
        }
        assertEquals(f.type().params().size(), args.length, "arity of " + name);
        Value[] result = f.impl().call(caller, values);
        return result.length == 0 ? -1 : result[0].asInt();
    }

    void ok(String name, Object... args) {
        int errno = call(name, args);
        assertEquals(Errno.SUCCESS, errno, name + " failed with " + Errno.name(errno));
    }

    /** Reserves {@code size} zeroed bytes of guest memory (8-aligned). */
    int alloc(int size) {
        long at = next;
        next = (next + size + 7) & ~7L;
        memory.fill(at, size, (byte) 0);
        return (int) at;
    }

    /** Places {@code s} in guest memory; returns its address (its length is the UTF-8 byte count). */
    int string(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        int at = alloc(b.length + 1);
        memory.write(at, b);
        return at;
    }

    static int len(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    /** An iovec array of one buffer {@code (buf, len)}; returns the array's address. */
    int iovec(int buf, int len) {
        int at = alloc(8);
        memory.writeInt(at, buf);
        memory.writeInt(at + 4, len);
        return at;
    }

    int i32(long address) {
        return memory.readInt(address);
    }

    long i64(long address) {
        return memory.readLong(address);
    }

    String text(long address, int len) {
        return new String(memory.read(address, len), StandardCharsets.UTF_8);
    }

    /** Opens {@code path} under directory {@code dirFd}; returns the errno, and the fd in {@link #lastFd}. */
    int open(int dirFd, int lookup, String path, int oflags, long rights, int fdflags) {
        int p = string(path);
        int out = alloc(4);
        int errno = call("path_open", dirFd, lookup, p, len(path), oflags, rights, rights, fdflags, out);
        lastFd = errno == 0 ? i32(out) : -1;
        return errno;
    }

    int lastFd = -1;

    /** Opens and expects success; returns the fd. */
    int openOk(int dirFd, String path, int oflags, long rights) {
        int errno = open(dirFd, 1, path, oflags, rights, 0);
        assertEquals(Errno.SUCCESS, errno, "path_open " + path + " failed with " + Errno.name(errno));
        return lastFd;
    }

    /** Writes {@code s} to {@code fd} with fd_write; returns the errno. */
    int write(int fd, String s) {
        int buf = string(s);
        int out = alloc(4);
        return call("fd_write", fd, iovec(buf, len(s)), 1, out);
    }

    /** Reads up to {@code max} bytes from {@code fd}, expecting success. */
    String read(int fd, int max) {
        int buf = alloc(max);
        int out = alloc(4);
        ok("fd_read", fd, iovec(buf, max), 1, out);
        return text(buf, i32(out));
    }

    @Override
    public void close() {
        wasi.close();
    }
}
