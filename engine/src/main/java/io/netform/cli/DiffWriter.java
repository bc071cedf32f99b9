package io.netform.cli;

import io.netform.plan.Action;
import io.netform.value.Type;
import io.netform.value.Value;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes a {@link DiffNode} tree in Terraform's human plan layout: four spaces per level, a
 * three-character action marker before each line, {@code old -> new} for updates, and unchanged
 * parts folded into {@code # (N unchanged … hidden)} lines.
 */
final class DiffWriter {

    /** Attributes shown even when unchanged, because they tell a reader which object this is. */
    static final Set<String> IDENTIFYING = Set.of("id", "name", "tags");

    private static final Pattern IDENTIFIER = Pattern.compile("[\\p{L}_][\\p{L}\\p{N}_-]*");

    private final Ui ui;

    DiffWriter(Ui ui) {
        this.ui = ui;
    }

    /**
     * How a node is written in its context.
     *
     * @param noNullSuffix  do not write {@code -> null} after a removed value
     * @param forceReplace  write {@code # forces replacement} whatever the node says
     * @param showUnchanged write unchanged children instead of counting them
     */
    record Style(boolean noNullSuffix, boolean forceReplace, boolean showUnchanged) {
        static final Style DEFAULT = new Style(false, false, false);

        Style noNullSuffix(boolean value) {
            return new Style(value, forceReplace, showUnchanged);
        }

        Style forceReplace(boolean value) {
            return new Style(noNullSuffix, value, showUnchanged);
        }

        Style showUnchanged(boolean value) {
            return new Style(noNullSuffix, forceReplace, value);
        }
    }

    /** The three-character marker of an action, coloured when the UI has colour. */
    String symbol(Action action) {
        return switch (action) {
            case CREATE -> "  " + ui.green("+");
            case DELETE -> "  " + ui.red("-");
            case UPDATE -> "  " + ui.yellow("~");
            case READ -> " <=";
            case DELETE_THEN_CREATE -> ui.red("-") + "/" + ui.green("+");
            case CREATE_THEN_DELETE -> ui.green("+") + "/" + ui.red("-");
            case FORGET -> "  .";
            case NO_OP -> "   ";
        };
    }

    String write(DiffNode node, int indent, Style style) {
        if (node instanceof DiffNode.Primitive p) {
            return primitive(p, indent, style);
        } else if (node instanceof DiffNode.Unknown u) {
            return unknown(u, indent, style);
        } else if (node instanceof DiffNode.Sensitive s) {
            return "(sensitive value)" + nullSuffix(s.action(), style) + forces(s.replace(), style);
        } else if (node instanceof DiffNode.JsonString j) {
            return jsonString(j, indent, style);
        } else if (node instanceof DiffNode.TypeChange t) {
            Style inner = style.noNullSuffix(true);
            return write(t.before(), indent, inner) + " " + ui.yellow("->") + " " + write(t.after(), indent, inner)
                    + forces(t.replace(), style);
        } else if (node instanceof DiffNode.Sequence s) {
            return sequence(s, indent, style);
        } else if (node instanceof DiffNode.Keyed k) {
            return k.isObject() ? object(k, indent, style) : map(k, indent, style);
        } else if (node instanceof DiffNode.Block b) {
            return new BlockWriter(this, b, indent, style).write();
        } else {
            DiffNode.SensitiveBlock s = (DiffNode.SensitiveBlock) node;
            String prefix = pad(indent) + symbol(Action.NO_OP) + " ";
            return "{" + forces(s.replace(), style) + "\n"
                    + prefix + "  # At least one attribute in this block is (or was) sensitive,\n"
                    + prefix + "  # so its contents will not be displayed.\n"
                    + prefix + "}";
        }
    }

    /** The warning lines Terraform writes above a value whose sensitivity changes. */
    List<String> warnings(DiffNode node, int indent) {
        if (!(node instanceof DiffNode.Sensitive s)
                || s.beforeSensitive() == s.afterSensitive()
                || s.contentAction() == Action.CREATE
                || s.contentAction() == Action.DELETE) {
            return List.of();
        }
        String warning = s.beforeSensitive()
                ? "  # " + ui.yellow("Warning") + ": this attribute value will no longer be marked as sensitive\n"
                        + pad(indent) + "  # after applying this change."
                : "  # " + ui.yellow("Warning") + ": this attribute value will be marked as sensitive and will not\n"
                        + pad(indent) + "  # display in UI output after applying this change.";
        return List.of(s.contentAction() == Action.NO_OP ? warning + " The value is unchanged." : warning);
    }

    private String primitive(DiffNode.Primitive p, int indent, Style style) {
        Value shown = p.action() == Action.DELETE ? p.before() : p.after();
        boolean isString = (p.after().isNull() ? p.before() : p.after()).type() == Type.STRING;
        if (isString && (multiline(p.before()) || multiline(p.after()))) {
            return heredoc(p, indent, style);
        }
        return switch (p.action()) {
            case CREATE, NO_OP -> scalar(shown) + forces(p.replace(), style);
            case DELETE -> scalar(shown) + nullSuffix(Action.DELETE, style) + forces(p.replace(), style);
            default ->
                scalar(p.before()) + " " + ui.yellow("->") + " " + scalar(p.after()) + forces(p.replace(), style);
        };
    }

    private String heredoc(DiffNode.Primitive p, int indent, Style style) {
        String linePrefix = pad(indent + 1);
        List<String> lines = new ArrayList<>();
        if (p.action() == Action.UPDATE) {
            List<String> before = splitLines(p.before());
            List<String> after = splitLines(p.after());
            for (SequenceMatch.Pair row : SequenceMatch.match(before, after, String::equals, line -> false)) {
                if (row.before() < 0) {
                    lines.add(linePrefix + symbol(Action.CREATE) + " " + after.get(row.after()));
                } else if (row.after() < 0) {
                    lines.add(linePrefix + symbol(Action.DELETE) + " " + before.get(row.before()));
                } else {
                    lines.add(linePrefix + symbol(Action.NO_OP) + " " + before.get(row.before()));
                }
            }
        } else {
            for (String line : splitLines(p.action() == Action.DELETE ? p.before() : p.after())) {
                lines.add(linePrefix + symbol(Action.NO_OP) + " " + line);
            }
        }
        return "<<-EOT" + forces(p.replace(), style) + "\n" + String.join("\n", lines) + "\n" + pad(indent)
                + symbol(Action.NO_OP) + " EOT" + nullSuffix(p.action(), style);
    }

    /** A JSON string as the {@code jsonencode(…)} call that would produce it, diffed inside. */
    private String jsonString(DiffNode.JsonString j, int indent, Style style) {
        String note = !j.whitespaceOnly()
                ? ""
                : j.replace() ? " # whitespace changes force replacement" : " # whitespace changes";
        String replace = j.whitespaceOnly() ? "" : forces(j.replace(), style);
        String content =
                write(j.content(), indent + 1, style.showUnchanged(style.showUnchanged() || j.whitespaceOnly()));
        // Whole JSON values created or removed carry no marker of their own; the attribute line has it.
        Action marker = j.action() == Action.UPDATE && !j.whitespaceOnly() ? Action.UPDATE : Action.NO_OP;
        if (content.contains("\n")) {
            return "jsonencode(" + note + "\n" + pad(indent + 1) + symbol(marker) + " " + content + replace + "\n"
                    + pad(indent + 1) + ")";
        }
        return "jsonencode(" + content + ")" + note + replace;
    }

    private String unknown(DiffNode.Unknown u, int indent, Style style) {
        if (u.action() == Action.CREATE || u.before() == null) {
            return "(known after apply)" + forces(u.replace(), style);
        }
        Style beforeStyle = style.noNullSuffix(true).forceReplace(style.forceReplace() && !u.replace());
        return write(u.before(), indent, beforeStyle) + " -> (known after apply)" + forces(u.replace(), style);
    }

    private String sequence(DiffNode.Sequence s, int indent, Style style) {
        if (s.elements().isEmpty()) {
            return "[]" + nullSuffix(s.action(), style) + forces(s.replace(), style);
        }
        // The sequence line itself says when it forces replacement; its elements need not repeat it.
        Style elementStyle = style.noNullSuffix(true).forceReplace(false);
        Style unchangedStyle = style.showUnchanged(true).forceReplace(false);
        StringBuilder out =
                new StringBuilder("[").append(forces(s.replace(), style)).append('\n');
        List<DiffNode> skipped = new ArrayList<>();
        boolean showNext = false;
        for (DiffNode element : s.elements()) {
            if (element.action() == Action.NO_OP && !showNext && !style.showUnchanged()) {
                skipped.add(element);
                continue;
            }
            showNext = false;
            Style current = elementStyle;
            if (s.context()) {
                // A change is shown with its neighbours, because in a list the position matters.
                if (skipped.size() > 1) {
                    out.append(pad(indent + 1))
                            .append(symbol(Action.NO_OP))
                            .append(' ')
                            .append(unchanged("element", skipped.size() - 1))
                            .append('\n');
                }
                if (!skipped.isEmpty()) {
                    DiffNode last = skipped.get(skipped.size() - 1);
                    out.append(pad(indent + 1))
                            .append(symbol(last.action()))
                            .append(' ')
                            .append(write(last, indent + 1, unchangedStyle))
                            .append(",\n");
                }
                skipped.clear();
                if (element.action() == Action.NO_OP) {
                    current = unchangedStyle;
                } else {
                    showNext = true;
                }
            }
            line(out, indent, element, symbol(element.action()) + " " + write(element, indent + 1, current) + ",");
        }
        if (!skipped.isEmpty()) {
            out.append(pad(indent + 1))
                    .append(symbol(Action.NO_OP))
                    .append(' ')
                    .append(unchanged("element", skipped.size()))
                    .append('\n');
        }
        return out.append(pad(indent))
                .append(symbol(Action.NO_OP))
                .append(" ]")
                .append(nullSuffix(s.action(), style))
                .toString();
    }

    private String map(DiffNode.Keyed m, int indent, Style style) {
        if (m.entries().isEmpty()) {
            return "{}" + nullSuffix(m.action(), style) + forces(m.replace(), style);
        }
        int width = m.entries().keySet().stream()
                .mapToInt(k -> goQuote(k).length())
                .max()
                .orElse(0);
        Style elementStyle = style.noNullSuffix(m.action() == Action.DELETE).forceReplace(false);
        StringBuilder out =
                new StringBuilder("{").append(forces(m.replace(), style)).append('\n');
        int hidden = 0;
        for (Map.Entry<String, DiffNode> e : m.entries().entrySet()) {
            DiffNode element = e.getValue();
            if (element.action() == Action.NO_OP && !style.showUnchanged()) {
                hidden++;
                continue;
            }
            String comma = element instanceof DiffNode.Keyed k && k.isObject() ? "," : "";
            line(
                    out,
                    indent,
                    element,
                    symbol(element.action()) + " " + padRight(goQuote(e.getKey()), width) + " = "
                            + write(element, indent + 1, elementStyle) + comma);
        }
        hiddenLine(out, indent, "element", hidden);
        return out.append(pad(indent))
                .append(symbol(Action.NO_OP))
                .append(" }")
                .append(nullSuffix(m.action(), style))
                .toString();
    }

    private String object(DiffNode.Keyed o, int indent, Style style) {
        if (o.entries().isEmpty()) {
            return "{}" + nullSuffix(o.action(), style) + forces(o.replace(), style);
        }
        int width = o.entries().keySet().stream()
                .mapToInt(k -> attributeName(k).length())
                .max()
                .orElse(0);
        Style attributeStyle = style.noNullSuffix(true);
        StringBuilder out =
                new StringBuilder("{").append(forces(o.replace(), style)).append('\n');
        int hidden = 0;
        for (Map.Entry<String, DiffNode> e : o.entries().entrySet()) {
            DiffNode attribute = e.getValue();
            boolean identifying = IDENTIFYING.contains(e.getKey());
            if (!identifying && attribute.action() == Action.NO_OP && !style.showUnchanged()) {
                hidden++;
                continue;
            }
            Style current = identifying ? attributeStyle.showUnchanged(true) : attributeStyle;
            line(
                    out,
                    indent,
                    attribute,
                    symbol(attribute.action()) + " " + padRight(attributeName(e.getKey()), width) + " = "
                            + write(attribute, indent + 1, current));
        }
        hiddenLine(out, indent, "attribute", hidden);
        return out.append(pad(indent))
                .append(symbol(Action.NO_OP))
                .append(" }")
                .append(nullSuffix(o.action(), style))
                .toString();
    }

    /** Appends one child line at {@code indent + 1}, after the warnings its value calls for. */
    void line(StringBuilder out, int indent, DiffNode node, String text) {
        for (String warning : warnings(node, indent + 1)) {
            out.append(pad(indent + 1)).append(warning).append('\n');
        }
        out.append(pad(indent + 1)).append(text).append('\n');
    }

    void hiddenLine(StringBuilder out, int indent, String what, int count) {
        if (count > 0) {
            out.append(pad(indent + 1))
                    .append(symbol(Action.NO_OP))
                    .append(' ')
                    .append(unchanged(what, count))
                    .append('\n');
        }
    }

    String unchanged(String what, int count) {
        return "# (" + count + " unchanged " + what + (count == 1 ? "" : "s") + " hidden)";
    }

    String nullSuffix(Action action, Style style) {
        return !style.noNullSuffix() && action == Action.DELETE ? " -> null" : "";
    }

    String forces(boolean replace, Style style) {
        return replace || style.forceReplace() ? " " + ui.red("# forces replacement") : "";
    }

    static String pad(int indent) {
        return "    ".repeat(indent);
    }

    static String padRight(String text, int width) {
        return text.length() >= width ? text : text + " ".repeat(width - text.length());
    }

    /** A name as HCL would accept it as an attribute name: bare if it is an identifier, else quoted. */
    static String attributeName(String name) {
        return IDENTIFIER.matcher(name).matches() ? name : goQuote(name);
    }

    private static String scalar(Value v) {
        if (v.isNull()) {
            return "null";
        }
        if (v.type() == Type.STRING) {
            return goQuote(v.asString());
        }
        if (v.type() == Type.NUMBER) {
            return v.asBigFloat().text();
        }
        return Boolean.toString(v.asBoolean());
    }

    private static boolean multiline(Value v) {
        return v.type() == Type.STRING && !v.isNull() && v.asString().contains("\n");
    }

    private static List<String> splitLines(Value v) {
        return Arrays.asList(v.asString().strip().split("\n", -1));
    }

    /** A string in double quotes with the escapes Terraform's plan uses (those of Go's {@code %q}). */
    static String goQuote(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2).append('"');
        s.codePoints().forEach(c -> {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        out.append(String.format("\\x%02x", c));
                    } else if (!Character.isDefined(c) || Character.getType(c) == Character.FORMAT) {
                        out.append(c > 0xffff ? String.format("\\U%08x", c) : String.format("\\u%04x", c));
                    } else {
                        out.appendCodePoint(c);
                    }
                }
            }
        });
        return out.append('"').toString();
    }
}
