package io.netform.lang;

import io.netform.lang.DifferentialCorpus.Case;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * The seeded generator of {@link DifferentialCorpus}: literal values from fixed pools, combined
 * with operators, conditionals, for expressions, splats, templates and every function hcl-eval
 * knows; where Terraform departs from hcl-eval's libraries, the case carries the equivalent.
 */
final class ExpressionGenerator {

    private static final long SEED = 18;
    private static final int CALLS_PER_FUNCTION = 14;

    static final List<String> NUMBERS = List.of(
            "0",
            "1",
            "-1",
            "2",
            "3",
            "7",
            "10",
            "-7",
            "0.5",
            "-2.5",
            "1.5",
            "2.675",
            "0.1",
            "0.2",
            "3.14159",
            "1e3",
            "1.5e-3",
            "100",
            "255",
            "12345678901234567890",
            "-0",
            "(1/3)",
            "(2/3)",
            "-12.75",
            "4.5",
            "1e-7");
    static final List<String> SMALL_NUMBERS = List.of("0", "1", "2", "3", "5", "-1", "-2", "1.5", "10");
    static final List<String> STRINGS = List.of(
            "\"\"",
            "\"a\"",
            "\"abc\"",
            "\"Hello World\"",
            "\"  padded \\t\"",
            "\"a,b,,c\"",
            "\"ünïcödé\"",
            "\"x\\ny\\n\\n\"",
            "\"1\"",
            "\"3.5\"",
            "\"-12\"",
            "\"0x1F\"",
            "\"1e3\"",
            "\"true\"",
            "\"false\"",
            "\"ff\"",
            "\"hello world foo\"",
            "\"ÄÖÜ straße\"",
            "\"a-b_c d\"",
            "\"10.0.0.0/8\"",
            "\"%\"",
            "\"日本語\"",
            "\"$${x}\"",
            "\"%%{y}\"");
    static final List<String> BOOLS = List.of("true", "false");
    static final List<String> LISTS = List.of(
            "[]",
            "[1, 2, 3]",
            "[\"a\", \"b\"]",
            "[\"b\", \"a\", \"b\", \"c\"]",
            "[1, \"a\"]",
            "[true, false]",
            "[[1, 2], [3]]",
            "[null, \"a\"]",
            "[\"\", \"x\", \"\"]",
            "tolist([\"c\", \"a\"])",
            "tolist([])",
            "[3, 1.5, -2, 10]",
            "[[\"a\"], [], [\"b\", \"c\"]]",
            "[{a = 1}, {a = 2}]",
            "[\"10\", \"9\", \"1e1\"]",
            "tolist([1, 2, 3])");
    static final List<String> SETS = List.of(
            "toset([\"b\", \"a\"])",
            "toset([3, 1, 2])",
            "toset([])",
            "toset([\"a\", \"c\"])",
            "toset([true])",
            "toset([[1], [2]])",
            "toset([\"a\", 1])");
    static final List<String> MAPS = List.of(
            "{}",
            "{a = 1, b = 2}",
            "{a = \"x\", b = \"y\"}",
            "{a = 1, b = \"x\"}",
            "{\"k-1\" = true}",
            "tomap({a = \"x\", c = \"z\"})",
            "{a = [1], b = [2, 3]}",
            "{b = null}",
            "tomap({})",
            "{x = {y = 1}}",
            "tomap({a = 1, b = 2})");
    static final List<String> ANY = Stream.of(NUMBERS, STRINGS, BOOLS, LISTS, SETS, MAPS, List.of("null"))
            .flatMap(List::stream)
            .toList();

    private final Random random = new Random(SEED);
    private final Map<String, Case> cases = new LinkedHashMap<>();

    private ExpressionGenerator() {}

    /** The generated cases by expression, the same every run. */
    static Map<String, Case> generate() {
        ExpressionGenerator generator = new ExpressionGenerator();
        generator.literals();
        generator.operators();
        generator.conditionals();
        generator.forExpressions();
        generator.splatsAndIndexes();
        generator.templates();
        generator.setOrders();
        generator.nestedValues();
        generator.unicodeStrings();
        generator.functions();
        return generator.cases;
    }

    private void add(String expression) {
        cases.putIfAbsent(expression, Case.same(expression));
    }

    private void add(String expression, String terraform, TerraformDifference difference) {
        cases.putIfAbsent(expression, new Case(expression, terraform, difference));
    }

    private String pick(List<String> pool) {
        return pool.get(random.nextInt(pool.size()));
    }

    /** Mostly from {@code pool}, sometimes anything: the wrong kinds of argument must fail alike. */
    private String arg(List<String> pool) {
        return random.nextInt(8) == 0 ? pick(ANY) : pick(pool);
    }

    private void repeat(int times, Supplier<String> expression) {
        for (int i = 0; i < times; i++) {
            add(expression.get());
        }
    }

    private void literals() {
        ANY.forEach(this::add);
        Stream.of(
                        "0x10",
                        "1.",
                        "01",
                        "1e+2",
                        "1E2",
                        ".5",
                        "\"\\u00e9\\U0001F600\"",
                        "\"tab\\there\"",
                        "{\"a b\" = 1}",
                        "{a = 1, a = 2}",
                        "{(\"x\") = 1}",
                        "{a: 1}",
                        "[1, 2,]",
                        "{a = 1,}")
                .forEach(this::add);
    }

    private void operators() {
        List<String> operands = Stream.of(NUMBERS, NUMBERS, NUMBERS, STRINGS, BOOLS, BOOLS, ANY)
                .flatMap(List::stream)
                .toList();
        for (String op : List.of("+", "-", "*", "/", "%", "==", "!=", "<", "<=", ">", ">=", "&&", "||")) {
            for (int i = 0; i < 16; i++) {
                String left = pick(operands);
                String right = pick(operands);
                String expression = left + " " + op + " " + right;
                String decided = shortCircuit(op, left, right);
                if (decided != null) {
                    add(expression, decided, TerraformDifference.SHORT_CIRCUIT);
                } else {
                    add(expression);
                }
            }
        }
        repeat(12, () -> "-" + pick(NUMBERS));
        repeat(12, () -> "-" + pick(ANY));
        repeat(12, () -> "!" + pick(ANY));
        Stream.of(
                        "1 + 2 * 3",
                        "(1 + 2) * 3",
                        "10 - 4 - 3",
                        "2 * 3 % 4",
                        "-2 * -3",
                        "!true == false",
                        "1 < 2 == true",
                        "1 + 2 == 3 && 2 > 1 || false",
                        "8 / 2 / 2",
                        "7 % -3",
                        "-7 % 3",
                        "-7 % 3.14159",
                        "5 % 0",
                        "1 / 0",
                        "0 / 0",
                        "-1 / 0",
                        "1 / 3 * 3",
                        "0.1 + 0.2",
                        "0.1 + 0.2 == 0.3",
                        "12345678901234567890 + 1",
                        "1e300 * 1e300",
                        "2 - -1",
                        "\"1\" + 1",
                        "\"a\" == \"a\"",
                        "1 == \"1\"",
                        "[1] == [1]",
                        "{a = 1} == {a = 1}",
                        "null == null",
                        "[] == []",
                        "tolist([]) == []",
                        "1.0 == 1",
                        "\"1.0\" + 0")
                .forEach(this::add);
    }

    /**
     * What Terraform 1.12 (hcl 2.22) gives for a logical operator over two literals when one operand
     * decides, or null: both must convert to bool; then for && a false or null on either side (cty's
     * False() holds for a null) gives false, for || a true on either side gives true.
     */
    private static String shortCircuit(String op, String left, String right) {
        List<String> falsy = List.of("false", "\"false\"", "null");
        List<String> truthy = List.of("true", "\"true\"");
        if (!Stream.of(left, right).allMatch(o -> falsy.contains(o) || truthy.contains(o))) {
            return null;
        }
        if (op.equals("&&") && (falsy.contains(left) || falsy.contains(right))) {
            return "false";
        }
        return op.equals("||") && (truthy.contains(left) || truthy.contains(right)) ? "true" : null;
    }

    private void conditionals() {
        List<String> conditions = Stream.of(BOOLS, BOOLS, BOOLS, List.of("null", "\"true\"", "\"false\"", "1", "\"x\""))
                .flatMap(List::stream)
                .toList();
        repeat(80, () -> pick(conditions) + " ? " + pick(ANY) + " : " + pick(ANY));
        repeat(20, () -> pick(BOOLS) + " ? " + pick(BOOLS) + " ? " + pick(ANY) + " : " + pick(ANY) + " : " + pick(ANY));
    }

    private void forExpressions() {
        List<String> collections = Stream.of(LISTS, SETS, MAPS, List.of("null", "\"abc\"", "1"))
                .flatMap(List::stream)
                .toList();
        List<String> bodies = List.of(
                "x",
                "x == null",
                "[x]",
                "{v = x}",
                "tostring(x)",
                "\"${x}!\"",
                "x if x != null",
                "x if x == \"a\"",
                "x if true",
                "x if null",
                "x if \"yes\"",
                "x if 1");
        List<String> keyed = List.of(
                "k => x",
                "x => k",
                "tostring(k) => x...",
                "\"k\" => x...",
                "\"same\" => x",
                "k => x if k != \"a\"",
                "k => [k, x]");
        repeat(40, () -> "[for x in " + pick(collections) + " : " + pick(bodies) + "]");
        repeat(
                25,
                () -> "[for k, x in " + pick(collections) + " : " + pick(List.of("k", "[k, x]", "k if x != null"))
                        + "]");
        repeat(35, () -> "{for k, x in " + pick(collections) + " : " + pick(keyed) + "}");
        repeat(10, () -> "{for x in " + pick(collections) + " : x => x}");
    }

    private void splatsAndIndexes() {
        List<String> sources = List.of(
                "[{a = 1}, {a = 2}]",
                "[{a = 1}, {b = 2}]",
                "{a = 1}",
                "null",
                "\"s\"",
                "[]",
                "tolist([{a = \"x\"}])",
                "toset([{a = 1}])",
                "[[1, 2], [3]]",
                "[{a = [1, 2]}, {a = [3]}]",
                "tolist([])",
                "{a = {b = 1}}");
        for (String source : sources) {
            add(source + "[*].a");
            add(source + ".*.a");
            add(source + "[*]");
            add(source + "[*][0]");
            add("length(" + source + "[*])");
        }
        List<String> containers =
                Stream.of(LISTS, MAPS, SETS).flatMap(List::stream).toList();
        List<String> keys = List.of("0", "1", "2", "-1", "1.5", "\"a\"", "\"b\"", "\"0\"", "null", "true", "\"x\"");
        repeat(45, () -> pick(containers) + "[" + pick(keys) + "]");
        repeat(15, () -> pick(MAPS) + "." + pick(List.of("a", "b", "x", "k-1", "0")));
        repeat(10, () -> pick(LISTS) + "." + pick(List.of("0", "1", "a")));
    }

    private void templates() {
        repeat(40, () -> "\"pre ${" + pick(ANY) + "} post\"");
        repeat(8, () -> "\"${" + pick(ANY) + "}\"");
        repeat(20, () -> "\"%{if " + pick(ANY) + "}yes%{else}no%{endif}\"");
        repeat(20, () -> "\"%{for x in " + pick(ANY) + "}${x},%{endfor}\"");
        repeat(10, () -> "\"%{for k, v in " + pick(MAPS) + "}${k}=${v};%{endfor}\"");
        repeat(10, () -> "\"a ${~ " + pick(STRINGS) + " ~} b\"");
        repeat(8, () -> "<<EOT\nline ${" + pick(ANY) + "}\n  two\nEOT\n");
        repeat(
                8,
                () -> "<<-EOT\n    first ${" + pick(STRINGS) + "}\n      second\n    %{ if " + pick(BOOLS)
                        + " }third%{ endif }\n    EOT\n");
        Stream.of(
                        "\"\"",
                        "\"%{for x in [1, 2, 3]~}\n${x}\n%{~endfor}\"",
                        "\"%{ if true ~} a %{~ else ~} b %{~ endif }\"",
                        "\"$${literal} %%{literal}\"",
                        "\"nested ${\"in ${\"ner\"}\"}\"",
                        "\"${1 + 1}${true}${null == null}\"",
                        "<<EOT\nno newline at end${\"\"}\nEOT\n",
                        "<<-EOT\n\tTab\n  Space\n  EOT\n",
                        "<<EOT\nEOT\n",
                        "\"%{ for i, v in [\"a\", \"b\"] }${i}:${v} %{ endfor }\"",
                        "\"${[1]}\"",
                        "\"${{}}\"",
                        "\"%{ if \"true\" }x%{ endif }\"",
                        "\"%{for x in toset([\"b\", \"a\"])}${x}%{endfor}\"")
                .forEach(this::add);
    }

    /** Sets of structures, whose order cty takes from its set hash serialization. */
    private void setOrders() {
        List<String> strings = List.of(
                "\"a\"",
                "\"b\"",
                "\"A\"",
                "\"\"",
                "\"é\"",
                "\"\\n\"",
                "\"a b\"",
                "\"~\"",
                "\"\\\"\"",
                "\"10\"",
                "\"9\"");
        List<Supplier<String>> shapes = List.of(
                () -> "[" + args(strings, random.nextInt(3)) + "]",
                () -> "[" + pick(NUMBERS) + "]",
                () -> "{a = " + pick(NUMBERS) + ", b = " + pick(strings) + "}",
                () -> "tomap({" + pick(List.of("a", "b", "c")) + " = " + pick(strings) + "})",
                () -> "tolist([" + args(strings, random.nextInt(3)) + "])",
                () -> "[" + pick(BOOLS) + ", " + pick(strings) + "]");
        for (int i = 0; i < 40; i++) {
            Supplier<String> shape = shapes.get(i % shapes.size());
            add("tolist(toset(["
                    + IntStream.range(0, 3 + random.nextInt(3))
                            .mapToObj(n -> shape.get())
                            .collect(Collectors.joining(", "))
                    + "]))");
        }
    }

    /** Random nested literals through conversions and collection functions, where types must unify. */
    private void nestedValues() {
        List<String> wrappers = List.of(
                "toset([%s, %s, %s])",
                "tolist([%s, %s, %s])",
                "tomap({a = %s, b = %s, c = %s})",
                "[%s, %s, %s] == [%s, %s, %s]",
                "flatten([%s, %s, %s])",
                "concat([%s], [%s], [%s])",
                "distinct([%s, %s, %s])",
                "merge({a = %s}, {a = %s}, {b = %s})",
                "coalescelist([%s], [%s, %s])",
                "setunion([%s], [%s], [%s])",
                "true ? %s : (false ? %s : %s)",
                "[for v in [%s, %s, %s] : v]");
        for (int i = 0; i < 120; i++) {
            String wrapper = wrappers.get(i % wrappers.size());
            int slots = wrapper.split("%s", -1).length - 1;
            add(String.format(
                    wrapper, IntStream.range(0, slots).mapToObj(n -> nested(2)).toArray()));
        }
    }

    private String nested(int depth) {
        int kind = depth == 0 ? 0 : random.nextInt(6);
        return switch (kind) {
            case 0, 1 -> pick(List.of("1", "\"a\"", "true", "null", "\"1\"", "0.5", "\"\""));
            case 2 ->
                "["
                        + IntStream.range(0, random.nextInt(3))
                                .mapToObj(n -> nested(depth - 1))
                                .collect(Collectors.joining(", "))
                        + "]";
            case 3 ->
                "{"
                        + IntStream.range(0, random.nextInt(3))
                                .mapToObj(n -> "k" + n + " = " + nested(depth - 1))
                                .collect(Collectors.joining(", "))
                        + "}";
            case 4 ->
                pick(List.of("tolist", "toset")) + "(["
                        + IntStream.range(0, random.nextInt(3))
                                .mapToObj(n -> nested(depth - 1))
                                .collect(Collectors.joining(", "))
                        + "])";
            default -> "tomap({k = " + nested(depth - 1) + "})";
        };
    }

    /** String functions over text where Go's and Java's ideas of characters and case can part. */
    private void unicodeStrings() {
        List<String> texts = List.of(
                "\"e\\u0301\"",
                "\"👍🏽\"",
                "\"👨‍👩‍👧\"",
                "\"🇩🇪x\"",
                "\"ǅ\"",
                "\"ﬁ\"",
                "\"İi\"",
                "\"ΣΑΣ σ\"",
                "\"a\\r\\nb\"",
                "\"\\u00a0x\\u2003\"",
                "\"a\\u200bb\"",
                "\"Ⅻ\"",
                "\"ß\"",
                "\"ÿ\"",
                "\"hello-wORLD_foo.bar\"",
                "\"tab\\tsep\"",
                "\"\\u0000\"",
                "\"日本\"");
        List<String> unary =
                List.of("upper", "lower", "title", "strrev", "chomp", "trimspace", "jsonencode", "tostring");
        for (String f : unary) {
            for (String text : texts) {
                if (random.nextInt(3) == 0) {
                    add(call(f, text));
                }
            }
        }
        repeat(
                20,
                () -> call(
                        "substr",
                        pick(texts),
                        pick(List.of("0", "1", "-1", "-2")),
                        pick(List.of("1", "2", "-1", "0"))));
        repeat(
                15,
                () -> call(
                        "format", pick(List.of("\"%5s|\"", "\"%-4s|\"", "\"%.1s\"", "\"%q\"", "\"%x\"")), pick(texts)));
        repeat(10, () -> call("split", pick(List.of("\"\"", "\"\\u0301\"", "\"\\n\"")), pick(texts)));
        repeat(10, () -> call("trim", pick(texts), pick(List.of("\"ﬁ\"", "\"\\u00a0\"", "\"e\"", "\"👍\""))));
        repeat(10, () -> call("regexall", pick(List.of("\".\"", "\"\\\\w\"", "\"\\\\s\"", "\"(?i)i\"")), pick(texts)));
        repeat(10, () -> call("indent", pick(List.of("1", "2")), pick(texts)));
    }

    private void functions() {
        Map<String, Supplier<String>> calls = new LinkedHashMap<>();
        calls.put("abs", () -> call("abs", arg(NUMBERS)));
        calls.put("ceil", () -> call("ceil", arg(NUMBERS)));
        calls.put("floor", () -> call("floor", arg(NUMBERS)));
        calls.put("signum", () -> call("signum", arg(NUMBERS)));
        calls.put(
                "log",
                () -> call("log", arg(NUMBERS), arg(List.of("2", "10", "0.5", "1", "0", "-2", "2.718281828459045"))));
        calls.put(
                "pow",
                () -> call("pow", arg(NUMBERS), arg(List.of("0", "1", "2", "0.5", "-1", "3", "-0.5", "10", "1.5"))));
        calls.put("max", () -> call("max", args(NUMBERS, 1 + random.nextInt(4))));
        calls.put("min", () -> call("min", args(NUMBERS, 1 + random.nextInt(4))));
        calls.put(
                "parseint",
                () -> call(
                        "parseint",
                        arg(List.of(
                                "\"ff\"",
                                "\"-101\"",
                                "\"0x1F\"",
                                "\"zz\"",
                                "\"12\"",
                                "\"\"",
                                "\"1.5\"",
                                "\"777\"",
                                "\"FF\"",
                                "\"-0\"",
                                "\"123456789012345678901234567890\"")),
                        arg(List.of("2", "8", "10", "16", "36", "1", "37", "62"))));
        calls.put(
                "range",
                () -> call(
                        "range",
                        args(
                                List.of("0", "1", "3", "5", "-2", "0.5", "-0.2", "1.5", "10", "0.4", "-1"),
                                1 + random.nextInt(3))));
        calls.put("chomp", () -> call("chomp", arg(STRINGS)));
        calls.put("lower", () -> call("lower", arg(STRINGS)));
        calls.put("upper", () -> call("upper", arg(STRINGS)));
        calls.put("title", () -> call("title", arg(STRINGS)));
        calls.put("strrev", () -> call("strrev", arg(STRINGS)));
        calls.put("trimspace", () -> call("trimspace", arg(STRINGS)));
        calls.put("indent", () -> call("indent", arg(SMALL_NUMBERS), arg(STRINGS)));
        calls.put(
                "trim",
                () -> call("trim", arg(STRINGS), arg(List.of("\" \"", "\"a\"", "\"ab\"", "\"\"", "\"\\n\"", "\"ü\""))));
        calls.put(
                "trimprefix",
                () -> call("trimprefix", arg(STRINGS), arg(List.of("\"a\"", "\"Hello\"", "\"\"", "\"x\""))));
        calls.put(
                "trimsuffix",
                () -> call("trimsuffix", arg(STRINGS), arg(List.of("\"c\"", "\"foo\"", "\"\"", "\"\\n\""))));
        calls.put(
                "split",
                () -> call("split", arg(List.of("\",\"", "\"\"", "\" \"", "\"a\"", "\"\\n\"", "\"/\"")), arg(STRINGS)));
        calls.put("join", () -> call("join", arg(List.of("\",\"", "\"\"", "\"-\"")), arg(LISTS)));
        calls.put("substr", () -> call("substr", arg(STRINGS), arg(SMALL_NUMBERS), arg(SMALL_NUMBERS)));
        List<String> scalars =
                Stream.of(NUMBERS, STRINGS, BOOLS).flatMap(List::stream).toList();
        calls.put(
                "format",
                () -> call(
                        "format",
                        Stream.concat(
                                        Stream.of(arg(FORMATS)),
                                        IntStream.range(0, random.nextInt(3)).mapToObj(i -> arg(scalars)))
                                .toArray(String[]::new)));
        calls.put(
                "formatlist",
                () -> call(
                        "formatlist",
                        arg(FORMATS),
                        arg(Stream.of(LISTS, STRINGS).flatMap(List::stream).toList())));
        calls.put("regex", () -> call("regex", arg(REGEXES), arg(STRINGS)));
        calls.put("regexall", () -> call("regexall", arg(REGEXES), arg(STRINGS)));
        calls.put("formatdate", () -> call("formatdate", arg(DATE_FORMATS), arg(TIMESTAMPS)));
        calls.put(
                "timeadd",
                () -> call(
                        "timeadd",
                        arg(TIMESTAMPS),
                        arg(List.of(
                                "\"1h\"",
                                "\"-30m\"",
                                "\"1.5h\"",
                                "\"10s\"",
                                "\"2h45m\"",
                                "\"1d\"",
                                "\"-1ns\"",
                                "\"300ms\"",
                                "\"\""))));
        calls.put(
                "csvdecode",
                () -> call(
                        "csvdecode",
                        arg(List.of(
                                "\"a,b\\n1,2\\n\"",
                                "\"a,b\\n1\\n\"",
                                "\"\"",
                                "\"x\\n\"",
                                "\"a,\\\"b,c\\\"\\n1,2\\n\"",
                                "\"a,a\\n1,2\"",
                                "\"a\\n\\n1\\n\""))));
        calls.put(
                "jsondecode",
                () -> call(
                        "jsondecode",
                        arg(List.of(
                                "\"{\\\"a\\\": 1}\"",
                                "\"[1, \\\"x\\\", null]\"",
                                "\"1.5\"",
                                "\"true\"",
                                "\"null\"",
                                "\"\\\"s\\\"\"",
                                "\"{\\\"a\\\": [1, {\\\"b\\\": 2}]}\"",
                                "\"[\"",
                                "\"12345678901234567890123\"",
                                "\"0.1\"",
                                "\"{}\"",
                                "\"[]\"",
                                "\" 1 \""))));
        calls.put("jsonencode", () -> call("jsonencode", arg(ANY)));
        calls.put("coalesce", this::coalesce);
        calls.put("coalescelist", () -> call("coalescelist", args(LISTS, 1 + random.nextInt(3))));
        calls.put("compact", () -> call("compact", arg(LISTS)));
        calls.put("concat", () -> call("concat", args(LISTS, random.nextInt(4))));
        calls.put(
                "contains",
                () -> call(
                        "contains",
                        arg(Stream.concat(LISTS.stream(), SETS.stream()).toList()),
                        arg(scalars)));
        calls.put("distinct", () -> call("distinct", arg(LISTS)));
        calls.put("element", this::element);
        calls.put("flatten", () -> call("flatten", arg(LISTS)));
        calls.put("chunklist", () -> call("chunklist", arg(LISTS), arg(SMALL_NUMBERS)));
        calls.put("keys", () -> call("keys", arg(MAPS)));
        calls.put("values", () -> call("values", arg(MAPS)));
        calls.put("lookup", this::lookup);
        calls.put("length", this::length);
        calls.put(
                "merge",
                () -> call(
                        "merge",
                        args(Stream.concat(MAPS.stream(), Stream.of("null")).toList(), random.nextInt(4))));
        calls.put("reverse", () -> call("reverse", arg(LISTS)));
        calls.put("slice", () -> call("slice", arg(LISTS), arg(SMALL_NUMBERS), arg(SMALL_NUMBERS)));
        calls.put("sort", () -> call("sort", arg(LISTS)));
        calls.put(
                "zipmap",
                () -> call(
                        "zipmap",
                        arg(List.of("[\"a\", \"b\"]", "[\"x\"]", "[]", "[\"a\", \"a\"]", "[1, 2]")),
                        arg(LISTS)));
        List<String> setsAndLists = Stream.concat(SETS.stream(), LISTS.stream()).toList();
        for (String f : List.of("setintersection", "setunion", "setsubtract")) {
            calls.put(f, () -> call(f, args(setsAndLists, f.equals("setsubtract") ? 2 : 1 + random.nextInt(3))));
        }
        calls.put("setproduct", () -> call("setproduct", args(setsAndLists, random.nextInt(4))));
        CONVERSIONS.forEach((f, typedNull) -> calls.put(f, () -> conversion(f, typedNull)));
        calls.put("can", () -> call("can", pick(MAYBE_FAILING)));
        calls.put("try", () -> call("try", args(MAYBE_FAILING, 1 + random.nextInt(3))));
        calls.forEach((name, generator) -> {
            int times = CONVERSIONS.containsKey(name) ? 2 * CALLS_PER_FUNCTION : CALLS_PER_FUNCTION;
            for (int i = 0; i < times; i++) {
                add(generator.get());
            }
        });
    }

    static final List<String> FORMATS = List.of(
            "\"%s\"",
            "\"%d\"",
            "\"%5.2f\"",
            "\"%v\"",
            "\"%#v\"",
            "\"%q\"",
            "\"%x\"",
            "\"%X\"",
            "\"%o\"",
            "\"%b\"",
            "\"%e\"",
            "\"%g\"",
            "\"%t\"",
            "\"%%\"",
            "\"%-5s|\"",
            "\"%05d\"",
            "\"%.3s\"",
            "\"%[2]s %[1]s\"",
            "\"%10.4f\"",
            "\"%+d\"",
            "\"%s %s\"",
            "\"%.2f\"",
            "\"%f\"",
            "\"%E\"",
            "\"%G\"",
            "\"%.0f\"",
            "\"%8.3e\"",
            "\"%c\"",
            "\"%z\"",
            "\"%s and %v\"");
    static final List<String> REGEXES = List.of(
            "\"[a-z]+\"",
            "\"(\\\\d+)\"",
            "\"(?P<first>\\\\w+) (?P<second>\\\\w+)\"",
            "\"^$\"",
            "\"(a)(b)?\"",
            "\"[\"",
            "\"(?i)HELLO\"",
            "\"\\\\s+\"",
            "\"(x)|(y)\"",
            "\"\\\\p{L}+\"",
            "\".\"");
    static final List<String> DATE_FORMATS = List.of(
            "\"YYYY-MM-DD\"",
            "\"DD MMM YYYY hh:mm ZZZ\"",
            "\"EEEE, h:mm aa\"",
            "\"'literal' YY\"",
            "\"HH:mm:ss\"",
            "\"MMMM D, YYYY\"",
            "\"ZZZZZ\"",
            "\"EEE, DD MMM YYYY HH:mm:ss ZZZ\"",
            "\"Z ZZZZ\"",
            "\"'unterminated\"",
            "\"''\"",
            "\"A\"");
    static final List<String> TIMESTAMPS = List.of(
            "\"2024-02-29T12:34:56Z\"",
            "\"2018-01-02T23:12:01-08:00\"",
            "\"2018-01-02T23:12:01.5+05:30\"",
            "\"not a date\"",
            "\"1999-12-31T23:59:59Z\"",
            "\"2024-01-01\"",
            "\"2017-11-22T00:00:00.123456789Z\"");
    static final List<String> MAYBE_FAILING = List.of(
            "tobool(\"x\")",
            "[1][3]",
            "{a = 1}.b",
            "1",
            "\"a\" + 1",
            "null",
            "upper(\"x\")",
            "[1, 2][0]",
            "tonumber(\"0x10\")",
            "\"fallback\"",
            "{a = 1}.a",
            "[]");

    /** The conversion functions, each with an expression hcl-eval answers with a null of its type. */
    static final Map<String, String> CONVERSIONS = new LinkedHashMap<>();

    static {
        CONVERSIONS.put("tobool", "true ? null : false");
        CONVERSIONS.put("tonumber", "true ? null : 0");
        CONVERSIONS.put("tostring", "true ? null : \"\"");
        CONVERSIONS.put("tolist", "true ? null : tolist([])");
        CONVERSIONS.put("toset", "true ? null : toset([])");
        CONVERSIONS.put("tomap", "true ? null : tomap({})");
    }

    /** A conversion; Terraform's converts an untyped null to a null of its type. */
    private String conversion(String function, String typedNull) {
        String value = pick(ANY);
        String expression = call(function, value);
        if (value.equals("null")) {
            add(expression, typedNull, TerraformDifference.CONVERSION_OF_UNTYPED_NULL);
        }
        return expression;
    }

    /** {@code element} with a negative index: Terraform wraps it, go-cty 1.12 fails. */
    private String element() {
        Map<String, Integer> lists = Map.of(
                "tolist([\"a\", \"b\", \"c\"])",
                3,
                "tolist([1, 2])",
                2,
                "tolist([])",
                0,
                "[\"x\", 1, true]",
                3,
                "[[1], [2]]",
                2);
        List<String> sources = lists.keySet().stream().sorted().toList();
        String list = pick(sources);
        String index = pick(List.of("0", "1", "2", "3", "7", "-1", "-2", "-4", "1.5", "\"1\"", "null"));
        String expression = call("element", list, index);
        if (index.startsWith("-") && lists.get(list) > 0) {
            int n = lists.get(list);
            int wrapped = Math.floorMod(Integer.parseInt(index), n);
            add(
                    expression,
                    call("element", list, Integer.toString(wrapped)),
                    TerraformDifference.ELEMENT_NEGATIVE_INDEX);
        } else {
            add(expression);
        }
        return expression;
    }

    /** {@code lookup}, with and without the default that Terraform takes as optional. */
    private String lookup() {
        String map = arg(MAPS);
        String key = arg(List.of("\"a\"", "\"b\"", "\"x\"", "\"k-1\"", "\"z\""));
        if (random.nextInt(3) == 0) {
            String expression = call("lookup", map, key);
            add(expression, "(" + map + ")[" + key + "]", TerraformDifference.LOOKUP_WITHOUT_DEFAULT);
            return expression;
        }
        String expression = call(
                "lookup",
                map,
                key,
                pick(Stream.of(NUMBERS, STRINGS, BOOLS, LISTS)
                        .flatMap(List::stream)
                        .toList()));
        add(expression);
        return expression;
    }

    /** {@code length}: Terraform's also counts a string's characters and an object's attributes. */
    private String length() {
        String value = pick(ANY);
        String expression = call("length", value);
        if (STRINGS.contains(value)) {
            add(
                    expression,
                    "length(regexall(\"(?s).\", " + value + "))",
                    TerraformDifference.LENGTH_OF_STRING_OR_OBJECT);
        } else if (MAPS.contains(value) && value.startsWith("{")) {
            add(expression, "length(keys(" + value + "))", TerraformDifference.LENGTH_OF_STRING_OR_OBJECT);
        } else {
            add(expression);
        }
        return expression;
    }

    /**
     * {@code coalesce}: an empty string counts as absent in Terraform's, as a null string does in
     * go-cty's (typed by a conditional, since go-cty's tostring(null) is untyped).
     */
    private String coalesce() {
        List<String> values = Stream.of(NUMBERS, STRINGS, BOOLS, List.of("null", "null", "\"\"", "\"\""))
                .flatMap(List::stream)
                .toList();
        List<String> arguments = IntStream.range(0, 1 + random.nextInt(3))
                .mapToObj(i -> arg(values))
                .toList();
        String expression = call("coalesce", arguments.toArray(String[]::new));
        if (arguments.contains("\"\"")) {
            String terraform = call(
                    "coalesce",
                    arguments.stream()
                            .map(a -> a.equals("\"\"") ? "(true ? null : \"\")" : a)
                            .toArray(String[]::new));
            add(expression, terraform, TerraformDifference.COALESCE_SKIPS_EMPTY_STRINGS);
        } else {
            add(expression);
        }
        return expression;
    }

    private String args(List<String> pool, int count) {
        return IntStream.range(0, count).mapToObj(i -> arg(pool)).collect(Collectors.joining(", "));
    }

    private static String call(String function, String... arguments) {
        return function + "(" + String.join(", ", arguments) + ")";
    }
}
