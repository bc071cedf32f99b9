package io.netform.nsxt.k8s;

import io.netform.value.Type;
import io.netform.value.Value;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One value inside a decoded manifest with its path, read the way the API server reads JSON:
 * objects refuse fields they do not define, and a value of the wrong kind is an error naming the path.
 */
record ManifestNode(Value value, String path) {

    boolean isAbsent() {
        return value.isNull();
    }

    /** The object's fields, refusing any not in {@code known}. */
    Map<String, ManifestNode> fields(Set<String> known) {
        if (!(value.type() instanceof Type.ObjectType || value.type() instanceof Type.MapType)) {
            throw invalid("must be an object");
        }
        Map<String, ManifestNode> fields = new LinkedHashMap<>();
        for (Map.Entry<String, Value> entry : value.asMap().entrySet()) {
            String at = path + "." + entry.getKey();
            if (!known.contains(entry.getKey())) {
                throw new InvalidManifestException(
                        at,
                        "unknown field \"" + entry.getKey() + "\"; expected one of "
                                + String.join(", ", known.stream().sorted().toList()));
            }
            fields.put(entry.getKey(), new ManifestNode(entry.getValue(), at));
        }
        return fields;
    }

    /** A field of {@link #fields}, absent (null) when the manifest leaves it out. */
    static ManifestNode field(Map<String, ManifestNode> fields, String name, String parentPath) {
        ManifestNode node = fields.get(name);
        return node != null ? node : new ManifestNode(Value.nullOf(Type.DYNAMIC), parentPath + "." + name);
    }

    String string() {
        if (!value.type().equals(Type.STRING)) {
            throw invalid("must be a string");
        }
        return value.asString();
    }

    boolean isNumber() {
        return value.type().equals(Type.NUMBER);
    }

    /** A whole number within the int range. */
    int integer() {
        if (!isNumber()) {
            throw invalid("must be a number");
        }
        BigDecimal number = value.asBigDecimal();
        try {
            return number.intValueExact();
        } catch (ArithmeticException e) {
            throw invalid("must be a whole number, got " + number.toPlainString());
        }
    }

    /** The items of a list; an absent list is empty. */
    List<ManifestNode> items() {
        if (isAbsent()) {
            return List.of();
        }
        Type type = value.type();
        if (!(type instanceof Type.ListType || type instanceof Type.TupleType || type instanceof Type.SetType)) {
            throw invalid("must be a list");
        }
        List<ManifestNode> items = new ArrayList<>();
        List<Value> elements = value.elements();
        for (int i = 0; i < elements.size(); i++) {
            items.add(new ManifestNode(elements.get(i), path + "[" + i + "]"));
        }
        return items;
    }

    /** An object of string values, e.g. {@code matchLabels}; an absent one is empty. */
    Map<String, String> stringMap() {
        if (isAbsent()) {
            return Map.of();
        }
        if (!(value.type() instanceof Type.ObjectType || value.type() instanceof Type.MapType)) {
            throw invalid("must be an object of strings");
        }
        Map<String, String> strings = new LinkedHashMap<>();
        value.asMap().forEach((key, v) -> strings.put(key, new ManifestNode(v, path + "." + key).string()));
        return strings;
    }

    InvalidManifestException invalid(String problem) {
        return new InvalidManifestException(path, problem);
    }
}
