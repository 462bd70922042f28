package dev.jwasm.jit;

import static dev.jwasm.jit.Differential.i32;
import static dev.jwasm.jit.Differential.i64;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Loads, stores, bounds checks, growth and bulk memory agree with the interpreter. */
class MemoryTest {
    private static final String[] LOADS = {"i32.load", "i64.load", "f32.load", "f64.load", "i32.load8_s",
        "i32.load8_u", "i32.load16_s", "i32.load16_u", "i64.load8_s", "i64.load8_u", "i64.load16_s", "i64.load16_u",
        "i64.load32_s", "i64.load32_u"};
    private static final String[] STORES = {"i32.store", "i64.store", "f32.store", "f64.store", "i32.store8",
        "i32.store16", "i64.store8", "i64.store16", "i64.store32"};

    private static final Differential D = new Differential(module());

    private static String module() {
        StringBuilder sb = new StringBuilder("(module (memory 1 3)\n"
                + "(data (i32.const 0) \"\\80\\81\\82\\83\\84\\85\\86\\87\\f0\\f1\\f2\\f3\\f4\\f5\\f6\\f7\")\n"
                + "(data $passive \"hello\")\n");
        for (String op : LOADS) {
            String type = op.substring(0, 3);
            sb.append(String.format("(func (export \"%s\") (param i32) (result %s) (%s (local.get 0)))%n", op, type, op));
            sb.append(String.format("(func (export \"%s+big\") (param i32) (result %s) (%s offset=4294967295 (local.get 0)))%n",
                    op, type, op));
        }
        for (String op : STORES) {
            String type = op.substring(0, 3);
            String value = type.startsWith("f") ? "(" + type + ".reinterpret_" + (type.equals("f32") ? "i32" : "i64")
                    + " (" + (type.equals("f32") ? "i32" : "i64") + ".const -2))" : "(" + type + ".const -2)";
            sb.append(String.format("(func (export \"%s\") (param i32) (result i64) (%s offset=3 (local.get 0) %s)"
                    + " (i64.load offset=3 (local.get 0)))%n", op, op, value));
        }
        sb.append("""
                (func (export "grow") (param i32) (result i32) (memory.grow (local.get 0)))
                (func (export "size") (result i32) (memory.size))
                (func (export "grow-then-store") (result i32)
                  (drop (memory.grow (i32.const 1)))
                  (i32.store (i32.const 70000) (i32.const 77))
                  (i32.load (i32.const 70000)))
                (func (export "fill") (param i32 i32 i32) (result i64)
                  (memory.fill (local.get 0) (local.get 1) (local.get 2)) (i64.load (i32.const 100)))
                (func (export "copy") (param i32 i32 i32) (result i64)
                  (memory.copy (local.get 0) (local.get 1) (local.get 2)) (i64.load (i32.const 0)))
                (func (export "init") (param i32 i32 i32) (result i64)
                  (memory.init $passive (local.get 0) (local.get 1) (local.get 2)) (i64.load (i32.const 200)))
                (func (export "drop") (data.drop $passive))
                )
                """);
        return sb.toString();
    }

    @ParameterizedTest(name = "loads at address {0}")
    @ValueSource(ints = {0, 1, 3, 8, 65528, 65532, 65535, 65536, -1, -4})
    void loadsAgreeIncludingOutOfBounds(int address) {
        for (String op : LOADS) {
            D.assertCompiled(op);
            D.call(op, i32(address));
            D.call(op + "+big", i32(address));
        }
    }

    @ParameterizedTest(name = "stores at address {0}")
    @ValueSource(ints = {0, 5, 65524, 65525, 65532, 65533, -3})
    void storesAgreeIncludingOutOfBounds(int address) {
        for (String op : STORES) {
            D.call(op, i32(address));
        }
    }

    @Test
    void anOffsetOverflowingThirtyTwoBitsTraps() {
        assertEquals("OUT_OF_BOUNDS_MEMORY_ACCESS: out of bounds memory access",
                D.call("i32.load+big", i32(1)).trap());
    }

    @Test
    void memoryGrowsAndCompiledCodeSeesTheNewBuffer() {
        assertEquals(77, D.call("grow-then-store").results().get(0).asInt());
        D.call("size");
        D.call("grow", i32(1));
        D.call("grow", i32(5));
        D.call("size");
    }

    @Test
    void bulkMemoryInstructionsAgree() {
        D.call("fill", i32(100), i32(0xAB), i32(8));
        D.call("fill", i32(65530), i32(1), i32(10));
        D.call("copy", i32(0), i32(8), i32(8));
        D.call("copy", i32(1), i32(0), i32(7));
        D.call("copy", i32(0), i32(65535), i32(2));
        D.call("init", i32(200), i32(0), i32(5));
        D.call("init", i32(200), i32(3), i32(3));
        D.call("drop");
        D.call("init", i32(200), i32(0), i32(1));
        D.call("init", i32(200), i32(0), i32(0));
    }

    @Test
    void memory64AccessesWorkWithLongAddresses() {
        Differential m64 = new Differential("""
                (module (memory i64 1)
                  (func (export "rw") (param i64) (result i64)
                    (i64.store offset=8 (local.get 0) (i64.const 0x1122334455667788))
                    (i64.load offset=8 (local.get 0)))
                  (func (export "byte") (param i64) (result i32) (i32.load8_u (local.get 0)))
                  (func (export "size") (result i64) (memory.size)))
                """);
        m64.assertCompiled("rw");
        assertEquals(0x1122334455667788L, m64.call("rw", i64(16)).results().get(0).asLong());
        m64.call("rw", i64(65530));
        m64.call("rw", i64(-1));
        m64.call("byte", i64(17));
        m64.call("size");
    }
}
