package io.netform.nsxt.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netform.value.Value;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Manifests written as JSON (a subset of YAML), turned into the value yamldecode would give. */
final class ManifestValues {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ManifestValues() {}

    static Value of(String json) {
        try {
            return value(JSON.readTree(json));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Value value(JsonNode node) {
        if (node.isObject()) {
            Map<String, Value> fields = new LinkedHashMap<>();
            node.properties().forEach(e -> fields.put(e.getKey(), value(e.getValue())));
            return Value.object(fields);
        }
        if (node.isArray()) {
            List<Value> items = new ArrayList<>();
            node.forEach(item -> items.add(value(item)));
            return Value.tuple(items);
        }
        if (node.isNumber()) {
            return Value.number(node.decimalValue());
        }
        if (node.isBoolean()) {
            return Value.bool(node.booleanValue());
        }
        if (node.isNull()) {
            return Value.nullOf(io.netform.value.Type.DYNAMIC);
        }
        return Value.string(node.asText());
    }
}
