package io.netform.lang;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netform.hcl.Diagnostic;
import io.netform.hcl.Expression;
import io.netform.hcl.HclParser;
import io.netform.hcl.ParseResult;
import io.netform.lang.function.Functions;
import io.netform.value.BigFloat;
import io.netform.value.CodecException;
import io.netform.value.Conversion;
import io.netform.value.ConversionException;
import io.netform.value.Type;
import io.netform.value.TypeJson;
import io.netform.value.Value;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What evaluating an expression gave, in a form both evaluators can be compared in: the type as cty
 * type JSON and the value as cty JSON with every number by its exact value (and infinities as
 * "+Inf"/"-Inf"), plus a number's text as it converts to a string; or an error.
 */
record Answer(JsonNode type, JsonNode value, String text, String error) {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    static Answer failed(String error) {
        return new Answer(null, null, null, error);
    }

    boolean isError() {
        return error != null;
    }

    /** Both failed, or both gave the same type, value and number text. */
    boolean agreesWith(Answer other) {
        if (isError() || other.isError()) {
            return isError() && other.isError();
        }
        return type.equals(other.type) && value.equals(other.value) && Objects.equals(text, other.text);
    }

    @Override
    public String toString() {
        if (isError()) {
            return "error: " + error.lines().findFirst().orElse("");
        }
        return "type " + type + ", value " + value + (text == null ? "" : ", text " + text);
    }

    /** hcl-eval's answer line. */
    static Answer ofGo(JsonNode line) {
        if (line.has("error")) {
            return failed(line.get("error").asText());
        }
        Type type;
        try {
            type = TypeJson.fromNode(line.get("type"));
        } catch (CodecException e) {
            return failed("hcl-eval gave a type Netform cannot read: " + line.get("type"));
        }
        String text = line.has("text") ? line.get("text").asText() : null;
        return new Answer(line.get("type"), exact(line.get("value"), type), text, null);
    }

    /** Netform's answer: parse, evaluate with {@code functions}, and describe the value. */
    static Answer ofNetform(String source, Functions functions) {
        ParseResult<Expression> parsed = HclParser.parseExpression("expr.hcl", source);
        if (hasErrors(parsed.diagnostics())) {
            return failed("parse: " + describe(parsed.diagnostics()));
        }
        Evaluation evaluation = Evaluator.evaluate(parsed.value(), Scope.of(Map.of(), functions));
        if (evaluation.hasErrors()) {
            return failed(describe(evaluation.diagnostics()));
        }
        Value value = evaluation.value();
        if (!value.isWhollyKnown()) {
            return failed("Netform's result is not wholly known: " + value);
        }
        String text = null;
        if (value.type() == Type.NUMBER && !value.isNull()) {
            try {
                text = Conversion.convert(value, Type.STRING).asString();
            } catch (ConversionException e) {
                text = "cannot convert to string: " + e.getMessage();
            }
        }
        return new Answer(TypeJson.toNode(value.type()), exact(value), text, null);
    }

    /** cty JSON of {@code type} as hcl-eval writes it, with numbers made comparable. */
    private static JsonNode exact(JsonNode node, Type type) {
        if (node == null || node.isNull()) {
            return NODES.nullNode();
        }
        if (type == Type.NUMBER) {
            return node.isTextual() ? node : number(node.decimalValue());
        }
        if (type instanceof Type.ListType || type instanceof Type.SetType || type instanceof Type.TupleType) {
            ArrayNode array = NODES.arrayNode();
            Iterator<JsonNode> elements = node.elements();
            for (int i = 0; elements.hasNext(); i++) {
                Type element =
                        type instanceof Type.TupleType t ? t.elementTypes().get(i) : type.elementType();
                array.add(exact(elements.next(), element));
            }
            return array;
        }
        if (type instanceof Type.MapType || type instanceof Type.ObjectType) {
            ObjectNode object = NODES.objectNode();
            node.fields()
                    .forEachRemaining(e -> object.set(
                            e.getKey(),
                            exact(
                                    e.getValue(),
                                    type instanceof Type.ObjectType o
                                            ? o.attributeType(e.getKey())
                                            : type.elementType())));
            return object;
        }
        return node;
    }

    /** The same form for one of Netform's values. */
    private static JsonNode exact(Value value) {
        if (value.isNull()) {
            return NODES.nullNode();
        }
        Type type = value.type();
        if (type == Type.NUMBER) {
            BigFloat n = value.asBigFloat();
            return n.isInfinite() ? NODES.textNode(n.text()) : number(n.exactDecimal());
        } else if (type == Type.STRING) {
            return NODES.textNode(value.asString());
        } else if (type == Type.BOOL) {
            return NODES.booleanNode(value.asBoolean());
        } else if (type instanceof Type.ListType || type instanceof Type.SetType || type instanceof Type.TupleType) {
            ArrayNode array = NODES.arrayNode();
            value.elements().forEach(e -> array.add(exact(e)));
            return array;
        } else if (type instanceof Type.MapType || type instanceof Type.ObjectType) {
            ObjectNode object = NODES.objectNode();
            value.asMap().forEach((k, v) -> object.set(k, exact(v)));
            return object;
        }
        throw new IllegalStateException("a known, non-null value of type " + type.friendlyName());
    }

    /** One spelling per number, so that equal numbers give equal nodes. */
    private static JsonNode number(BigDecimal n) {
        return NODES.numberNode(n.signum() == 0 ? BigDecimal.ZERO : n.stripTrailingZeros());
    }

    private static boolean hasErrors(List<Diagnostic> diagnostics) {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }

    private static String describe(List<Diagnostic> diagnostics) {
        return diagnostics.stream()
                .filter(Diagnostic::isError)
                .map(d -> d.summary() + "; " + d.detail())
                .collect(Collectors.joining(" | "));
    }
}
