package io.netform.kubernetes.resource;

import io.netform.kubernetes.Cluster;
import io.netform.kubernetes.Kind;
import io.netform.provider.DiagnosticException;
import io.netform.provider.ResourceType;
import io.netform.value.Type;
import io.netform.value.Value;
import io.netform.wire.NestedBlock;
import io.netform.wire.Nesting;
import io.netform.wire.Schema;
import io.netform.wire.SchemaAttribute;
import io.netform.wire.SchemaBlock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * {@code kubernetes_labels} and {@code kubernetes_annotations}: some labels (or annotations) of an
 * object that Netform does not own, written under the field manager {@code field_manager} (default
 * "Terraform"). Keys not in the configuration are left alone; a key another manager owns (per the
 * object's managedFields) with another value is refused unless {@code force}; destroy removes the keys.
 */
public final class MetadataKeysResource implements ResourceType {

    private final String keys;
    private final Supplier<Cluster> cluster;

    /** @param keys {@code labels} or {@code annotations} */
    MetadataKeysResource(String keys, Supplier<Cluster> cluster) {
        this.keys = keys;
        this.cluster = cluster;
    }

    @Override
    public Schema schema() {
        SchemaBlock metadata = SchemaBlock.of(
                SchemaAttribute.string("name").required().forceNew().describedAs("The object's name."),
                SchemaAttribute.string("namespace")
                        .optional()
                        .forceNew()
                        .describedAs("The object's namespace (namespaced kinds)."));
        return Schema.of(SchemaBlock.of(
                        SchemaAttribute.string("id").computed(),
                        SchemaAttribute.string("api_version")
                                .required()
                                .forceNew()
                                .describedAs("e.g. v1."),
                        SchemaAttribute.string("kind").required().forceNew().describedAs("e.g. Namespace."),
                        SchemaAttribute.of(keys, Type.map(Type.STRING))
                                .required()
                                .describedAs("The " + keys + " to set on the object."),
                        SchemaAttribute.string("field_manager")
                                .withDefault(Value.string("Terraform"))
                                .describedAs("The field manager the keys are written under."),
                        SchemaAttribute.bool("force")
                                .withDefault(Value.FALSE)
                                .describedAs("Take over keys another field manager owns."))
                .with(new NestedBlock("metadata", Nesting.LIST, metadata, 1, 1)));
    }

    @Override
    public Value create(Value planned, Value config) {
        return write(planned, Map.of());
    }

    @Override
    public Value update(Value prior, Value planned, Value config) {
        return write(planned, prior.getAttr(keys).asMap());
    }

    @Override
    @SuppressWarnings("unchecked")
    public Value read(Value current) {
        Target target = target(current);
        Map<String, Object> object = cluster.get().get(target.kind(), target.namespace(), target.name());
        if (object == null) {
            return Value.nullOf(schema().impliedType());
        }
        Map<String, Object> present = present(object);
        Map<String, Value> managed = new TreeMap<>();
        current.getAttr(keys).asMap().keySet().forEach(key -> {
            if (present.containsKey(key)) {
                managed.put(key, Value.string(String.valueOf(present.get(key))));
            }
        });
        return current.withAttributes(Map.of(keys, Value.map(Type.STRING, managed)));
    }

    @Override
    public void delete(Value prior) {
        Target target = target(prior);
        Map<String, Object> object = cluster.get().get(target.kind(), target.namespace(), target.name());
        if (object != null) {
            patch(
                    target,
                    object,
                    prior.getAttr(keys).asMap(),
                    Map.of(),
                    prior.getAttr("field_manager").asString());
        }
    }

    /** Sets the planned keys and removes those the prior state had and the plan drops. */
    private Value write(Value planned, Map<String, Value> before) {
        Target target = target(planned);
        String manager = planned.getAttr("field_manager").asString();
        Map<String, Object> object = cluster.get().get(target.kind(), target.namespace(), target.name());
        if (object == null) {
            throw new DiagnosticException(
                    "Object not found",
                    "The " + target.kind().kind() + " " + target.id() + " does not exist; kubernetes_" + keys + " sets "
                            + keys + " on an object that exists already.");
        }
        Map<String, Value> wanted = planned.getAttr(keys).asMap();
        if (!planned.getAttr("force").asBoolean()) {
            refuseOthersKeys(object, wanted, manager, target);
        }
        patch(target, object, before, wanted, manager);
        return planned.withAttributes(Map.of("id", Value.string(target.id())));
    }

    /** One JSON Patch: removes the keys {@code before} had that {@code wanted} drops, sets {@code wanted}. */
    private void patch(
            Target target,
            Map<String, Object> object,
            Map<String, Value> before,
            Map<String, Value> wanted,
            String manager) {
        Map<String, Object> present = present(object);
        String path = "/metadata/" + keys;
        List<Map<String, Object>> operations = new ArrayList<>();
        if (present.isEmpty() && !wanted.isEmpty()) {
            operations.add(Map.of("op", "add", "path", path, "value", Map.of()));
        }
        before.keySet().forEach(key -> {
            if (!wanted.containsKey(key) && present.containsKey(key)) {
                operations.add(Map.of("op", "remove", "path", path + "/" + pointer(key)));
            }
        });
        wanted.forEach((key, value) ->
                operations.add(Map.of("op", "add", "path", path + "/" + pointer(key), "value", value.asString())));
        if (!operations.isEmpty()) {
            cluster.get().jsonPatch(target.kind(), target.namespace(), target.name(), operations, manager);
        }
    }

    /** A key as one JSON Pointer step ({@code app.kubernetes.io/name} → {@code app.kubernetes.io~1name}). */
    private static String pointer(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }

    /** Refuses keys whose value would change and which another field manager owns, as server-side apply does. */
    @SuppressWarnings("unchecked")
    private void refuseOthersKeys(
            Map<String, Object> object, Map<String, Value> wanted, String manager, Target target) {
        Map<String, Object> present = present(object);
        Map<String, Object> metadata = (Map<String, Object>) object.get("metadata");
        List<String> conflicts = new ArrayList<>();
        for (Object entry : (List<Object>) metadata.getOrDefault("managedFields", List.of())) {
            Map<String, Object> managed = (Map<String, Object>) entry;
            if (manager.equals(managed.get("manager"))) {
                continue;
            }
            Map<String, Object> fields = (Map<String, Object>) managed.getOrDefault("fieldsV1", Map.of());
            Map<String, Object> owned =
                    (Map<String, Object>) ((Map<String, Object>) fields.getOrDefault("f:metadata", Map.of()))
                            .getOrDefault("f:" + keys, Map.of());
            wanted.forEach((key, value) -> {
                if (owned.containsKey("f:" + key) && !value.asString().equals(present.get(key))) {
                    conflicts.add(key + " (owned by \"" + managed.get("manager") + "\")");
                }
            });
        }
        if (!conflicts.isEmpty()) {
            throw new DiagnosticException(
                    "Field manager conflict",
                    "On the " + target.kind().kind() + " " + target.id() + ", " + String.join(", ", conflicts)
                            + " belong to another field manager; set force = true to take them over.");
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> present(Map<String, Object> object) {
        Map<String, Object> metadata = (Map<String, Object>) object.get("metadata");
        Object present = metadata.get(keys);
        return present instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    private record Target(Kind kind, String namespace, String name) {
        String id() {
            return (kind.namespaced() ? namespace + "/" : "") + name;
        }
    }

    private Target target(Value state) {
        Kind kind = cluster.get()
                .kind(
                        state.getAttr("api_version").asString(),
                        state.getAttr("kind").asString());
        Value metadata = state.getAttr("metadata").elements().get(0);
        Value namespace = metadata.getAttr("namespace");
        return new Target(
                kind,
                kind.namespaced() ? (namespace.isNull() ? "default" : namespace.asString()) : null,
                metadata.getAttr("name").asString());
    }
}
