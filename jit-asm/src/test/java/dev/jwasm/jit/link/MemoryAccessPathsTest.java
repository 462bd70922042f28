package dev.jwasm.jit.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwasm.api.WasmTrap;
import dev.jwasm.core.runtime.BoundsChecks;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Both ways memory accessors reach a {@code byte[]} (unchecked {@code Unsafe} after their own bounds check,
 * or VarHandles) give the same values and trap at the same addresses: each load and store width at every
 * address around the end of a memory and with offsets of 2^31 or more, through the accessors generated code
 * calls ({@link UnsafeAccess} or {@link VarHandleAccess}, {@link ByteAccess} for bytes, and {@link MemoryAccess}'s stubs for offsets of
 * 2^31 or more), directly and from compiled wasm functions. This JVM uses one path
 * (Unsafe on JDK 17-23 x86-64/AArch64); a forked JVM with {@code -Djwasm.jit.unsafeMemory=false} uses the
 * other, and their transcripts must be identical. Each access is also judged against the spec's rule (a trap
 * exactly where address plus offset plus width, unsigned, passes the end); a failed check arrives as an
 * {@code IndexOutOfBoundsException}, which {@link BoundsChecks} must recognise as the trap.
 */
class MemoryAccessPathsTest {
    @Test
    void unsafeAndVarHandleAccessesAgreeOnValuesAndTraps() throws Exception {
        List<String> here = Probe.transcript();
        List<String> forked = forkedTranscript();

        assertEquals("path " + (RawBytes.AVAILABLE ? "unsafe" : "varhandle"), here.get(0));
        assertEquals(RawBytes.AVAILABLE ? UnsafeAccess.class : VarHandleAccess.class,
                Class.forName(MemoryAccess.ACCESS_CLASS.replace('/', '.')));
        assertEquals("path varhandle", forked.get(0), "the property selects the VarHandle path");
        assertTrue(here.size() > 1000, "the probe covers the boundary cases");
        assertEquals(List.of(), here.stream().filter(line -> line.contains("WRONG")).limit(10).toList());
        assertEquals(here.subList(1, here.size()), forked.subList(1, forked.size()));
    }

    private static List<String> forkedTranscript() throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Djwasm.jit.unsafeMemory=false", "-cp",
                System.getProperty("java.class.path"), Probe.class.getName())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out;
        try (InputStream in = p.getInputStream()) {
            out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertTrue(p.waitFor(2, TimeUnit.MINUTES), "forked JVM did not end");
        assertEquals(0, p.exitValue());
        return List.of(out.split("\n"));
    }

    /** Runs every access near the boundaries and writes what happened, one line per access. */
    public static final class Probe {
        private static final int SIZE = 64;
        private static final int[] OFFSETS = {0, 1, 7, SIZE - 8, SIZE, 0x7FFF_FFFF, 0x8000_0000, -1};

        public static void main(String[] args) {
            for (String line : transcript()) {
                System.out.println(line);
            }
        }

        static List<String> transcript() {
            List<String> out = new ArrayList<>();
            out.add("path " + (RawBytes.AVAILABLE ? "unsafe" : "varhandle"));
            for (int off : OFFSETS) {
                for (int addr = -2; addr <= SIZE + 1; addr++) {
                    for (String[] op : SMALL) {
                        byte[] m = pattern();
                        int a = addr;
                        boolean store = op[0].contains("Store") || op[0].startsWith("store");
                        record(out, "small " + op[0] + " " + a + "+" + off, Integer.parseInt(op[1]), a, off,
                                () -> small(op[0], op[2].charAt(0), store, a, m, off));
                    }
                }
            }
            compiledCode(out);
            return out;
        }

        /**
         * Generated code calling this JVM's accessor class: every load and store kind at offsets 0, 3 and 2^32 - 1,
         * at addresses around the end of one page, each store read back.
         */
        private static void compiledCode(List<String> out) {
            StringBuilder wat = new StringBuilder("(module (memory 1)\n");
            String[] loads = {"i32.load", "i64.load", "f32.load", "f64.load", "i32.load8_s", "i32.load8_u",
                "i32.load16_s", "i32.load16_u", "i64.load32_u"};
            String[] stores = {"i32.store", "i64.store", "f32.store", "f64.store", "i32.store8", "i32.store16"};
            long[] offsets = {0, 3, 0xFFFF_FFFFL};
            for (long off : offsets) {
                for (String op : loads) {
                    wat.append(String.format("(func (export \"%s %d\") (param i32) (result i64) %s)%n", op, off,
                            widened(op, "(" + op + " offset=" + off + " (local.get 0))")));
                }
                for (String op : stores) {
                    String type = op.substring(0, 3);
                    String value = type.startsWith("f") ? "(" + type + ".div (" + type + ".const 0) (" + type
                            + ".const 0))" : "(" + type + ".const 0x7B)";
                    wat.append(String.format("(func (export \"%s %d\") (param i32) (result i64) (%s offset=%d"
                            + " (local.get 0) %s) (i64.load offset=%d (local.get 0)))%n", op, off, op, off, value, off));
                }
            }
            dev.jwasm.api.WasmModule module = dev.jwasm.api.WasmModule.parseText(wat + ")");
            dev.jwasm.api.Instance jit = instance(module, dev.jwasm.api.Tier.JIT);
            dev.jwasm.api.Instance interp = instance(module, dev.jwasm.api.Tier.INTERP);
            for (long off : offsets) {
                for (String op : concat(loads, stores)) {
                    for (int addr : new int[] {0, 65520, 65528, 65529, 65532, 65533, 65535, 65536, -1}) {
                        String compiled = outcome(jit, op + " " + off, addr);
                        String interpreted = outcome(interp, op + " " + off, addr);
                        out.add("compiled " + op + " offset=" + off + " at " + addr + ": " + compiled
                                + (compiled.equals(interpreted) ? "" : " WRONG: the interpreter gives " + interpreted));
                    }
                }
            }
        }

        private static dev.jwasm.api.Instance instance(dev.jwasm.api.WasmModule module, dev.jwasm.api.Tier tier) {
            return new dev.jwasm.api.Linker(dev.jwasm.api.Engine.builder().tier(tier).build()).instantiate(module);
        }

        private static String outcome(dev.jwasm.api.Instance instance, String name, int addr) {
            try {
                return "= " + instance.function(name).call(dev.jwasm.api.Value.i32(addr))[0];
            } catch (WasmTrap t) {
                return "trap " + t.getMessage();
            }
        }

        /** The loaded value as an i64, bits unchanged for floats. */
        private static String widened(String load, String value) {
            return switch (load.substring(0, 3)) {
                case "i32" -> "(i64.extend_i32_s " + value + ")";
                case "f32" -> "(i64.extend_i32_s (i32.reinterpret_f32 " + value + "))";
                case "f64" -> "(i64.reinterpret_f64 " + value + ")";
                default -> value;
            };
        }

        private static String[] concat(String[] a, String[] b) {
            String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
            System.arraycopy(b, 0, all, a.length, b.length);
            return all;
        }

        /** The accessors generated code calls for offsets below 2^31: name, width, value type. */
        private static final String[][] SMALL = {{"i32Load", "4", "I"}, {"i64Load", "8", "J"},
            {"load8S", "1", "I"}, {"load8U", "1", "I"}, {"load16S", "2", "I"}, {"load16U", "2", "I"},
            {"load32U", "4", "J"}, {"i32Store", "4", "I"}, {"i64Store", "8", "J"}, {"store8", "1", "I"},
            {"store16", "2", "I"}, {"f32StoreSettling", "4", "F"}, {"f64StoreSettling", "8", "D"}};

        /**
         * Calls what generated code calls: {@code name(addr, [v,] m)} or {@code nameAt(addr, [v,] m, off)} of the
         * JIT's access class for it, or for an offset of 2^31 or more (negative here) MemoryAccess's trapping stub.
         */
        private static long small(String name, char type, boolean store, int addr, byte[] m, int off) {
            Class<?> t = switch (type) {
                case 'J' -> long.class;
                case 'F' -> float.class;
                case 'D' -> double.class;
                default -> int.class;
            };
            List<Class<?>> params = new ArrayList<>(List.of(int.class));
            List<Object> args = new ArrayList<>(List.of(addr));
            if (store) {
                params.add(t);
                args.add(switch (type) {
                    case 'J' -> 0x0102030405060708L;
                    case 'F' -> Float.intBitsToFloat(0x7FA0_0001); // a NaN the store must canonicalise
                    case 'D' -> 1.5;
                    default -> 0x01020304;
                });
            }
            params.add(byte[].class);
            args.add(m);
            if (off > 0) {
                params.add(int.class);
                args.add(off);
            }
            try {
                Class<?> access = off < 0 ? MemoryAccess.class
                        : Class.forName(MemoryAccess.accessClassOf(name).replace('/', '.'));
                String method = off < 0 ? (store ? "offsetTooLarge" : "offsetTooLarge" + type)
                        : off == 0 ? name : name + "At";
                MethodHandle h = MethodHandles.publicLookup().findStatic(access, method,
                        MethodType.methodType(store ? void.class : t, params));
                Object r = h.invokeWithArguments(args);
                return store ? java.util.Arrays.hashCode(m) : ((Number) r).longValue();
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
        }

        private static byte[] pattern() {
            byte[] m = new byte[SIZE];
            for (int i = 0; i < SIZE; i++) {
                m[i] = (byte) (i * 37 + 11);
            }
            return m;
        }

        private interface Access {
            long run();
        }

        /** Records the access's value or trap, and "WRONG" where trapping disagrees with the spec's rule. */
        private static void record(List<String> out, String what, int size, int addr, int off, Access access) {
            boolean inBounds = Integer.toUnsignedLong(addr) + Integer.toUnsignedLong(off) + size <= SIZE;
            String line;
            try {
                line = what + " = " + access.run() + (inBounds ? "" : " WRONG: no trap");
            } catch (WasmTrap t) {
                line = what + " trap " + t.getMessage() + (inBounds ? " WRONG: trapped in bounds" : "");
            } catch (IndexOutOfBoundsException e) {
                WasmTrap t = BoundsChecks.asTrap(e);
                line = t == null ? what + " WRONG: " + e
                        : what + " trap " + t.getMessage() + (inBounds ? " WRONG: trapped in bounds" : "");
            }
            out.add(line);
        }
    }
}
