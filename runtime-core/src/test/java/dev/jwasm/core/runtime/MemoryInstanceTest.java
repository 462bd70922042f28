package dev.jwasm.core.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jwasm.api.Memory;
import dev.jwasm.api.TrapKind;
import dev.jwasm.api.WasmTrap;
import dev.jwasm.core.model.Limits;
import dev.jwasm.core.model.MemoryType;
import org.junit.jupiter.api.Test;

class MemoryInstanceTest {
    static MemoryType type(long min, long max) {
        return new MemoryType(new Limits(min, max, false, false));
    }

    @Test
    void multiByteAccessesAreLittleEndian() {
        Memory m = Memory.create(type(1, -1));
        m.writeLong(0, 0x0807060504030201L);
        assertArrayEquals(new byte[] {1, 2, 3, 4, 5, 6, 7, 8}, m.read(0, 8));
        assertEquals(0x04030201, m.readInt(0));
        assertEquals((short) 0x0201, m.readShort(0));
    }

    @Test
    void accessesCrossingTheEndTrap() {
        Memory m = Memory.create(type(1, -1));
        m.writeInt(65532, 1);
        WasmTrap t = assertThrows(WasmTrap.class, () -> m.readInt(65533));
        assertEquals(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS, t.kind());
        assertThrows(WasmTrap.class, () -> m.readByte(-1));
        assertThrows(WasmTrap.class, () -> m.fill(65000, 1000, (byte) 1));
    }

    @Test
    void growReturnsTheOldSizeAndRespectsTheMaximum() {
        Memory m = Memory.create(type(1, 3));
        assertEquals(1, m.grow(2));
        assertEquals(3, m.pages());
        assertEquals(-1, m.grow(1));
        assertEquals(3, m.grow(0));
        assertEquals(3 * 65536, m.byteSize());
    }

    @Test
    void growingPastWhatTheJvmCanHoldFailsWithMinusOneInsteadOfThrowing() {
        Memory m = Memory.create(type(0, -1));
        assertEquals(-1, m.grow(65536));
        assertEquals(-1, m.grow(MemoryInstance.MAX_JVM_PAGES + 1));
        assertEquals(0, m.pages());
    }

    @Test
    void theEngineByteLimitCapsGrowth() {
        MemoryInstance m = MemoryInstance.allocate(type(1, -1), 2 * 65536);
        assertEquals(1, m.grow(1));
        assertEquals(-1, m.grow(1));
    }

    @Test
    void anInitialSizeBeyondTheEngineLimitIsAClearTrap() {
        WasmTrap t = assertThrows(WasmTrap.class, () -> MemoryInstance.allocate(type(4, -1), 65536));
        assertEquals(TrapKind.MEMORY_LIMIT, t.kind());
    }
}
