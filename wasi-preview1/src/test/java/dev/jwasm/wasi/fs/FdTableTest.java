package dev.jwasm.wasi.fs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwasm.wasi.abi.Errno;
import dev.jwasm.wasi.abi.FileType;
import dev.jwasm.wasi.abi.WasiErrnoException;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class FdTableTest {
    /** A descriptor that remembers being closed. */
    static final class Probe extends Descriptor {
        boolean closed;

        Probe() {
            super(0, 0, 0);
        }

        @Override
        public int fileType() {
            return FileType.UNKNOWN;
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    @Test
    void newDescriptorsTakeTheLowestFreeNumber() throws IOException {
        FdTable t = new FdTable();
        assertEquals(0, t.add(new Probe()));
        assertEquals(1, t.add(new Probe()));
        assertEquals(2, t.add(new Probe()));
        t.close(1);
        assertEquals(1, t.add(new Probe()));
        assertEquals(3, t.add(new Probe()));
    }

    @Test
    void renumberClosesTheTargetAndFreesTheSource() throws IOException {
        FdTable t = new FdTable();
        Probe a = new Probe();
        Probe b = new Probe();
        t.add(a);
        t.add(b);
        t.renumber(0, 1);
        assertTrue(b.closed);
        assertFalse(a.closed);
        assertSame(a, t.get(1));
        assertFalse(t.isOpen(0));
        t.renumber(1, 100);
        assertSame(a, t.get(100));
        assertEquals(Errno.BADF, assertThrows(WasiErrnoException.class, () -> t.renumber(5, 6)).errno());
    }

    @Test
    void numbersAboveTwoToThe31AreDistinctDescriptors() {
        FdTable t = new FdTable();
        Probe p = new Probe();
        t.put(-1, p);
        assertSame(p, t.get(0xFFFF_FFFF));
        assertEquals(0, t.add(new Probe()));
    }

    @Test
    void theTableIsBounded() {
        FdTable t = new FdTable();
        for (int i = 0; i < FdTable.MAX_OPEN; i++) {
            t.add(new Probe());
        }
        assertEquals(Errno.MFILE, assertThrows(WasiErrnoException.class, () -> t.add(new Probe())).errno());
        t.closeAll();
        assertFalse(t.isOpen(0));
    }
}
