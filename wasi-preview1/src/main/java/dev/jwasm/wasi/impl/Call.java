package dev.jwasm.wasi.impl;

import dev.jwasm.api.Value;
import dev.jwasm.wasi.abi.GuestMemory;

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

    /** A guest string given as {@code (pointer, length)} arguments at {@code index} and {@code index + 1}. */
    public String string(int index) {
        return memory.readString(u32(index), u32(index + 1));
    }
}
