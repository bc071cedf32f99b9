package io.netform.kubesim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Server-side apply ({@code PATCH} with {@code application/apply-patch+yaml}, as
 * {@code kubectl apply --server-side} and fabric8's {@code serverSideApply()} send it), which
 * fabric8's CRUD store refuses with 415. Each field manager's fields are recorded in
 * {@code metadata.managedFields} (FieldsV1, every list owned whole); an apply sets the fields it
 * names and removes those its manager set last time and no longer names. Simplified: fields of
 * another manager are overwritten without a conflict (as with {@code force=true}), and lists are
 * atomic (a list is replaced, never merged by key).
 */
final class ServerSideApply {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    /** Identity and bookkeeping that an apply never owns: the server keeps them. */
    private static final Set<String> SERVER_METADATA = Set.of(
            "name",
            "namespace",
            "uid",
            "resourceVersion",
            "generation",
            "creationTimestamp",
            "deletionTimestamp",
            "managedFields",
            "selfLink");

    private ServerSideApply() {}

    /** The object to create when nothing exists yet: the applied configuration with its owner. */
    static ObjectNode create(ObjectNode applied, String manager) {
        ObjectNode created = applied.deepCopy();
        recordOwner(created, applied, manager);
        return created;
    }

    /** The current object with the configuration applied by the manager; neither is changed. */
    static ObjectNode apply(ObjectNode current, ObjectNode applied, String manager) {
        ObjectNode result = current.deepCopy();
        JsonNode previous = ownedBy(current, manager);
        if (previous != null) {
            removeDropped(result, previous, applied);
        }
        merge(result, applied, true);
        recordOwner(result, applied, manager);
        return result;
    }

    private static JsonNode ownedBy(ObjectNode object, String manager) {
        for (JsonNode entry : object.path("metadata").path("managedFields")) {
            if (manager.equals(entry.path("manager").asText())
                    && "Apply".equals(entry.path("operation").asText())) {
                return entry.path("fieldsV1");
            }
        }
        return null;
    }

    /** Removes what the manager owned last time and the new configuration leaves out. */
    private static void removeDropped(ObjectNode target, JsonNode owned, JsonNode applied) {
        for (Iterator<String> it = owned.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!key.startsWith("f:")) {
                continue;
            }
            String field = key.substring(2);
            JsonNode nowApplied = applied.get(field);
            if (nowApplied == null || nowApplied.isNull()) {
                target.remove(field);
            } else if (nowApplied.isObject() && target.path(field).isObject()) {
                removeDropped((ObjectNode) target.get(field), owned.get(key), nowApplied);
            }
        }
    }

    private static void merge(ObjectNode target, ObjectNode applied, boolean top) {
        for (Map.Entry<String, JsonNode> field : applied.properties()) {
            String name = field.getKey();
            JsonNode value = field.getValue();
            if (top && name.equals("metadata") && value.isObject()) {
                ObjectNode metadata = target.withObjectProperty("metadata");
                value.properties().forEach(m -> {
                    if (SERVER_METADATA.contains(m.getKey())) {
                        return;
                    }
                    if (m.getValue().isObject() && metadata.path(m.getKey()).isObject()) {
                        merge((ObjectNode) metadata.get(m.getKey()), (ObjectNode) m.getValue(), false);
                    } else {
                        metadata.set(m.getKey(), m.getValue().deepCopy());
                    }
                });
            } else if (value.isNull()) {
                target.remove(name);
            } else if (value.isObject() && target.path(name).isObject()) {
                merge((ObjectNode) target.get(name), (ObjectNode) value, false);
            } else {
                target.set(name, value.deepCopy());
            }
        }
    }

    private static void recordOwner(ObjectNode object, ObjectNode applied, String manager) {
        ObjectNode metadata = object.withObjectProperty("metadata");
        ArrayNode entries = JSON.arrayNode();
        for (JsonNode entry : metadata.path("managedFields")) {
            boolean same = manager.equals(entry.path("manager").asText())
                    && "Apply".equals(entry.path("operation").asText());
            if (!same) {
                entries.add(entry);
            }
        }
        ObjectNode entry = entries.addObject()
                .put("manager", manager)
                .put("operation", "Apply")
                .put("apiVersion", applied.path("apiVersion").asText())
                .put("time", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString())
                .put("fieldsType", "FieldsV1");
        entry.set("fieldsV1", fields(applied, true));
        metadata.set("managedFields", entries);
    }

    /** The FieldsV1 set of a configuration: {@code f:name} per field, {@code {}} at every leaf and list. */
    private static ObjectNode fields(JsonNode applied, boolean top) {
        ObjectNode set = JSON.objectNode();
        applied.properties().forEach(field -> {
            String name = field.getKey();
            JsonNode value = field.getValue();
            if (top && (name.equals("apiVersion") || name.equals("kind"))) {
                return;
            }
            if (top && name.equals("metadata")) {
                ObjectNode metadata = JSON.objectNode();
                value.properties().forEach(m -> {
                    if (!SERVER_METADATA.contains(m.getKey())) {
                        metadata.set(
                                "f:" + m.getKey(),
                                m.getValue().isObject() ? fields(m.getValue(), false) : JSON.objectNode());
                    }
                });
                if (!metadata.isEmpty()) {
                    set.set("f:metadata", metadata);
                }
                return;
            }
            if (!value.isNull()) {
                set.set("f:" + name, value.isObject() ? fields(value, false) : JSON.objectNode());
            }
        });
        return set;
    }
}
