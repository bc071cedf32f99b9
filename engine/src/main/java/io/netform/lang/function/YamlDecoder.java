package io.netform.lang.function;

import io.netform.value.BigFloat;
import io.netform.value.Type;
import io.netform.value.Value;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * YAML as Terraform's yamldecode reads it: mappings become objects, sequences tuples, and plain
 * scalars are resolved as go-cty-yaml does (YAML 1.1 booleans such as yes/off, decimal numbers
 * with underscores, timestamps rewritten as RFC 3339 strings; hexadecimal only with an !!int tag).
 */
final class YamlDecoder {
    private static final String TAG = "tag:yaml.org,2002:";
    private static final Map<String, Value> WORDS = words();
    private static final Pattern DECIMAL = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");
    private static final Pattern TIMESTAMP = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})"
            + "(?:[Tt](\\d{1,2}):(\\d{1,2}):(\\d{1,2})(?:\\.\\d+)?(Z|[-+]\\d\\d:\\d\\d)"
            + "| (\\d{1,2}):(\\d{1,2}):(\\d{1,2})(?:\\.\\d+)?)?");

    private YamlDecoder() {}

    /** The words a plain scalar may be. */
    private static Map<String, Value> words() {
        Map<String, Value> words = new LinkedHashMap<>();
        for (String w : List.of("y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON")) {
            words.put(w, Value.TRUE);
        }
        for (String w : List.of("n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF")) {
            words.put(w, Value.FALSE);
        }
        for (String w : List.of("", "~", "null", "Null", "NULL")) {
            words.put(w, Value.nullOf(Type.DYNAMIC));
        }
        for (String w : List.of(".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF")) {
            words.put(w, Value.number(BigFloat.POSITIVE_INFINITY));
        }
        for (String w : List.of("-.inf", "-.Inf", "-.INF")) {
            words.put(w, Value.number(BigFloat.NEGATIVE_INFINITY));
        }
        return Map.copyOf(words);
    }

    static Value decode(String text) throws FunctionException {
        String source = text;
        while (true) {
            try {
                Optional<Node> root = new Compose(LoadSettings.builder().build()).composeString(source);
                return root.isEmpty() ? Value.nullOf(Type.DYNAMIC) : value(root.get());
            } catch (MarkedYamlEngineException e) {
                Optional<String> rewritten = withUnicodeEscape(source, e);
                if (rewritten.isEmpty()) {
                    String where = e.getProblemMark()
                            .map(m -> "on line " + (m.getLine() + 1) + ", column " + (m.getColumn() + 1) + ": ")
                            .orElse("");
                    throw new FunctionException(where + e.getProblem());
                }
                source = rewritten.get(); // one escape fewer each time, so this ends
            } catch (YamlEngineException e) {
                throw new FunctionException(e.getMessage());
            }
        }
    }

    /**
     * The YAML reader refuses the escapes {@code \L} and {@code \P} (line and paragraph separator)
     * that go-yaml, and so Terraform, accepts in double-quoted scalars. It stops at the first with
     * its position, where the same character is written as the four-digit hexadecimal escape it does accept.
     */
    private static Optional<String> withUnicodeEscape(String source, MarkedYamlEngineException e) {
        String problem = e.getProblem();
        if (problem == null
                || !problem.startsWith("found unknown escape character ")
                || e.getProblemMark().isEmpty()) {
            return Optional.empty();
        }
        int at;
        try {
            at = source.offsetByCodePoints(0, e.getProblemMark().get().getIndex());
        } catch (IndexOutOfBoundsException outside) {
            return Optional.empty();
        }
        if (at < 1 || at >= source.length() || source.charAt(at - 1) != '\\') {
            return Optional.empty();
        }
        String replacement = switch (source.charAt(at)) {
            case 'L' -> "u2028";
            case 'P' -> "u2029";
            default -> null;
        };
        return Optional.ofNullable(replacement).map(r -> source.substring(0, at) + r + source.substring(at + 1));
    }

    private static Value value(Node node) throws FunctionException {
        if (node instanceof ScalarNode scalar) {
            return scalar(scalar);
        }
        if (node instanceof SequenceNode sequence) {
            List<Value> elements = new ArrayList<>();
            for (Node n : sequence.getValue()) {
                elements.add(value(n));
            }
            return Value.tuple(elements);
        }
        Map<String, Value> attributes = new LinkedHashMap<>();
        mergeInto(attributes, (MappingNode) node);
        return Value.object(attributes);
    }

    private static boolean isMergeKey(NodeTuple t) {
        return t.getKeyNode() instanceof ScalarNode k
                && k.isPlain()
                && k.getValue().equals("<<");
    }

    /** Adds a mapping's entries; {@code <<} merge keys bring in other mappings' entries first. */
    private static void mergeInto(Map<String, Value> attributes, MappingNode mapping) throws FunctionException {
        for (NodeTuple t : mapping.getValue()) {
            if (isMergeKey(t)) {
                Node merged = t.getValueNode();
                for (Node source : merged instanceof SequenceNode s ? s.getValue() : List.of(merged)) {
                    if (!(source instanceof MappingNode m)) {
                        throw new FunctionException("map merge requires map or sequence of maps as the value");
                    }
                    Map<String, Value> inherited = new LinkedHashMap<>();
                    mergeInto(inherited, m);
                    inherited.forEach(attributes::putIfAbsent);
                }
            }
        }
        for (NodeTuple t : mapping.getValue()) {
            if (isMergeKey(t)) {
                continue;
            }
            if (!(t.getKeyNode() instanceof ScalarNode key) || scalar(key).isNull()) {
                throw new FunctionException("only string keys are supported");
            }
            attributes.put(key.getValue(), value(t.getValueNode()));
        }
    }

    private static Value scalar(ScalarNode node) throws FunctionException {
        String tag = !node.isResolved() ? node.getTag().getValue() : node.isPlain() ? "" : TAG + "str";
        return resolve(tag, node.getValue());
    }

    /** go-cty-yaml's resolution: the first character hints at what a plain scalar may be. */
    private static Value resolve(String tag, String src) throws FunctionException {
        String effectiveTag = tag;
        boolean textual = tag.equals(TAG + "str") || tag.equals(TAG + "binary");
        if (!textual && hinted(src)) {
            if (WORDS.containsKey(src)) {
                return WORDS.get(src);
            }
            if (src.equals(".nan") || src.equals(".NaN") || src.equals(".NAN")) {
                throw new FunctionException("floating point NaN is not supported");
            }
            char first = src.charAt(0);
            if (first == '.' && DECIMAL.matcher(src).matches()) {
                return Value.number(new BigDecimal(src));
            }
            if (first == '+' || first == '-' || Character.isDigit(first)) {
                if (tag.isEmpty() || tag.equals(TAG + "timestamp")) {
                    Optional<String> timestamp = timestamp(src);
                    if (timestamp.isPresent()) {
                        return Value.string(timestamp.get());
                    }
                }
                String plain = src.replace("_", "");
                if (DECIMAL.matcher(plain).matches()) {
                    return Value.number(decimal(plain));
                }
                if (plain.startsWith("0b") || plain.startsWith("-0b")) {
                    effectiveTag = TAG + "int";
                }
            }
        }
        return tagged(effectiveTag, src);
    }

    private static boolean hinted(String src) {
        return src.isEmpty() || "+-0123456789yYnNtTfFoO~.".indexOf(src.charAt(0)) >= 0;
    }

    private static BigDecimal decimal(String text) {
        return new BigDecimal(text.startsWith("+") ? text.substring(1) : text);
    }

    private static Value tagged(String tag, String src) throws FunctionException {
        String cannot = "cannot parse " + GoText.quote(src) + " as " + tag;
        switch (tag.startsWith(TAG) ? tag.substring(TAG.length()) : tag.isEmpty() ? "" : "?") {
            case "", "str" -> {
                return Value.string(src);
            }
            case "binary" -> {
                try {
                    Base64.getDecoder().decode(src);
                    return Value.string(src);
                } catch (IllegalArgumentException e) {
                    throw new FunctionException(cannot + ": not valid base64");
                }
            }
            case "bool" -> {
                Value word = WORDS.get(src);
                if (word != null && word.type() == Type.BOOL) {
                    return word;
                }
                throw new FunctionException(cannot);
            }
            case "int", "float" -> {
                return Value.number(
                        integerOrDecimal(src.replace("_", "")).orElseThrow(() -> new FunctionException(cannot)));
            }
            case "timestamp" -> {
                return Value.string(timestamp(src).orElseThrow(() -> new FunctionException(cannot)));
            }
            case "null" -> {
                return Value.nullOf(Type.DYNAMIC);
            }
            default -> throw new FunctionException("unsupported tag " + GoText.quote(tag));
        }
    }

    /** A decimal, or an integer with Go's base prefixes (0x, 0o, 0b, or a leading 0 for octal). */
    private static Optional<BigDecimal> integerOrDecimal(String plain) {
        if (DECIMAL.matcher(plain).matches()) {
            return Optional.of(decimal(plain));
        }
        Matcher m = Pattern.compile("([-+]?)0([xXoObB]?)([0-9a-fA-F]+)").matcher(plain);
        if (!m.matches()) {
            return Optional.empty();
        }
        int radix = switch (m.group(2).toLowerCase(java.util.Locale.ROOT)) {
            case "x" -> 16;
            case "b" -> 2;
            default -> 8;
        };
        try {
            BigInteger n = new BigInteger(m.group(3), radix);
            return Optional.of(new BigDecimal(m.group(1).equals("-") ? n.negate() : n));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** A YAML timestamp in one of the forms go-cty-yaml accepts, rewritten in RFC 3339. */
    private static Optional<String> timestamp(String src) {
        Matcher m = TIMESTAMP.matcher(src);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            LocalDate date = LocalDate.of(
                    Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            int first = m.group(4) != null ? 4 : m.group(8) != null ? 8 : -1;
            OffsetDateTime t = first < 0
                    ? date.atStartOfDay().atOffset(ZoneOffset.UTC)
                    : date.atTime(
                                    Integer.parseInt(m.group(first)),
                                    Integer.parseInt(m.group(first + 1)),
                                    Integer.parseInt(m.group(first + 2)))
                            .atOffset(
                                    first == 4 && !m.group(7).equals("Z") ? ZoneOffset.of(m.group(7)) : ZoneOffset.UTC);
            return Optional.of(Rfc3339.format(t));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
