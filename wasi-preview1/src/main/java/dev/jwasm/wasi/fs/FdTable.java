package dev.jwasm.wasi.fs;

import dev.jwasm.wasi.abi.Errno;
import dev.jwasm.wasi.abi.WasiErrnoException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;

/** The guest's file descriptor numbers. New descriptors get the lowest free number, as in POSIX. */
public final class FdTable {
    /** More open descriptors than this fail with EMFILE, so a guest cannot exhaust host handles. */
    public static final int MAX_OPEN = 4096;

    /** Unsigned descriptor order; a class of its own, as a method reference would spin one at start-up. */
    private static final Comparator<Integer> UNSIGNED = new Comparator<>() {
        @Override
        public int compare(Integer a, Integer b) {
            return Integer.compareUnsigned(a, b);
        }
    };

    private final TreeMap<Integer, Descriptor> table = new TreeMap<>(UNSIGNED);

    /** The descriptor numbered {@code fd}; EBADF if none. */
    public Descriptor get(int fd) {
        Descriptor d = table.get(fd);
        if (d == null) {
            throw new WasiErrnoException(Errno.BADF);
        }
        return d;
    }

    /** The descriptor numbered {@code fd} if it is of {@code type}; EBADF if none, {@code wrongType} otherwise. */
    public <T extends Descriptor> T get(int fd, Class<T> type, int wrongType) {
        Descriptor d = get(fd);
        if (!type.isInstance(d)) {
            throw new WasiErrnoException(wrongType);
        }
        return type.cast(d);
    }

    public boolean isOpen(int fd) {
        return table.containsKey(fd);
    }

    /** Installs {@code d} at the lowest free number and returns it. */
    public int add(Descriptor d) {
        if (table.size() >= MAX_OPEN) {
            throw new WasiErrnoException(Errno.MFILE);
        }
        int fd = 0;
        for (Integer used : table.keySet()) {
            if (used != fd) {
                break;
            }
            fd++;
        }
        table.put(fd, d);
        return fd;
    }

    /** Installs {@code d} at {@code fd}, which must be free (used while building the initial table). */
    public void put(int fd, Descriptor d) {
        table.put(fd, d);
    }

    /** Removes and closes {@code fd}. */
    public void close(int fd) throws IOException {
        Descriptor d = table.remove(fd);
        if (d == null) {
            throw new WasiErrnoException(Errno.BADF);
        }
        d.close();
    }

    /**
     * Moves {@code from} to number {@code to}, closing whatever {@code to} held. Like wasmtime, {@code to} need
     * not be open.
     */
    public void renumber(int from, int to) throws IOException {
        Descriptor d = get(from);
        if (from == to) {
            return;
        }
        Descriptor old = table.put(to, d);
        table.remove(from);
        if (old != null) {
            old.close();
        }
    }

    /** Closes every descriptor, ignoring failures. */
    public void closeAll() {
        List<Descriptor> all = new ArrayList<>(table.values());
        table.clear();
        for (Descriptor d : all) {
            try {
                d.close();
            } catch (IOException | RuntimeException e) {
                // Best effort: the guest is gone.
            }
        }
    }
}
