package io.netform.hcl;

import java.util.Random;

/**
 * Writes random but valid configuration files, with random (legal) spacing, line breaks inside
 * brackets and comments, so properties can check the parser and formatter on inputs nobody wrote.
 */
final class RandomConfigs {
    private static final String[] NAMES = {"a", "b", "var", "local", "each", "count", "name_1", "with-dash"};
    private static final String[] BINARY = {"+", "-", "*", "/", "%", "==", "!=", "<", "<=", ">", ">=", "&&", "||"};
    private final Random random;

    RandomConfigs(long seed) {
        this.random = new Random(seed);
    }

    String file() {
        StringBuilder out = new StringBuilder();
        body(out, 0);
        return out.toString();
    }

    private void body(StringBuilder out, int depth) {
        int items = 1 + random.nextInt(5);
        for (int i = 0; i < items; i++) {
            out.append(space()).append(pick("", "", "\n", "# note\n", "/* c */ "));
            if (depth < 2 && random.nextInt(4) == 0) {
                block(out, depth);
            } else {
                out.append("attr_")
                        .append(i)
                        .append(space())
                        .append('=')
                        .append(space())
                        .append(expression(3));
                out.append(pick("", " # trailing", " // trailing")).append('\n');
            }
        }
    }

    private void block(StringBuilder out, int depth) {
        out.append(pick("resource", "locals", "dynamic")).append(pick("", " \"x\"", " \"x\" y", " label"));
        out.append(space()).append("{\n");
        body(out, depth + 1);
        out.append(space()).append("}\n");
    }

    private String expression(int depth) {
        if (depth == 0) {
            return leaf();
        }
        return switch (random.nextInt(12)) {
            // identifiers may contain dashes, so an operator needs a space before it
            case 0 -> expression(depth - 1) + " " + pick(BINARY) + space() + expression(depth - 1);
            case 1 -> pick("-", "!") + term(depth - 1);
            case 2 ->
                expression(depth - 1) + space() + "?" + space() + expression(depth - 1) + space() + ":" + space()
                        + expression(depth - 1);
            case 3 -> "[" + elements(depth) + "]";
            case 4 -> object(depth);
            case 5 -> pick("upper", "max", "concat") + "(" + arguments(depth) + ")";
            case 6 ->
                "[for" + " x in " + term(depth - 1) + space() + ":" + space() + expression(depth - 1)
                        + pick("", " if " + expression(depth - 1)) + "]";
            case 7 -> "{for k, v in " + term(depth - 1) + " : k => " + expression(depth - 1) + pick("", "...") + "}";
            case 8 -> "(" + breakOrSpace() + expression(depth - 1) + breakOrSpace() + ")";
            case 9 -> "\"pre ${" + space() + expression(depth - 1) + space() + "} %{if a}y%{else}n%{endif}\"";
            default -> term(depth - 1);
        };
    }

    private String term(int depth) {
        String base = depth > 0 && random.nextBoolean() ? "(" + expression(depth) + ")" : pick(NAMES);
        return base + pick("", ".attr", "[0]", "[\"k\"]", ".0", "[*].id", ".*.id", "[" + leaf() + "]");
    }

    private String elements(int depth) {
        int n = random.nextInt(4);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < n; i++) {
            out.append(breakOrSpace()).append(expression(depth - 1));
            if (i < n - 1 || random.nextBoolean()) {
                out.append(',');
            }
        }
        return out.append(n > 0 ? breakOrSpace() : "").toString();
    }

    private String arguments(int depth) {
        int n = random.nextInt(4);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < n; i++) {
            out.append(breakOrSpace()).append(expression(depth - 1));
            if (i < n - 1) {
                out.append(',');
            } else {
                out.append(pick("", ",", "..."));
            }
        }
        return out.append(n > 0 ? breakOrSpace() : "").toString();
    }

    private String object(int depth) {
        int n = random.nextInt(4);
        boolean multiLine = random.nextBoolean();
        StringBuilder out = new StringBuilder("{").append(multiLine ? "\n" : space());
        for (int i = 0; i < n; i++) {
            out.append(pick("key" + i, "\"k" + i + "\"", "(" + pick(NAMES) + ")"))
                    .append(space())
                    .append(pick("=", ":"))
                    .append(space())
                    .append(expression(depth - 1));
            out.append(multiLine ? "\n" : (i < n - 1 ? "," + space() : space()));
        }
        return out.append('}').toString();
    }

    private String leaf() {
        return switch (random.nextInt(7)) {
            case 0 -> String.valueOf(random.nextInt(1000));
            case 1 -> random.nextInt(100) + "." + random.nextInt(100);
            case 2 -> pick("true", "false", "null");
            case 3 -> pick("\"\"", "\"text\"", "\"esc\\n\\\"q\\\"\"", "\"$${lit}\"", "\"${x}\"");
            case 4 -> "(<<EOT\nheredoc ${x}\nEOT\n)";
            default -> pick(NAMES) + pick("", ".b", "[1]");
        };
    }

    private String space() {
        return pick("", " ", " ", "  ");
    }

    private String breakOrSpace() {
        return pick("", " ", "\n", "\n  ", " # c\n");
    }

    private String pick(String... options) {
        return options[random.nextInt(options.length)];
    }
}
