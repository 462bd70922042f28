package dev.jwasm.jit;

import static dev.jwasm.jit.Differential.i32;
import static dev.jwasm.jit.Differential.i64;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jwasm.api.Engine;
import dev.jwasm.api.Instance;
import dev.jwasm.api.Linker;
import dev.jwasm.api.Tier;
import dev.jwasm.api.WasmModule;
import dev.jwasm.core.model.FuncType;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
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

    /**
     * C2 merges the bounds checks of accesses at several offsets from one address into one wider check, and
     * hoists checks out of counted loops; either way a failing access must trap exactly where the interpreter
     * does, after the stores before it took effect. Each function runs hot first, so the checks that trap are
     * compiled ones, then runs off the end of memory.
     */
    @Test
    void mergedAndHoistedBoundsChecksTrapAtTheFirstOutOfBoundsAccess() {
        Differential d = new Differential("""
                (module (memory 1)
                  (func $put3 (param $p i32)
                    (i64.store offset=0 (local.get $p) (i64.const 1))
                    (i64.store offset=8 (local.get $p) (i64.const 2))
                    (i64.store offset=24 (local.get $p) (i64.const 3)))
                  (func $sum (param $p i32) (param $n i32) (result i32) (local $i i32) (local $s i32)
                    (block $done (loop $next
                      (br_if $done (i32.ge_s (local.get $i) (local.get $n)))
                      (i32.store offset=4 (local.get $p) (local.get $i))
                      (local.set $s (i32.add (local.get $s)
                        (i32.load (i32.add (local.get $p) (i32.shl (local.get $i) (i32.const 2))))))
                      (local.set $i (i32.add (local.get $i) (i32.const 1)))
                      (br $next)))
                    (local.get $s))
                  (func $fieldsHot (export "fields") (param $p i32) (param $warm i32) (result i64)
                    (block $done (loop $again
                      (br_if $done (i32.eqz (local.get $warm)))
                      (call $put3 (i32.const 64))
                      (local.set $warm (i32.sub (local.get $warm) (i32.const 1)))
                      (br $again)))
                    (call $put3 (local.get $p))
                    (i64.const 0))
                  (func (export "sum") (param $p i32) (param $n i32) (param $warm i32) (result i32)
                    (block $done (loop $again
                      (br_if $done (i32.eqz (local.get $warm)))
                      (drop (call $sum (i32.const 0) (i32.const 1000)))
                      (local.set $warm (i32.sub (local.get $warm) (i32.const 1)))
                      (br $again)))
                    (call $sum (local.get $p) (local.get $n)))
                  (func (export "at") (param i32) (result i64) (i64.load (local.get 0))))
                """);
        d.assertCompiled("fields");
        Differential.Outcome trapped = d.call("fields", i32(65536 - 24), i32(20_000));
        assertEquals("OUT_OF_BOUNDS_MEMORY_ACCESS: out of bounds memory access", trapped.trap());
        assertEquals(List.of("put3", "fieldsHot"), trapped.backtrace());
        assertEquals(1, d.call("at", i32(65536 - 24)).results().get(0).asLong(), "the store before the trap");
        assertEquals(2, d.call("at", i32(65536 - 16)).results().get(0).asLong(), "the store before the trap");
        d.call("fields", i32(-8), i32(0));
        d.call("fields", i32(-24), i32(0));

        assertEquals(null, d.call("sum", i32(0), i32(1000), i32(200)).trap());
        assertEquals("OUT_OF_BOUNDS_MEMORY_ACCESS: out of bounds memory access",
                d.call("sum", i32(65536 - 400), i32(200), i32(200)).trap());
        assertEquals(100, d.call("at", i32(65536 - 400 + 4)).results().get(0).asLong(), "i when the load trapped");
        d.call("sum", i32(-4), i32(3), i32(0));
    }

    /**
     * A function trapping again and again, between in-bounds calls: HotSpot deoptimises compiled code at each
     * failed check and, after enough of them, recompiles it with a real throw (for a byte access, the array's
     * own check, a preallocated exception without a stack trace). Every call must still return the loaded
     * value or the out-of-bounds trap, never an IndexOutOfBoundsException. Each case is an access, an
     * address in bounds with the value it reads (or 0 for a store), and the lowest address out of bounds.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "(i32.load offset=4 (local.get 0))                         | 65528 | 67305985 | 65529",
        "(i32.load8_u (local.get 0))                               | 65535 | 4        | 65536",
        "(i32.load8_s offset=3 (local.get 0))                      | 65532 | 4        | 65533",
        "(i32.store8 (local.get 0) (i32.const 9)) (i32.const 0)    | 65535 | 0        | 65536",
        "(i32.store8 offset=7 (local.get 0) (i32.const 9)) (i32.const 0) | 65528 | 0  | 65529",
    })
    void aCheckThatFailsThousandsOfTimesStillTrapsEveryTime(String access, int inBounds, int value, int outside) {
        Instance inst = new Linker(Engine.builder().tier(Tier.JIT).build()).instantiate(WasmModule.parseText("""
                (module (memory 1) (data (i32.const 65532) "\\01\\02\\03\\04")
                  (func (export "access") (param i32) (result i32) %s))
                """.formatted(access)));
        dev.jwasm.api.Function f = inst.function("access");
        int traps = 0;
        for (int i = 0; i < 20_000; i++) {
            if (i % 2 == 0) {
                assertEquals(value, f.call(i32(inBounds))[0].asInt());
            } else {
                dev.jwasm.api.WasmTrap t = assertThrows(dev.jwasm.api.WasmTrap.class, () -> f.call(i32(outside)));
                assertEquals(dev.jwasm.api.TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS, t.kind());
                traps++;
            }
        }
        assertEquals(10_000, traps);
    }

    /** A host function's own IndexOutOfBoundsException is the host's error, not a guest's out-of-bounds trap. */
    @Test
    void aHostFunctionsIndexOutOfBoundsExceptionIsNotTurnedIntoATrap() {
        Instance inst = new Linker(Engine.builder().tier(Tier.JIT).build())
                .defineFunction("env", "bad", new FuncType(List.of(), List.of()), (caller, args) -> {
                    throw new IndexOutOfBoundsException("a bug in the host");
                })
                .instantiate(WasmModule.parseText("""
                        (module (import "env" "bad" (func $bad)) (memory 1)
                          (func (export "run") (drop (i32.load (i32.const 0))) (call $bad)))
                        """));
        IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class, () -> inst.function("run").call());
        assertEquals("a bug in the host", e.getMessage());
    }
}
