package dev.jwasm.wasi.impl;

import dev.jwasm.api.Value;
import dev.jwasm.wasi.abi.Errno;
import dev.jwasm.wasi.abi.GuestMemory;
import dev.jwasm.wasi.abi.WasiErrnoException;
import dev.jwasm.wasi.fs.PathResolver;

/** The arguments of one WASI call, with typed accessors, and the guest memory it works on. */
public final class Call {
    private final GuestMemory memory;
    private final Value[] args;

    Call(GuestMemory memory, Value[] args) {
        this.memory = memory;
        this.args = args;
    }

    public GuestMemory memory() {
        return memory;
    }

    public int i32(int index) {
        return args[index].asInt();
    }

    /** An i32 argument read as an unsigned pointer or length. */
    public long u32(int index) {
        return GuestMemory.u32(args[index].asInt());
    }

    public long i64(int index) {
        return args[index].asLong();
    }

    /**
     * A guest path given as {@code (pointer, length)} arguments at {@code index} and {@code index + 1}. Longer
     * than PATH_MAX is ENAMETOOLONG, so a hostile length never becomes a huge host allocation.
     */
    public String string(int index) {
        long address = u32(index);
        long length = u32(index + 1);
        memory.check(address, length);
        if (length > PathResolver.MAX_PATH) {
            throw new WasiErrnoException(Errno.NAMETOOLONG);
        }
        return memory.readString(address, length);
    }
}
