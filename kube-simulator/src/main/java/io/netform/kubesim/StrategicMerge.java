package io.netform.kubesim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A strategic merge patch (what {@code kubectl apply} without {@code --server-side} and
 * {@code kubectl edit} send) applied to an object, which fabric8's CRUD store refuses with 415.
 * Maps merge and {@code null} deletes, as in a JSON merge patch; lists of the built-in kinds that
 * Kubernetes merges by a key (containers and env by {@code name}, container ports by
 * {@code containerPort}, a Service's ports by {@code port}, volume mounts by {@code mountPath})
 * merge element by element, honouring {@code $patch: delete}; every other list is replaced, as
 * Kubernetes does for lists without a merge key (a NetworkPolicy's rules among them).
 * {@code $deleteFromPrimitiveList/} removes values; {@code $setElementOrder/} and
 * {@code $retainKeys} only order or prune what the patch already says and are dropped.
 */
final class StrategicMerge {

    private static final Map<String, String> MERGE_KEYS = Map.of(
            "containers", "name",
            "initContainers", "name",
            "ephemeralContainers", "name",
            "env", "name",
            "volumes", "name",
            "imagePullSecrets", "name",
            "volumeMounts", "mountPath",
            "hostAliases", "ip");

    private StrategicMerge() {}

    /** The object with the patch applied; neither argument is changed. */
    static ObjectNode apply(ObjectNode object, ObjectNode patch) {
        String kind = object.path("kind").asText();
        return merge(object.deepCopy(), patch, kind);
    }

    private static ObjectNode merge(ObjectNode target, ObjectNode patch, String kind) {
        if ("replace".equals(patch.path("$patch").asText())) {
            ObjectNode replaced = patch.deepCopy();
            replaced.remove("$patch");
            return replaced;
        }
        for (Map.Entry<String, JsonNode> field : patch.properties()) {
            String name = field.getKey();
            JsonNode value = field.getValue();
            if (name.startsWith("$deleteFromPrimitiveList/")) {
                removeValues(target, name.substring(name.indexOf('/') + 1), value);
            } else if (name.startsWith("$")) {
                continue;
            } else if (value.isNull()) {
                target.remove(name);
            } else if (value.isObject() && target.path(name).isObject()) {
                target.set(name, merge((ObjectNode) target.get(name), (ObjectNode) value, kind));
            } else if (value.isArray() && target.path(name).isArray() && mergeKey(name, kind, value) != null) {
                target.set(
                        name,
                        mergeList((ArrayNode) target.get(name), (ArrayNode) value, mergeKey(name, kind, value), kind));
            } else {
                target.set(name, withoutDirectives(value));
            }
        }
        return target;
    }

    /** The key a list merges by, or null when Kubernetes replaces the list whole. */
    private static String mergeKey(String field, String kind, JsonNode patchList) {
        if (field.equals("ports")) {
            if (kind.equals("Service")) {
                return "port";
            }
            boolean containerPorts = patchList.size() > 0 && patchList.get(0).has("containerPort");
            return containerPorts ? "containerPort" : null;
        }
        return MERGE_KEYS.get(field);
    }

    private static ArrayNode mergeList(ArrayNode target, ArrayNode patch, String key, String kind) {
        List<JsonNode> merged = new ArrayList<>();
        target.forEach(merged::add);
        for (JsonNode element : patch) {
            if (!element.isObject() || !element.has(key)) {
                merged.add(withoutDirectives(element));
                continue;
            }
            int at = indexOf(merged, key, element.get(key));
            boolean delete = "delete".equals(element.path("$patch").asText());
            if (delete) {
                if (at >= 0) {
                    merged.remove(at);
                }
            } else if (at >= 0 && merged.get(at).isObject()) {
                merged.set(at, merge(((ObjectNode) merged.get(at)).deepCopy(), (ObjectNode) element, kind));
            } else {
                merged.add(withoutDirectives(element));
            }
        }
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        merged.forEach(out::add);
        return out;
    }

    private static int indexOf(List<JsonNode> elements, String key, JsonNode value) {
        for (int i = 0; i < elements.size(); i++) {
            if (value.equals(elements.get(i).get(key))) {
                return i;
            }
        }
        return -1;
    }

    private static void removeValues(ObjectNode target, String field, JsonNode values) {
        if (!target.path(field).isArray()) {
            return;
        }
        Set<JsonNode> gone = new HashSet<>();
        values.forEach(gone::add);
        ArrayNode kept = JsonNodeFactory.instance.arrayNode();
        target.get(field).forEach(v -> {
            if (!gone.contains(v)) {
                kept.add(v);
            }
        });
        target.set(field, kept);
    }

    /** A value from the patch as stored: directives removed and nulls in new maps dropped. */
    private static JsonNode withoutDirectives(JsonNode value) {
        if (value.isObject()) {
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            value.properties().forEach(f -> {
                if (!f.getKey().startsWith("$") && !f.getValue().isNull()) {
                    copy.set(f.getKey(), withoutDirectives(f.getValue()));
                }
            });
            return copy;
        }
        if (value.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            value.forEach(v -> copy.add(withoutDirectives(v)));
            return copy;
        }
        return value;
    }
}
