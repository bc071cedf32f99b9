package io.netform.kubernetes.resource;

import io.netform.field.Field;
import io.netform.field.Fields;
import io.netform.kubernetes.Cluster;
import io.netform.kubernetes.Kind;
import io.netform.kubernetes.schema.EmptyCollections;
import io.netform.kubernetes.schema.Metadata;
import io.netform.kubernetes.schema.PlainObjects;
import io.netform.provider.DiagnosticException;
import io.netform.provider.ResourceType;
import io.netform.value.AttributePath;
import io.netform.value.Value;
import io.netform.wire.NestedBlock;
import io.netform.wire.Schema;
import io.netform.wire.SchemaAttribute;
import io.netform.wire.SchemaBlock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A resource type that is one Kubernetes object: {@code metadata} plus the kind's own fields,
 * created with POST, read with GET (gone when 404), updated with a PUT of the object as last read
 * (re-read and re-applied when another writer got there first: 409), deleted with DELETE. Its id
 * and import id are {@code namespace/name}, or {@code name} for a cluster-scoped kind.
 */
public final class ObjectResource implements ResourceType {

    /** How often a 409 Conflict on update is retried on a fresh read before the update fails. */
    static final int CONFLICT_RETRIES = 5;

    private final String typeName;
    private final Kind kind;
    private final Fields<Map<String, Object>> body;
    private final NestedBlock timeouts;
    private final Waits waits;
    private final Supplier<Cluster> cluster;
    private final Fields<Map<String, Object>> top;
    private final Schema schema;

    /**
     * @param body     the kind's fields beside {@code metadata}, e.g. {@code spec} or {@code data}
     * @param timeouts the {@code timeouts} block, or null when the kind has none
     */
    ObjectResource(
            String typeName,
            Kind kind,
            Fields<Map<String, Object>> body,
            NestedBlock timeouts,
            Waits waits,
            Supplier<Cluster> cluster) {
        this.typeName = typeName;
        this.kind = kind;
        this.body = body;
        this.timeouts = timeouts;
        this.waits = waits;
        this.cluster = cluster;
        Fields.Builder<Map<String, Object>> fields = Fields.builder(PlainObjects.OBJECTS)
                .custom(SchemaAttribute.string("id").computed(), "metadata", null, null, this::id)
                .oneObject("metadata", Metadata.fields(kind.namespaced()), "metadata", true);
        body.fields().forEach(fields::field);
        this.top = fields.build();
        SchemaBlock block = top.block();
        this.schema = Schema.of(timeouts == null ? block : block.with(timeouts));
    }

    /** A legacy name (without {@code _v1}) is deprecated in favour of the {@code _v1} one, as in the real provider. */
    @Override
    public String deprecationMessage() {
        return typeName.endsWith("_v1") ? "" : "Deprecated; use " + typeName + "_v1.";
    }

    @Override
    public Schema schema() {
        return schema;
    }

    @Override
    public void validate(Value config) {
        Value metadata = first(config.getAttr("metadata"));
        if (metadata == null) {
            return;
        }
        Value name = metadata.getAttr("name");
        Value generated = metadata.getAttr("generate_name");
        AttributePath path = AttributePath.root().attr("metadata").index(0).attr("name");
        if (!name.isNull() && !generated.isNull()) {
            throw new DiagnosticException(
                    "Conflicting names", "metadata: name and generate_name cannot both be set.", path);
        }
        if (name.isNull() && generated.isNull() && name.isKnown() && generated.isKnown()) {
            throw new DiagnosticException("Missing name", "metadata: one of name or generate_name must be set.", path);
        }
        if (timeouts != null) {
            Timeouts.validate(config);
        }
    }

    @Override
    public Value customizePlan(Value prior, Value planned, Value config) {
        if (prior.isNull()) {
            return planned;
        }
        Value metadata = first(planned.getAttr("metadata"));
        Value priorMetadata = first(prior.getAttr("metadata"));
        Map<String, Value> server = new HashMap<>();
        // The server's values stay what they were unless this change makes new ones.
        for (String name : List.of("name", "uid", "resource_version", "generation")) {
            if (metadata.getAttr(name).isNull()) {
                server.put(name, priorMetadata.getAttr(name));
            }
        }
        if (!planned.isWhollyKnown() || !top.toJson(planned).equals(top.toJson(prior))) {
            // Any write gives the object a new resource_version (and a spec change a new generation).
            server.put("resource_version", Value.unknown(io.netform.value.Type.STRING));
            server.put("generation", Value.unknown(io.netform.value.Type.NUMBER));
        }
        return planned.withAttributes(Map.of("metadata", Value.list(List.of(metadata.withAttributes(server)))));
    }

    @Override
    public Value create(Value planned, Value config) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("apiVersion", kind.apiVersion());
        json.put("kind", kind.kind());
        json.putAll(top.toJson(planned));
        Map<String, Object> created = cluster.get().create(kind, json);
        return state(waits.afterCreate(cluster.get(), created, planned), planned);
    }

    @Override
    public Value read(Value current) {
        Value metadata = first(current.getAttr("metadata"));
        Map<String, Object> json = cluster.get()
                .get(kind, namespace(metadata), metadata.getAttr("name").asString());
        return json == null ? Value.nullOf(schema.impliedType()) : state(json, current);
    }

    @Override
    public Value update(Value prior, Value planned, Value config) {
        Value metadata = first(prior.getAttr("metadata"));
        String namespace = namespace(metadata);
        String name = metadata.getAttr("name").asString();
        Map<String, Object> desired = top.toJson(planned);
        Map<String, Object> before = top.toJson(prior);
        for (int attempt = 0; ; attempt++) {
            Map<String, Object> current = cluster.get().get(kind, namespace, name);
            if (current == null) {
                throw new DiagnosticException(
                        "Object deleted outside Netform",
                        "The " + kind.kind() + " " + id(namespace, name) + " no longer exists; the next plan"
                                + " will create it again.");
            }
            if (desired.equals(before)) {
                return state(current, planned);
            }
            try {
                return state(cluster.get().replace(kind, merged(current, before, desired)), planned);
            } catch (Cluster.Conflict conflict) {
                if (attempt == CONFLICT_RETRIES) {
                    throw new DiagnosticException(
                            "Kubernetes kept refusing the update",
                            "The " + kind.kind() + " " + id(namespace, name) + " was changed by another writer"
                                    + " each time it was updated (" + (CONFLICT_RETRIES + 1) + " attempts): "
                                    + conflict.getMessage());
                }
            }
        }
    }

    @Override
    public void delete(Value prior) {
        Value metadata = first(prior.getAttr("metadata"));
        String namespace = namespace(metadata);
        String name = metadata.getAttr("name").asString();
        cluster.get().delete(kind, namespace, name);
        waits.afterDelete(cluster.get(), namespace, name, prior);
    }

    @Override
    public Value importState(String id) {
        String[] parts = id.split("/", -1);
        boolean valid = kind.namespaced()
                ? parts.length == 2 && !parts[0].isEmpty() && !parts[1].isEmpty()
                : parts.length == 1 && !id.isEmpty();
        if (!valid) {
            throw new DiagnosticException(
                    "Invalid import id",
                    "A " + typeName + " is imported by " + (kind.namespaced() ? "\"namespace/name\"" : "\"name\"")
                            + ", not \"" + id + "\".");
        }
        Map<String, Object> metadata = new HashMap<>();
        metadata.put("name", parts[parts.length - 1]);
        if (kind.namespaced()) {
            metadata.put("namespace", parts[0]);
        }
        Value imported = top.fromJson(Map.of("metadata", metadata));
        Map<String, Value> defaults = new HashMap<>();
        for (Field<Map<String, Object>> field : body.fields()) {
            if (field.json() == null && field.attribute().defaultValue() != null) {
                defaults.put(field.name(), field.attribute().defaultValue());
            }
        }
        return withTimeouts(imported.withAttributes(defaults), null);
    }

    /** The object as state: the server's JSON, with the prior state's own attributes and empty collections. */
    @SuppressWarnings("unchecked")
    private Value state(Map<String, Object> json, Value prior) {
        Map<String, Object> object = new LinkedHashMap<>(json);
        Value priorMetadata = first(prior.getAttr("metadata"));
        object.put("metadata", Metadata.withoutInternalKeys((Map<String, Object>) json.get("metadata"), priorMetadata));
        Value read = top.fromJson(object);
        Map<String, Value> local = new HashMap<>();
        for (Field<Map<String, Object>> field : body.fields()) {
            if (field.json() == null) {
                local.put(field.name(), prior.getAttr(field.name()));
            }
        }
        return EmptyCollections.keep(prior, withTimeouts(read.withAttributes(local), prior));
    }

    private Value withTimeouts(Value state, Value prior) {
        if (timeouts == null) {
            return state;
        }
        Value kept = prior == null ? Value.nullOf(timeouts.impliedType()) : prior.getAttr("timeouts");
        Map<String, Value> all = new LinkedHashMap<>();
        ((io.netform.value.Type.ObjectType) state.type())
                .attributeTypes()
                .keySet()
                .forEach(n -> all.put(n, state.getAttr(n)));
        all.put("timeouts", kept);
        return Value.object(all);
    }

    /**
     * The object as last read with the configured fields laid over it: labels and annotations that
     * the prior state had and the plan drops are removed, others (set by Kubernetes or other tools) stay.
     */
    @SuppressWarnings("unchecked")
    private Map<String, Object> merged(
            Map<String, Object> current, Map<String, Object> before, Map<String, Object> desired) {
        Map<String, Object> result = new LinkedHashMap<>(current);
        Map<String, Object> metadata = new LinkedHashMap<>((Map<String, Object>) current.get("metadata"));
        Map<String, Object> oldMetadata = (Map<String, Object>) before.getOrDefault("metadata", Map.of());
        Map<String, Object> newMetadata = (Map<String, Object>) desired.getOrDefault("metadata", Map.of());
        for (String name : List.of("labels", "annotations")) {
            Map<String, Object> keys = new LinkedHashMap<>((Map<String, Object>) metadata.getOrDefault(name, Map.of()));
            ((Map<String, Object>) oldMetadata.getOrDefault(name, Map.of()))
                    .keySet()
                    .forEach(keys::remove);
            keys.putAll((Map<String, Object>) newMetadata.getOrDefault(name, Map.of()));
            metadata.put(name, keys);
        }
        result.put("metadata", metadata);
        for (Field<Map<String, Object>> field : body.fields()) {
            boolean computedOnly = field.attribute() != null
                    && !field.attribute().isOptional()
                    && !field.attribute().isRequired();
            if (field.json() == null || computedOnly) {
                continue;
            }
            if (desired.containsKey(field.json())) {
                result.put(field.json(), desired.get(field.json()));
            } else {
                result.remove(field.json());
            }
        }
        return result;
    }

    @SuppressWarnings("unchecked")
    private Value id(Map<String, Object> json) {
        Map<String, Object> metadata = (Map<String, Object>) json.get("metadata");
        if (metadata == null || metadata.get("name") == null) {
            return Value.nullOf(io.netform.value.Type.STRING);
        }
        return Value.string(id((String) metadata.get("namespace"), (String) metadata.get("name")));
    }

    private String id(String namespace, String name) {
        return kind.namespaced() ? namespace + "/" + name : name;
    }

    private String namespace(Value metadata) {
        return kind.namespaced() ? metadata.getAttr("namespace").asString() : null;
    }

    private static Value first(Value blocks) {
        return blocks.isNull() || !blocks.isKnown() || blocks.length() == 0
                ? null
                : blocks.elements().get(0);
    }
}
