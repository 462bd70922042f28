package dev.jwasm.core.text.wast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.jwasm.api.InvalidModuleException;
import dev.jwasm.api.MalformedModuleException;
import dev.jwasm.api.TrapKind;
import dev.jwasm.api.WasmTrap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UnsupportedFeaturesTest {
    @ParameterizedTest
    @CsvSource({
        "v128 values are not supported yet, simd",
        "struct.new is not implemented, gc",
        "try_table not implemented, exceptions",
        "tag exports are not supported yet, exceptions",
        "instruction 0xfc 21 is not supported yet, wide-arithmetic",
        "memory.atomic.wait32 unsupported, threads",
        "return_call not implemented, tail-calls",
        "something else not implemented, unimplemented",
    })
    void unsupportedOperationsNameTheirFeature(String message, String feature) {
        assertEquals(feature, UnsupportedFeatures.of(new UnsupportedOperationException(message)));
    }

    @Test
    void wasmErrorsSayingSomethingIsUnimplementedAreSkips() {
        assertEquals("simd", UnsupportedFeatures.of(new MalformedModuleException("opcode 0xfd prefix not supported", 12)));
    }

    @Test
    void ordinaryErrorsAreNotSkips() {
        assertNull(UnsupportedFeatures.of(new InvalidModuleException("type mismatch")));
        assertNull(UnsupportedFeatures.of(new WasmTrap(TrapKind.UNREACHABLE)));
        assertNull(UnsupportedFeatures.of(new IllegalStateException("boom")));
    }

    @Test
    void theCauseChainIsSearched() {
        RuntimeException wrapped = new RuntimeException("host call failed",
                new UnsupportedOperationException("i31 references not implemented"));
        assertEquals("gc", UnsupportedFeatures.of(wrapped));
    }
}
