package dev.jwasm.jit;

import dev.jwasm.api.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;

/**
 * Generates a random valid module in the text format for differential testing of the tiers: functions
 * of random signatures built from typed expressions (i32/i64/f32/f64 arithmetic including trapping
 * division, remainder and truncation, conversions, locals, globals, loads and stores at random addresses
 * and offsets, memory.grow, memory.fill/copy, blocks, bounded loops, br, br_if, br_table, if/else, select,
 * direct calls and call_indirect through a table).
 *
 * <p>Every module terminates: a loop runs a counted number of iterations on a counter local nothing else
 * writes, a function calls only functions of higher index (directly or through the table, except for
 * deliberately failing table slots), and a call is generated only while the caller's estimated work, in
 * which each callee counts with its own estimate times the enclosing loops' iterations, stays under
 * {@link #WORK_LIMIT}.
 */
final class RandomModuleGenerator {
    private static final String[] TYPES = {"i32", "i64", "f32", "f64"};
    private static final int WORK_LIMIT = 4000;
    private static final int MAX_DEPTH = 4;

    /** A function's signature: parameter types and a result type (null for none). */
    record Signature(List<String> params, String result) {
        String text() {
            StringBuilder s = new StringBuilder("(func");
            if (!params.isEmpty()) {
                s.append(" (param ").append(String.join(" ", params)).append(')');
            }
            if (result != null) {
                s.append(" (result ").append(result).append(')');
            }
            return s.append(')').toString();
        }
    }

    /** A global: its type and whether it is mutable. */
    record GlobalDef(String type, boolean mutable) {
    }

    /** An enclosing label: its name, the type a branch to it carries (null for none). */
    private record Label(String name, String type) {
    }

    private final Random random;
    private final List<Signature> signatures = new ArrayList<>();
    private final List<Integer> functionSignature = new ArrayList<>();
    private final List<GlobalDef> globals = new ArrayList<>();
    private int[] work;
    private int functionCount;

    // State of the function being generated.
    private int current;
    private List<String> locals;
    private int plainLocals;
    private final List<Label> labels = new ArrayList<>();
    private int labelCounter;
    private int multiplier;
    private long currentWork;

    RandomModuleGenerator(long seed) {
        this.random = new Random(seed);
    }

    /** Signatures of the generated functions, in function index order (valid after {@link #generate}). */
    List<Signature> functionSignatures() {
        List<Signature> out = new ArrayList<>();
        for (int s : functionSignature) {
            out.add(signatures.get(s));
        }
        return out;
    }

    /** Globals of the generated module, exported as {@code g0, g1, ...}. */
    List<GlobalDef> globals() {
        return globals;
    }

    /** The module's text. Functions are exported as {@code f0, f1, ...}, the memory as {@code mem}. */
    String generate() {
        int signatureCount = 1 + random.nextInt(4);
        for (int i = 0; i < signatureCount; i++) {
            List<String> params = new ArrayList<>();
            int n = random.nextInt(4);
            for (int p = 0; p < n; p++) {
                params.add(randomType());
            }
            signatures.add(new Signature(params, random.nextInt(6) == 0 ? null : randomType()));
        }
        functionCount = 2 + random.nextInt(5);
        for (int i = 0; i < functionCount; i++) {
            functionSignature.add(random.nextInt(signatureCount));
        }
        int globalCount = 1 + random.nextInt(5);
        for (int i = 0; i < globalCount; i++) {
            globals.add(new GlobalDef(randomType(), random.nextInt(5) != 0));
        }
        work = new int[functionCount];

        StringBuilder m = new StringBuilder("(module\n");
        for (int i = 0; i < signatureCount; i++) {
            m.append("  (type $s").append(i).append(' ').append(signatures.get(i).text()).append(")\n");
        }
        m.append("  (memory (export \"mem\") 1 4)\n");
        m.append("  (data (i32.const ").append(random.nextInt(65000)).append(") \"");
        for (int i = 0, n = random.nextInt(64); i < n; i++) {
            m.append(String.format("\\%02x", random.nextInt(256)));
        }
        m.append("\")\n");
        for (int i = 0; i < globals.size(); i++) {
            GlobalDef g = globals.get(i);
            m.append("  (global $g").append(i).append(" (export \"g").append(i).append("\") ")
                    .append(g.mutable ? "(mut " + g.type + ")" : g.type).append(' ').append(constant(g.type))
                    .append(")\n");
        }
        // Slots 0..n-1 hold the functions; the two slots after them stay null.
        m.append("  (table ").append(functionCount + 2).append(" funcref)\n  (elem (i32.const 0)");
        for (int i = 0; i < functionCount; i++) {
            m.append(" $f").append(i);
        }
        m.append(")\n");
        // Callees are generated before callers, so a caller knows their work estimates.
        String[] bodies = new String[functionCount];
        for (int i = functionCount - 1; i >= 0; i--) {
            bodies[i] = function(i);
        }
        for (String body : bodies) {
            m.append(body);
        }
        return m.append(")\n").toString();
    }

    private String function(int index) {
        current = index;
        Signature sig = signatures.get(functionSignature.get(index));
        locals = new ArrayList<>(sig.params);
        for (int i = 0, n = random.nextInt(4); i < n; i++) {
            locals.add(randomType());
        }
        plainLocals = locals.size();
        labels.clear();
        labelCounter = 0;
        multiplier = 1;
        currentWork = 0;
        StringBuilder body = new StringBuilder();
        int statements = 1 + random.nextInt(6);
        for (int i = 0; i < statements; i++) {
            body.append("\n    ").append(statement(MAX_DEPTH));
        }
        if (sig.result != null) {
            body.append("\n    ").append(expr(sig.result, MAX_DEPTH));
        }
        work[index] = (int) Math.max(1, currentWork);
        StringBuilder f = new StringBuilder("  (func $f").append(index).append(" (export \"f").append(index)
                .append("\") (type $s").append(functionSignature.get(index)).append(')');
        for (int i = sig.params.size(); i < locals.size(); i++) {
            f.append(" (local ").append(locals.get(i)).append(')');
        }
        return f.append(body).append(")\n").toString();
    }

    // ---- statements (leave nothing on the stack)

    private String statement(int depth) {
        currentWork += multiplier;
        int choice = random.nextInt(depth <= 0 ? 5 : 17);
        switch (choice) {
            case 0, 1: {
                if (plainLocals == 0) {
                    return "(drop " + expr(randomType(), depth - 1) + ")";
                }
                int local = random.nextInt(plainLocals);
                return "(local.set " + local + " " + expr(locals.get(local), depth - 1) + ")";
            }
            case 2: {
                List<Integer> mutable = new ArrayList<>();
                for (int i = 0; i < globals.size(); i++) {
                    if (globals.get(i).mutable) {
                        mutable.add(i);
                    }
                }
                if (mutable.isEmpty()) {
                    return "(nop)";
                }
                int g = mutable.get(random.nextInt(mutable.size()));
                return "(global.set $g" + g + " " + expr(globals.get(g).type, depth - 1) + ")";
            }
            case 3:
                return store(depth);
            case 4:
                return "(drop " + expr(randomType(), depth - 1) + ")";
            case 5:
                return "(if " + condition(depth) + " (then " + statements(depth) + ") (else " + statements(depth) + "))";
            case 6: {
                Label label = push(null);
                String inner = statements(depth);
                labels.remove(labels.size() - 1);
                return "(block $" + label.name + " " + inner + ")";
            }
            case 7:
                return loop(depth);
            case 8:
                return random.nextBoolean() ? loop(depth) : countedExitLoop(depth);
            case 9:
                return branch(depth);
            case 10:
                return branchTable(depth);
            case 11, 12: {
                String call = call(null, depth);
                return call != null ? call : store(depth);
            }
            case 13:
                return bulkMemory(depth);
            case 14: {
                Signature sig = signatures.get(functionSignature.get(current));
                int r = random.nextInt(8);
                if (r < 2) {
                    return sig.result == null ? "(return)" : "(return " + expr(sig.result, depth - 1) + ")";
                }
                String tail = r < 4 ? tailCall(sig.result, depth) : null;
                return tail != null ? tail : "(nop)";
            }
            case 15:
                return random.nextInt(8) == 0 ? "(unreachable)" : "(nop)";
            default:
                return branch(depth);
        }
    }

    private String statements(int depth) {
        StringBuilder s = new StringBuilder();
        for (int i = 0, n = random.nextInt(4); i < n; i++) {
            s.append(i == 0 ? "" : " ").append(statement(depth - 1));
        }
        return s.toString();
    }

    /** A loop that runs 0 to 5 times on a counter local of its own; its label is never a branch target. */
    private String loop(int depth) {
        int counter = locals.size();
        locals.add("i32");
        int iterations = random.nextInt(6);
        String loopLabel = "l" + labelCounter++;
        Label exit = push(null);
        int saved = multiplier;
        multiplier *= Math.max(1, iterations);
        String body = statements(depth);
        multiplier = saved;
        labels.remove(labels.size() - 1);
        return "(local.set " + counter + " (i32.const " + iterations + ")) (block $" + exit.name + " (loop $"
                + loopLabel + " (br_if $" + exit.name + " (i32.eqz (local.get " + counter + "))) " + body
                + " (local.set " + counter + " (i32.sub (local.get " + counter + ") (i32.const 1))) (br $"
                + loopLabel + ")))";
    }

    private static final String[] EXIT_TESTS = {"i32.ne", "i32.lt_u", "i32.le_u", "i32.gt_u", "i32.ge_u"};
    private static final int[] EXIT_STARTS = {0, 1, -1, 7, -8, 100, Integer.MAX_VALUE - 20, Integer.MIN_VALUE,
        Integer.MIN_VALUE + 5, Integer.MAX_VALUE};
    private static final int[] EXIT_STEPS = {1, -1, 2, -2, 3, 4, -4, 8, 16, -16};

    /**
     * A loop ending in the exit test clang emits and the JIT may emit as a signed comparison
     * ({@code CountedLoops}): its variable stepped by a constant and compared with a bound (a local or a
     * constant) after each step. Start, step, bound and test are drawn, and kept only if the loop ends after
     * 1 to 6 iterations, among values that do and do not let a signed test decide; the start and a local bound
     * are computed rather than literal, so that the JIT decides them on entry. Its label is never a branch
     * target: a branch back would skip the step.
     */
    private String countedExitLoop(int depth) {
        for (int attempt = 0; attempt < 20; attempt++) {
            String test = EXIT_TESTS[random.nextInt(EXIT_TESTS.length)];
            int start = EXIT_STARTS[random.nextInt(EXIT_STARTS.length)] + random.nextInt(3) - 1;
            int step = EXIT_STEPS[random.nextInt(EXIT_STEPS.length)];
            int bound = start + step * random.nextInt(7) + (random.nextInt(3) == 0 ? random.nextInt(5) - 2 : 0);
            int iterations = exitIterations(test, start, step, bound);
            if (iterations < 1) {
                continue;
            }
            int variable = locals.size();
            locals.add("i32");
            boolean boundLocal = random.nextBoolean();
            String boundExpr = "(i32.const " + bound + ")";
            String prologue = "(local.set " + variable + " (i32.xor (i32.const " + start + ") (i32.const 0)))";
            if (boundLocal) {
                int b = locals.size();
                locals.add("i32");
                prologue += " (local.set " + b + " (i32.xor (i32.const " + bound + ") (i32.const 0)))";
                boundExpr = "(local.get " + b + ")";
            }
            int saved = multiplier;
            multiplier *= iterations;
            String body = statements(depth);
            multiplier = saved;
            String next = "(local.tee " + variable + " (i32.add (local.get " + variable + ") (i32.const " + step
                    + ")))";
            String exit = boundLocal && test.equals("i32.ne") && random.nextBoolean()
                    ? "(" + test + " " + boundExpr + " " + next + ")" // clang's order for !=
                    : "(" + test + " " + next + " " + boundExpr + ")";
            return prologue + " (loop $l" + labelCounter++ + " " + body + " (br_if 0 " + exit + "))";
        }
        return loop(depth);
    }

    /** How many times such a loop runs (its body, then the step and test), or -1 if more than 6. */
    private static int exitIterations(String test, int start, int step, int bound) {
        int v = start;
        for (int n = 1; n <= 6; n++) {
            v += step;
            int c = Integer.compareUnsigned(v, bound);
            boolean again = switch (test) {
                case "i32.ne" -> v != bound;
                case "i32.lt_u" -> c < 0;
                case "i32.le_u" -> c <= 0;
                case "i32.gt_u" -> c > 0;
                default -> c >= 0;
            };
            if (!again) {
                return n;
            }
        }
        return -1;
    }

    private String branch(int depth) {
        if (labels.isEmpty()) {
            return "(nop)";
        }
        Label target = labels.get(random.nextInt(labels.size()));
        String value = target.type == null ? "" : " " + expr(target.type, depth - 1);
        if (random.nextInt(4) == 0) {
            return "(br $" + target.name + value + ")";
        }
        String brIf = "(br_if $" + target.name + value + " " + condition(depth) + ")";
        return target.type == null ? brIf : "(drop " + brIf + ")";
    }

    /** A br_table over enclosing labels that all carry the same type (or nothing). */
    private String branchTable(int depth) {
        if (labels.isEmpty()) {
            return "(nop)";
        }
        String type = labels.get(random.nextInt(labels.size())).type;
        List<Label> same = labels.stream().filter(l -> Objects.equals(l.type, type)).toList();
        StringBuilder s = new StringBuilder("(br_table");
        for (int i = 0, n = 1 + random.nextInt(4); i < n; i++) {
            s.append(" $").append(same.get(random.nextInt(same.size())).name);
        }
        if (type != null) {
            s.append(' ').append(expr(type, depth - 1));
        }
        return s.append(' ').append(smallIndex(depth, 5)).append(')').toString();
    }

    private String store(int depth) {
        String type = randomType();
        String[] ops = switch (type) {
            case "i32" -> new String[] {"i32.store:4", "i32.store8:1", "i32.store16:2"};
            case "i64" -> new String[] {"i64.store:8", "i64.store8:1", "i64.store16:2", "i64.store32:4"};
            case "f32" -> new String[] {"f32.store:4"};
            default -> new String[] {"f64.store:8"};
        };
        String[] op = ops[random.nextInt(ops.length)].split(":");
        return "(" + op[0] + memarg(Integer.parseInt(op[1])) + " " + address(depth) + " " + expr(type, depth - 1) + ")";
    }

    private String bulkMemory(int depth) {
        String length = random.nextInt(5) == 0 ? expr("i32", depth - 1) : "(i32.const " + random.nextInt(300) + ")";
        if (random.nextBoolean()) {
            return "(memory.fill " + address(depth) + " " + expr("i32", depth - 1) + " " + length + ")";
        }
        return "(memory.copy " + address(depth) + " " + address(depth) + " " + length + ")";
    }

    // ---- expressions (leave one value of the given type)

    private String expr(String type, int depth) {
        currentWork += multiplier;
        if (depth <= 0) {
            return leaf(type);
        }
        int choice = random.nextInt(20);
        if (choice < 3) {
            return leaf(type);
        }
        if (choice < 9) {
            return binary(type, depth);
        }
        if (choice < 11) {
            return unary(type, depth);
        }
        if (choice < 13) {
            return conversion(type, depth);
        }
        return switch (choice) {
            case 13 -> load(type, depth);
            case 14 -> "(select " + (random.nextBoolean() ? "(result " + type + ") " : "") + expr(type, depth - 1)
                    + " " + expr(type, depth - 1) + " " + condition(depth) + ")";
            case 15 -> "(if (result " + type + ") " + condition(depth) + " (then " + statements(depth) + " "
                    + expr(type, depth - 1) + ") (else " + statements(depth) + " " + expr(type, depth - 1) + "))";
            case 16 -> {
                Label label = push(type);
                String inner = statements(depth) + " " + expr(type, depth - 1);
                labels.remove(labels.size() - 1);
                yield "(block $" + label.name + " (result " + type + ") " + inner + ")";
            }
            case 17 -> {
                String call = call(type, depth);
                yield call != null ? call : leaf(type);
            }
            case 18 -> {
                List<Integer> same = new ArrayList<>();
                for (int i = 0; i < plainLocals; i++) {
                    if (locals.get(i).equals(type)) {
                        same.add(i);
                    }
                }
                yield same.isEmpty() ? leaf(type)
                        : "(local.tee " + same.get(random.nextInt(same.size())) + " " + expr(type, depth - 1) + ")";
            }
            default -> type.equals("i32") ? memorySizeOrGrow(depth) : conversion(type, depth);
        };
    }

    private String memorySizeOrGrow(int depth) {
        if (random.nextBoolean()) {
            return "(memory.size)";
        }
        String delta = random.nextInt(4) == 0 ? expr("i32", depth - 1) : "(i32.const " + random.nextInt(3) + ")";
        return "(memory.grow " + delta + ")";
    }

    private String leaf(String type) {
        int choice = random.nextInt(3);
        if (choice == 0) {
            List<Integer> same = new ArrayList<>();
            for (int i = 0; i < plainLocals; i++) {
                if (locals.get(i).equals(type)) {
                    same.add(i);
                }
            }
            if (!same.isEmpty()) {
                return "(local.get " + same.get(random.nextInt(same.size())) + ")";
            }
        } else if (choice == 1) {
            List<Integer> same = new ArrayList<>();
            for (int i = 0; i < globals.size(); i++) {
                if (globals.get(i).type.equals(type)) {
                    same.add(i);
                }
            }
            if (!same.isEmpty()) {
                return "(global.get $g" + same.get(random.nextInt(same.size())) + ")";
            }
        }
        return constant(type);
    }

    private String binary(String type, int depth) {
        String[] ops = switch (type) {
            case "i32", "i64" -> new String[] {"add", "sub", "mul", "div_s", "div_u", "rem_s", "rem_u", "and", "or",
                "xor", "shl", "shr_s", "shr_u", "rotl", "rotr", "cmp"};
            default -> new String[] {"add", "sub", "mul", "div", "min", "max", "copysign"};
        };
        String op = ops[random.nextInt(ops.length)];
        if (op.equals("cmp")) {
            return comparison(type, depth);
        }
        String right = expr(type, depth - 1);
        if (op.startsWith("div_") || op.startsWith("rem_")) {
            // Mostly a divisor that cannot be zero, so that calls do not all end in the same trap.
            if (random.nextInt(3) != 0) {
                right = "(" + type + ".or " + right + " (" + type + ".const 1))";
            }
        }
        return "(" + type + "." + op + " " + expr(type, depth - 1) + " " + right + ")";
    }

    /** A comparison (or eqz) of operands of a random type; {@code type} is i32 or i64. */
    private String comparison(String type, int depth) {
        String result = condition(depth);
        return type.equals("i32") ? result : "(i64.extend_i32_u " + result + ")";
    }

    /** An i32 condition: usually a comparison. */
    private String condition(int depth) {
        if (depth <= 1 || random.nextInt(4) == 0) {
            return expr("i32", depth - 1);
        }
        String operand = randomType();
        if (operand.startsWith("i")) {
            String[] ops = {"eq", "ne", "lt_s", "lt_u", "gt_s", "gt_u", "le_s", "le_u", "ge_s", "ge_u", "eqz"};
            String op = ops[random.nextInt(ops.length)];
            if (op.equals("eqz")) {
                return "(" + operand + ".eqz " + expr(operand, depth - 1) + ")";
            }
            return "(" + operand + "." + op + " " + expr(operand, depth - 1) + " " + expr(operand, depth - 1) + ")";
        }
        String[] ops = {"eq", "ne", "lt", "gt", "le", "ge"};
        return "(" + operand + "." + ops[random.nextInt(ops.length)] + " " + expr(operand, depth - 1) + " "
                + expr(operand, depth - 1) + ")";
    }

    private String unary(String type, int depth) {
        String[] ops = switch (type) {
            case "i32" -> new String[] {"clz", "ctz", "popcnt", "extend8_s", "extend16_s"};
            case "i64" -> new String[] {"clz", "ctz", "popcnt", "extend8_s", "extend16_s", "extend32_s"};
            default -> new String[] {"abs", "neg", "ceil", "floor", "trunc", "nearest", "sqrt"};
        };
        return "(" + type + "." + ops[random.nextInt(ops.length)] + " " + expr(type, depth - 1) + ")";
    }

    private String conversion(String type, int depth) {
        String[] ops = switch (type) {
            case "i32" -> new String[] {"i32.wrap_i64:i64", "i32.trunc_f32_s:f32", "i32.trunc_f32_u:f32",
                "i32.trunc_f64_s:f64", "i32.trunc_f64_u:f64", "i32.trunc_sat_f32_s:f32", "i32.trunc_sat_f32_u:f32",
                "i32.trunc_sat_f64_s:f64", "i32.trunc_sat_f64_u:f64", "i32.reinterpret_f32:f32"};
            case "i64" -> new String[] {"i64.extend_i32_s:i32", "i64.extend_i32_u:i32", "i64.trunc_f32_s:f32",
                "i64.trunc_f32_u:f32", "i64.trunc_f64_s:f64", "i64.trunc_f64_u:f64", "i64.trunc_sat_f32_s:f32",
                "i64.trunc_sat_f32_u:f32", "i64.trunc_sat_f64_s:f64", "i64.trunc_sat_f64_u:f64",
                "i64.reinterpret_f64:f64"};
            case "f32" -> new String[] {"f32.convert_i32_s:i32", "f32.convert_i32_u:i32", "f32.convert_i64_s:i64",
                "f32.convert_i64_u:i64", "f32.demote_f64:f64", "f32.reinterpret_i32:i32"};
            default -> new String[] {"f64.convert_i32_s:i32", "f64.convert_i32_u:i32", "f64.convert_i64_s:i64",
                "f64.convert_i64_u:i64", "f64.promote_f32:f32", "f64.reinterpret_i64:i64"};
        };
        String[] op = ops[random.nextInt(ops.length)].split(":");
        return "(" + op[0] + " " + expr(op[1], depth - 1) + ")";
    }

    private String load(String type, int depth) {
        String[] ops = switch (type) {
            case "i32" -> new String[] {"i32.load:4", "i32.load8_s:1", "i32.load8_u:1", "i32.load16_s:2",
                "i32.load16_u:2"};
            case "i64" -> new String[] {"i64.load:8", "i64.load8_s:1", "i64.load8_u:1", "i64.load16_s:2",
                "i64.load16_u:2", "i64.load32_s:4", "i64.load32_u:4"};
            case "f32" -> new String[] {"f32.load:4"};
            default -> new String[] {"f64.load:8"};
        };
        String[] op = ops[random.nextInt(ops.length)].split(":");
        return "(" + op[0] + memarg(Integer.parseInt(op[1])) + " " + address(depth) + ")";
    }

    /** Offset and alignment immediates: mostly small offsets, sometimes ones that overflow the memory. */
    private String memarg(int size) {
        StringBuilder s = new StringBuilder();
        int r = random.nextInt(40);
        if (r < 16) {
            s.append(" offset=").append(random.nextInt(64));
        } else if (r == 16) {
            s.append(" offset=").append(65536 - random.nextInt(16));
        } else if (r == 17) {
            s.append(" offset=").append(4294967295L - random.nextInt(16));
        }
        if (random.nextInt(3) == 0) {
            s.append(" align=").append(1 << random.nextInt(Integer.numberOfTrailingZeros(size) + 1));
        }
        return s.toString();
    }

    /** An address: mostly masked into the first two pages, sometimes at the first page's end, rarely anything. */
    private String address(int depth) {
        int r = random.nextInt(20);
        if (r < 17) {
            int[] masks = {0xff, 0xfff, 0x7fff, 0xffff, 0x1ffff};
            return "(i32.and " + expr("i32", depth - 1) + " (i32.const " + masks[random.nextInt(masks.length)] + "))";
        }
        if (r < 19) {
            return "(i32.const " + (65536 - random.nextInt(16)) + ")";
        }
        return expr("i32", depth - 1);
    }

    /** An i32 in [0, bound) mostly, occasionally any value (br_table's default, out-of-range indexes). */
    private String smallIndex(int depth, int bound) {
        if (random.nextInt(4) == 0) {
            return expr("i32", depth - 1);
        }
        return "(i32.rem_u " + expr("i32", depth - 1) + " (i32.const " + bound + "))";
    }

    // ---- calls

    /**
     * A call producing {@code type} (null: a statement, whose result if any is dropped; "": a call of a
     * function without result), or null if no callee fits the work limit.
     */
    private String call(String type, int depth) {
        // call_indirect may reach any slot above the caller: it is charged the most expensive of them.
        boolean indirect = random.nextInt(3) == 0;
        int maxAbove = 0;
        for (int j = current + 1; j < functionCount; j++) {
            maxAbove = Math.max(maxAbove, work[j]);
        }
        List<Integer> candidates = new ArrayList<>();
        for (int j = current + 1; j < functionCount; j++) {
            long cost = (long) multiplier * (indirect ? maxAbove : work[j]);
            String result = signatures.get(functionSignature.get(j)).result;
            boolean fits = type == null || (type.isEmpty() ? result == null : type.equals(result));
            if (currentWork + cost <= WORK_LIMIT && fits) {
                candidates.add(j);
            }
        }
        if (candidates.isEmpty()) {
            return null;
        }
        int callee = candidates.get(random.nextInt(candidates.size()));
        currentWork += (long) multiplier * (indirect ? maxAbove : work[callee]);
        Signature sig = signatures.get(functionSignature.get(callee));
        StringBuilder args = new StringBuilder();
        for (String p : sig.params) {
            args.append(' ').append(expr(p, depth - 1));
        }
        String call = indirect
                ? "(call_indirect (type $s" + functionSignature.get(callee) + ")" + args + " " + tableIndex(callee, depth) + ")"
                : "(call $f" + callee + args + ")";
        return type == null && sig.result != null ? "(drop " + call + ")" : call;
    }

    /** A return_call or return_call_indirect of a function returning {@code result}, or null if none fits. */
    private String tailCall(String result, int depth) {
        String call = call(result == null ? "" : result, depth);
        if (call == null) {
            return null;
        }
        return call.replaceFirst("^\\(call", "(return_call");
    }

    /**
     * The table slot of a call_indirect: usually the intended callee, sometimes another function above the
     * caller (possibly of another type: a type-mismatch trap), a null slot, or a slot past the table.
     */
    private String tableIndex(int callee, int depth) {
        int r = random.nextInt(10);
        if (r < 6) {
            return "(i32.const " + callee + ")";
        }
        if (r < 8) {
            int above = functionCount - current - 1;
            return "(i32.add (i32.const " + (current + 1) + ") (i32.rem_u " + expr("i32", depth - 1) + " (i32.const "
                    + above + ")))";
        }
        if (r == 8) {
            return "(i32.const " + (functionCount + random.nextInt(2)) + ")";
        }
        return "(i32.const " + (functionCount + 2 + random.nextInt(1000)) + ")";
    }

    // ---- constants

    /** A random index in [0, bound), for choosing which export to call. */
    int randomIndex(int bound) {
        return random.nextInt(bound);
    }

    /** A random argument value of {@code type}, from the same mix of special and random values as constants. */
    Value randomValue(String type) {
        return switch (type) {
            case "i32" -> Value.i32(randomInt());
            case "i64" -> Value.i64(randomLong());
            case "f32" -> Value.f32Bits(randomF32Bits());
            default -> Value.f64Bits(randomF64Bits());
        };
    }

    private String constant(String type) {
        return "(" + type + ".const " + switch (type) {
            case "i32" -> Integer.toString(randomInt());
            case "i64" -> Long.toString(randomLong());
            case "f32" -> f32Text(randomF32Bits());
            default -> f64Text(randomF64Bits());
        } + ")";
    }

    private int randomInt() {
        int[] special = {0, 1, -1, 2, 31, 32, 63, 64, Integer.MIN_VALUE, Integer.MAX_VALUE, 0xffff, 0x10000, 65535, 65536};
        return switch (random.nextInt(3)) {
            case 0 -> special[random.nextInt(special.length)];
            case 1 -> random.nextInt(256) - 128;
            default -> random.nextInt();
        };
    }

    private long randomLong() {
        long[] special = {0, 1, -1, 63, 64, Long.MIN_VALUE, Long.MAX_VALUE, Integer.MIN_VALUE, 0xffffffffL, 1L << 32};
        return switch (random.nextInt(3)) {
            case 0 -> special[random.nextInt(special.length)];
            case 1 -> random.nextInt(256) - 128;
            default -> random.nextLong();
        };
    }

    private int randomF32Bits() {
        float[] special = {0f, -0f, 1f, -1f, 0.5f, 1.5f, -2.5f, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY,
            Float.MIN_VALUE, Float.MAX_VALUE, 2147483648f, -2147483904f, 4294967296f, 9.223372e18f, 1e-40f};
        return switch (random.nextInt(5)) {
            case 0, 1 -> Float.floatToRawIntBits(special[random.nextInt(special.length)]);
            case 2 -> Float.floatToRawIntBits((random.nextInt(2001) - 1000) / 8f);
            case 3 -> 0x7f800000 | (random.nextBoolean() ? 0x80000000 : 0) | (1 + random.nextInt(0x7fffff)); // NaNs
            default -> random.nextInt();
        };
    }

    private long randomF64Bits() {
        double[] special = {0d, -0d, 1d, -1d, 0.5, 1.5, -2.5, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
            Double.MIN_VALUE, Double.MAX_VALUE, 2147483648d, -2147483649d, 4294967296d, 9.223372036854775807e18, 1e-310};
        return switch (random.nextInt(5)) {
            case 0, 1 -> Double.doubleToRawLongBits(special[random.nextInt(special.length)]);
            case 2 -> Double.doubleToRawLongBits((random.nextInt(2001) - 1000) / 8d);
            case 3 -> 0x7ff0000000000000L | (random.nextBoolean() ? 0x8000000000000000L : 0)
                    | (1 + (random.nextLong() & 0xfffffffffffffL) % 0xfffffffffffffL); // NaNs
            default -> random.nextLong();
        };
    }

    /** The exact text of an f32 given by its bits (hexadecimal, or nan:0x... with the payload). */
    static String f32Text(int bits) {
        float f = Float.intBitsToFloat(bits);
        String sign = bits < 0 ? "-" : "";
        if (Float.isNaN(f)) {
            return sign + "nan:0x" + Integer.toHexString(bits & 0x7fffff);
        }
        if (Float.isInfinite(f)) {
            return sign + "inf";
        }
        return sign + Float.toHexString(Math.abs(f));
    }

    /** The exact text of an f64 given by its bits. */
    static String f64Text(long bits) {
        double d = Double.longBitsToDouble(bits);
        String sign = bits < 0 ? "-" : "";
        if (Double.isNaN(d)) {
            return sign + "nan:0x" + Long.toHexString(bits & 0xfffffffffffffL);
        }
        if (Double.isInfinite(d)) {
            return sign + "inf";
        }
        return sign + Double.toHexString(Math.abs(d));
    }

    // ---- helpers

    private Label push(String type) {
        Label label = new Label("b" + labelCounter++, type);
        labels.add(label);
        return label;
    }

    private String randomType() {
        return TYPES[random.nextInt(TYPES.length)];
    }
}
