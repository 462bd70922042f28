package dev.jwasm.wasi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jwasm.core.model.FuncType;
import dev.jwasm.core.model.ValType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Every function of the {@code wasi_snapshot_preview1} witx (the shared reference copy) is registered under
 * its name with the core wasm type the witx lowers to, and nothing else is. The lowering follows the preview1
 * ABI: 64-bit integers and flags/enums with a 64-bit repr are i64, strings and lists are (pointer, length),
 * every other parameter is one i32, each value of an {@code expected} result is an extra out-pointer, and the
 * function returns the i32 errno unless it is {@code noreturn}.
 */
class WitxSignaturesTest {
    private static final String WITX_DIR = "wasi-preview1/witx";

    @Test
    void everyWitxFunctionIsRegisteredWithItsLoweredType() throws IOException {
        Path dir = referenceDir().orElse(null);
        Assumptions.assumeTrue(dir != null, "shared/reference/" + WITX_DIR + " not found");
        Map<String, Object> typenames = new HashMap<>();
        for (Object def : parse(Files.readString(dir.resolve("typenames.witx")))) {
            List<?> d = (List<?>) def;
            if (d.get(0).equals("typename")) {
                typenames.put((String) d.get(1), d.get(2));
            }
        }
        Map<String, FuncType> expected = new TreeMap<>();
        for (Object item : parse(Files.readString(dir.resolve("wasi_snapshot_preview1.witx")))) {
            List<?> module = (List<?>) item;
            if (module.get(0).equals("module")) {
                for (Object member : module) {
                    if (member instanceof List<?> f && f.get(0).equals("@interface")) {
                        expected.put(exportName(f), lower(f, typenames));
                    }
                }
            }
        }
        assertEquals(46, expected.size(), "functions in the witx");

        Map<String, FuncType> registered = new TreeMap<>();
        try (Wasi wasi = Wasi.create(WasiConfig.builder().build())) {
            for (WasiFunction f : wasi.functions()) {
                registered.put(f.name(), f.type());
            }
        }
        assertEquals(expected, registered);
    }

    private static Optional<Path> referenceDir() {
        return Stream.of(System.getProperty("jwasm.reference"), "../../shared/reference", "../shared/reference")
                .filter(p -> p != null)
                .map(p -> Path.of(p, WITX_DIR))
                .filter(p -> Files.isRegularFile(p.resolve("wasi_snapshot_preview1.witx")))
                .findFirst();
    }

    /** {@code (@interface func (export "name") ...)}: the export name, unquoted. */
    private static String exportName(List<?> f) {
        List<?> export = (List<?>) f.get(2);
        String quoted = (String) export.get(1);
        return quoted.substring(1, quoted.length() - 1);
    }

    private static FuncType lower(List<?> f, Map<String, Object> typenames) {
        List<ValType> params = new ArrayList<>();
        List<ValType> results = new ArrayList<>();
        boolean noreturn = false;
        for (Object part : f.subList(3, f.size())) {
            List<?> p = (List<?>) part;
            if (p.get(0).equals("param")) {
                params.addAll(lowerValue(p.get(2), typenames));
            } else if (p.get(0).equals("result")) {
                List<?> expectedType = (List<?>) p.get(2);
                assertEquals("expected", expectedType.get(0), "result of " + exportName(f));
                Object ok = expectedType.get(1);
                if (ok instanceof List<?> tuple && tuple.get(0).equals("tuple")) {
                    tuple.subList(1, tuple.size()).forEach(t -> params.add(ValType.I32));
                } else if (!(ok instanceof List<?> error && error.get(0).equals("error"))) {
                    params.add(ValType.I32);
                }
                results.add(ValType.I32);
            } else if (p.equals(List.of("@witx", "noreturn"))) {
                noreturn = true;
            }
        }
        assertEquals(noreturn, results.isEmpty(), "noreturn exactly when there is no result: " + exportName(f));
        return FuncType.of(params, results);
    }

    private static List<ValType> lowerValue(Object type, Map<String, Object> typenames) {
        if (type instanceof String atom) {
            return switch (atom) {
                case "u64", "s64" -> List.of(ValType.I64);
                case "string" -> List.of(ValType.I32, ValType.I32);
                case "u8", "u16", "u32", "s8", "s16", "s32", "char8" -> List.of(ValType.I32);
                default -> {
                    Object def = typenames.get(atom);
                    if (def == null) {
                        throw new AssertionError("unknown witx type " + atom);
                    }
                    yield lowerValue(def, typenames);
                }
            };
        }
        List<?> t = (List<?>) type;
        return switch ((String) t.get(0)) {
            case "list" -> List.of(ValType.I32, ValType.I32);
            case "handle" -> List.of(ValType.I32);
            // (@witx pointer T) and (@witx const_pointer T)
            case "@witx" -> List.of(ValType.I32);
            // (flags (@witx repr u64) ...), (enum (@witx tag u8) ...): the integer they are represented as.
            case "flags", "enum" -> lowerValue(((List<?>) t.get(1)).get(2), typenames);
            default -> throw new AssertionError("not passed by value in preview1: " + t);
        };
    }

    /** The top-level s-expressions of a witx file: nested lists of atoms, {@code ;;} comments dropped. */
    private static List<Object> parse(String text) {
        List<List<Object>> stack = new ArrayList<>();
        stack.add(new ArrayList<>());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == ';' && text.startsWith(";;", i)) {
                while (i < text.length() && text.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '(') {
                stack.add(new ArrayList<>());
                i++;
            } else if (c == ')') {
                List<Object> done = stack.remove(stack.size() - 1);
                stack.get(stack.size() - 1).add(done);
                i++;
            } else if (Character.isWhitespace(c)) {
                i++;
            } else {
                int start = i;
                if (c == '"') {
                    i = text.indexOf('"', i + 1) + 1;
                } else {
                    while (i < text.length() && !Character.isWhitespace(text.charAt(i))
                            && "()".indexOf(text.charAt(i)) < 0) {
                        i++;
                    }
                }
                stack.get(stack.size() - 1).add(text.substring(start, i));
            }
        }
        assertEquals(1, stack.size(), "balanced parentheses");
        return stack.get(0);
    }
}
