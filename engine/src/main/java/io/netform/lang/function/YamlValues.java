package io.netform.lang.function;

import io.netform.value.Type;
import io.netform.value.Value;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
 * YAML as Terraform's yamldecode reads it (plain scalars resolved with YAML 1.1's rules: yes/no,
 * on/off, hex and octal numbers; mappings become objects, sequences tuples) and as yamlencode
 * writes it (block style, strings double-quoted, multi-line strings as literal blocks).
 */
final class YamlValues {
  private static final Set<String> NULLS = Set.of("", "~", "null", "Null", "NULL");
  private static final Set<String> TRUES = Set.of("y", "Y", "yes", "Yes", "YES", "true", "True",
      "TRUE", "on", "On", "ON");
  private static final Set<String> FALSES = Set.of("n", "N", "no", "No", "NO", "false", "False",
      "FALSE", "off", "Off", "OFF");
  private static final Pattern DECIMAL =
      Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");
  private static final Pattern PREFIXED_INTEGER = Pattern.compile("([-+]?)0([xob])([0-9a-fA-F_]+)");

  private YamlValues() {}

  static Value decode(String text) throws FunctionException {
    try {
      Optional<Node> root = new Compose(LoadSettings.builder().build()).composeString(text);
      return root.isEmpty() ? Value.nullOf(Type.DYNAMIC) : value(root.get());
    } catch (MarkedYamlEngineException e) {
      String where = e.getProblemMark().map(m -> "on line " + (m.getLine() + 1) + ", column "
          + (m.getColumn() + 1) + ": ").orElse("");
      throw new FunctionException(where + e.getProblem());
    } catch (YamlEngineException e) {
      throw new FunctionException(e.getMessage());
    }
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

  /** Adds a mapping's entries; {@code <<} merge keys bring in other mappings' entries first. */
  private static void mergeInto(Map<String, Value> attributes, MappingNode mapping)
      throws FunctionException {
    for (NodeTuple t : mapping.getValue()) {
      if (t.getKeyNode() instanceof ScalarNode k && k.isPlain() && k.getValue().equals("<<")) {
        Node merged = t.getValueNode();
        List<Node> sources = merged instanceof SequenceNode s ? s.getValue() : List.of(merged);
        for (Node source : sources) {
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
      if (t.getKeyNode() instanceof ScalarNode k && k.isPlain() && k.getValue().equals("<<")) {
        continue;
      }
      if (!(t.getKeyNode() instanceof ScalarNode key) || scalar(key).isNull()) {
        throw new FunctionException("only string keys are supported");
      }
      attributes.put(key.getValue(), value(t.getValueNode()));
    }
  }

  private static Value scalar(ScalarNode node) throws FunctionException {
    String text = node.getValue();
    String tag = node.isResolved() ? null : node.getTag().getValue();
    if (tag != null) {
      return tagged(tag, text);
    }
    if (!node.isPlain()) {
      return Value.string(text);
    }
    if (NULLS.contains(text)) {
      return Value.nullOf(Type.DYNAMIC);
    }
    if (TRUES.contains(text) || FALSES.contains(text)) {
      return Value.bool(TRUES.contains(text));
    }
    BigDecimal number = number(text);
    if (number != null) {
      return Value.number(number);
    }
    if (text.matches("[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN)")) {
      throw new FunctionException("cannot represent " + text + " as a number");
    }
    return Value.string(text);
  }

  private static Value tagged(String tag, String text) throws FunctionException {
    switch (tag) {
      case "tag:yaml.org,2002:str":
        return Value.string(text);
      case "tag:yaml.org,2002:null":
        return Value.nullOf(Type.DYNAMIC);
      case "tag:yaml.org,2002:bool":
        if (TRUES.contains(text) || FALSES.contains(text)) {
          return Value.bool(TRUES.contains(text));
        }
        break;
      case "tag:yaml.org,2002:int", "tag:yaml.org,2002:float":
        BigDecimal n = number(text);
        if (n != null) {
          return Value.number(n);
        }
        break;
      case "tag:yaml.org,2002:binary":
        try {
          return Value.string(new String(Base64.getMimeDecoder().decode(text), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
          break;
        }
      default:
        throw new FunctionException("unsupported tag " + GoText.quote(tag));
    }
    throw new FunctionException("cannot decode " + GoText.quote(text) + " as " + tag);
  }

  private static BigDecimal number(String text) {
    if (DECIMAL.matcher(text).matches()) {
      return new BigDecimal(text.startsWith("+") ? text.substring(1) : text);
    }
    var m = PREFIXED_INTEGER.matcher(text);
    if (m.matches()) {
      int radix = switch (m.group(2)) {
        case "x" -> 16;
        case "o" -> 8;
        default -> 2;
      };
      try {
        BigInteger n = new BigInteger(m.group(3).replace("_", ""), radix);
        return new BigDecimal(m.group(1).equals("-") ? n.negate() : n);
      } catch (NumberFormatException e) {
        return null;
      }
    }
    if (text.matches("[-+]?0[0-7]+")) {
      return new BigDecimal(new BigInteger(text.replace("+", ""), 8));
    }
    return null;
  }

  /** The YAML document for a wholly known, unmarked value. */
  static String encode(Value v) {
    StringBuilder out = new StringBuilder();
    block(out, v, 0);
    if (out.length() == 0 || out.charAt(out.length() - 1) != '\n') {
      out.append('\n');
    }
    return out.toString();
  }

  /** Writes {@code v} starting at the current position, nested lines at {@code indent}. */
  private static void block(StringBuilder out, Value v, int indent) {
    if (isKeyed(v) && !v.asMap().isEmpty()) {
      boolean first = true;
      for (Map.Entry<String, Value> e : v.asMap().entrySet()) {
        if (!first) {
          out.append(" ".repeat(indent));
        }
        first = false;
        out.append(quoted(e.getKey())).append(':');
        child(out, e.getValue(), indent, true);
      }
    } else if (isSequence(v) && !v.elements().isEmpty()) {
      boolean first = true;
      for (Value e : v.elements()) {
        if (!first) {
          out.append(" ".repeat(indent));
        }
        first = false;
        out.append('-');
        child(out, e, indent + 2, false);
      }
    } else {
      out.append(scalar(v, indent)).append('\n');
    }
  }

  private static void child(StringBuilder out, Value v, int indent, boolean underKey) {
    boolean nested = (isKeyed(v) && !v.asMap().isEmpty()) || (isSequence(v) && !v.elements().isEmpty());
    if (!nested) {
      out.append(' ').append(scalar(v, indent + 2)).append('\n');
    } else if (underKey) {
      int inner = isSequence(v) ? indent : indent + 2;
      out.append('\n').append(" ".repeat(inner));
      block(out, v, inner);
    } else {
      out.append(' ');
      block(out, v, indent);
    }
  }

  private static boolean isKeyed(Value v) {
    return !v.isNull() && (v.type() instanceof Type.MapType || v.type() instanceof Type.ObjectType);
  }

  private static boolean isSequence(Value v) {
    Type t = v.type();
    return !v.isNull() && (t instanceof Type.ListType || t instanceof Type.SetType || t instanceof Type.TupleType);
  }

  private static String scalar(Value v, int indent) {
    if (v.isNull()) {
      return "null";
    }
    if (isKeyed(v)) {
      return "{}";
    }
    if (isSequence(v)) {
      return "[]";
    }
    if (v.type() == Type.NUMBER) {
      return v.asBigDecimal().toPlainString();
    }
    if (v.type() == Type.BOOL) {
      return Boolean.toString(v.asBoolean());
    }
    String s = v.asString();
    if (s.contains("\n") && !s.startsWith(" ")) {
      return literalBlock(s, indent);
    }
    return quoted(s);
  }

  private static String literalBlock(String s, int indent) {
    String chomping = s.endsWith("\n") ? (s.endsWith("\n\n") ? "+" : "") : "-";
    String body = s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
    StringBuilder out = new StringBuilder("|").append(chomping);
    String pad = " ".repeat(Math.max(indent, 2));
    for (String line : body.split("\n", -1)) {
      out.append('\n').append(line.isEmpty() ? "" : pad + line);
    }
    return out.toString();
  }

  /** YAML's printable characters, which may appear unescaped. */
  private static boolean isPrintable(int cp) {
    return (cp >= 0x20 && cp <= 0x7E) || (cp >= 0xA0 && cp <= 0xD7FF)
        || (cp >= 0xE000 && cp <= 0xFFFD) || cp >= 0x10000;
  }

  private static String quoted(String s) {
    StringBuilder out = new StringBuilder("\"");
    s.codePoints().forEach(cp -> {
      switch (cp) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\t' -> out.append("\\t");
        case '\r' -> out.append("\\r");
        case 0 -> out.append("\\0");
        default -> {
          if (!isPrintable(cp) || cp == 0xFEFF || cp == 0x2028 || cp == 0x2029 || cp == 0x85) {
            out.append(cp <= 0xFF ? String.format("\\x%02X", cp)
                : cp <= 0xFFFF ? String.format("\\u%04X", cp) : String.format("\\U%08X", cp));
          } else {
            out.appendCodePoint(cp);
          }
        }
      }
    });
    return out.append('"').toString();
  }
}
