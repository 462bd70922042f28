package dev.jwasm.wasi.abi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class GuestMemoryTest {
    private final GuestMemory none = new GuestMemory(null);

    @ParameterizedTest(name = "[{0}, +{1}) is out of bounds")
    @CsvSource({"0, 1", "-1, 0", "0, -1", "9223372036854775807, 1", "4294967295, 1"})
    void accessesOutsideTheMemoryAreEfault(long address, long length) {
        assertEquals(Errno.FAULT, assertThrows(WasiErrnoException.class, () -> none.check(address, length))
                .errno());
    }

    @Test
    void aZeroLengthAccessAtTheEndIsAllowed() {
        none.check(0, 0);
    }

    @Test
    void pointersAreUnsigned() {
        assertEquals(4294967295L, GuestMemory.u32(-1));
        assertEquals(2147483648L, GuestMemory.u32(Integer.MIN_VALUE));
    }

    @Test
    void errnoNamesFollowTheWitx() {
        assertEquals("success", Errno.name(0));
        assertEquals("2big", Errno.name(Errno.TOO_BIG));
        assertEquals("notcapable", Errno.name(76));
        assertEquals("errno(77)", Errno.name(77));
        assertEquals(76, Errno.NOTCAPABLE);
        assertEquals(21, Errno.FAULT);
    }
}
