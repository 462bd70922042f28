package dev.jwasm.core.binary;

import static dev.jwasm.core.binary.ModuleBytes.bytes;
import static dev.jwasm.core.binary.ModuleBytes.concat;
import static dev.jwasm.core.binary.ModuleBytes.module;
import static dev.jwasm.core.binary.ModuleBytes.u32;
import static dev.jwasm.core.binary.ModuleBytes.vec;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jwasm.api.MalformedModuleException;
import dev.jwasm.core.model.DataSegment;
import dev.jwasm.core.model.ElementSegment;
import dev.jwasm.core.model.HeapType;
import dev.jwasm.core.model.SegmentMode;
import dev.jwasm.core.model.ValType;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Element (id 9) and data (id 11, with data count 12) sections. */
class SegmentSectionReaderTest {
    private static final ValType REF_FUNC = ValType.ref(false, HeapType.FUNC);

    private static ElementSegment element(byte[] segment) {
        return ModuleDecoder.decode(module().section(9, vec(segment)).build()).elements().get(0);
    }

    private static ElementSegment element(int... segment) {
        return element(bytes(segment));
    }

    @ParameterizedTest(name = "kind {0}")
    @CsvSource({
        "0, 00 41 05 0b, ACTIVE, 0",
        "1, 01 00, PASSIVE, 0",
        "2, 02 01 41 05 0b 00, ACTIVE, 1",
        "3, 03 00, DECLARATIVE, 0",
    })
    void functionIndexSegmentsBecomeRefFuncExpressions(int kind, String head, SegmentMode mode, int table) {
        // Two function indices follow the head: 7, and 128 (two LEB128 bytes).
        ElementSegment e = element(concat(HexFormat.of().parseHex(head.replace(" ", "")), bytes(0x02, 0x07, 0x80, 0x01)));
        assertEquals(mode, e.mode());
        assertEquals(REF_FUNC, e.type());
        assertEquals(table, e.table());
        assertEquals(mode == SegmentMode.ACTIVE, e.offset() != null);
        assertArrayEquals(bytes(0xD2, 0x07, 0x0B), e.inits().get(0).code());
        assertArrayEquals(bytes(0xD2, 0x80, 0x01, 0x0B), e.inits().get(1).code());
    }

    @Test
    void expressionSegmentsKeepTheirTypeAndExpressions() {
        ElementSegment four = element(0x04, 0x41, 0x00, 0x0B, 0x01, 0xD0, 0x70, 0x0B);
        assertEquals(ValType.FUNCREF, four.type());
        assertEquals(SegmentMode.ACTIVE, four.mode());
        assertArrayEquals(bytes(0xD0, 0x70, 0x0B), four.inits().get(0).code());
        ElementSegment five = element(0x05, 0x6F, 0x01, 0xD0, 0x6F, 0x0B);
        assertEquals(SegmentMode.PASSIVE, five.mode());
        assertEquals(ValType.EXTERNREF, five.type());
        ElementSegment six = element(0x06, 0x02, 0x41, 0x00, 0x0B, 0x70, 0x00);
        assertEquals(2, six.table());
        assertEquals(0, six.inits().size());
        assertEquals(SegmentMode.DECLARATIVE, element(0x07, 0x70, 0x00).mode());
    }

    @Test
    void malformedElementSegmentsAreRejected() {
        assertEquals("malformed elements segment kind", reason(module().section(9, vec(bytes(0x08))).build()));
        assertEquals("malformed element kind", reason(module().section(9, vec(bytes(0x01, 0x01, 0x00))).build()));
        assertEquals("malformed reference type", reason(module().section(9, vec(bytes(0x05, 0x7F, 0x00))).build()));
    }

    @Test
    void dataSegmentsOfEveryKindDecode() {
        byte[] datas = vec(bytes(0x00, 0x41, 0x08, 0x0B, 0x02, 0x61, 0x62), bytes(0x01, 0x01, 0x63),
                bytes(0x02, 0x01, 0x41, 0x00, 0x0B, 0x00));
        var m = ModuleDecoder.decode(module().section(12, u32(3)).section(11, datas).build());
        DataSegment active = m.datas().get(0);
        assertEquals(SegmentMode.ACTIVE, active.mode());
        assertArrayEquals(bytes(0x61, 0x62), active.bytes());
        assertArrayEquals(bytes(0x41, 0x08, 0x0B), active.offset().code());
        assertEquals(SegmentMode.PASSIVE, m.datas().get(1).mode());
        assertNull(m.datas().get(1).offset());
        assertEquals(1, m.datas().get(2).memory());
        assertEquals(3, m.dataCount());
    }

    @Test
    void theDataCountMustMatchAndIsRequiredByDataInstructions() {
        assertEquals("data count and data section have inconsistent lengths",
                reason(module().section(12, u32(2)).section(11, vec(bytes(0x01, 0x00))).build()));
        assertEquals("data count and data section have inconsistent lengths",
                reason(module().section(12, u32(1)).build()));
        byte[] dataDrop = ModuleBytes.function(true, 0xFC, 0x09, 0x00, 0x0B);
        assertEquals("data count section required", reason(dataDrop));
        assertEquals("malformed data segment kind", reason(module().section(11, vec(bytes(0x03))).build()));
        assertEquals(ByteReader.UNEXPECTED_END,
                reason(module().section(11, vec(bytes(0x01, 0x02, 0x61))).build()));
        assertEquals("length out of bounds", reason(module().section(11, vec(bytes(0x01, 0x07, 0x61))).build()));
    }

    private static String reason(byte[] module) {
        return assertThrows(MalformedModuleException.class, () -> ModuleDecoder.decode(module)).reason();
    }
}
