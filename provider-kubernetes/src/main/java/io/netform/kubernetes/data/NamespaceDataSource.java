package io.netform.kubernetes.data;

import io.netform.field.Fields;
import io.netform.kubernetes.Cluster;
import io.netform.kubernetes.Kind;
import io.netform.kubernetes.schema.PlainObjects;
import io.netform.kubernetes.schema.PlainValues;
import io.netform.provider.DataSource;
import io.netform.provider.DiagnosticException;
import io.netform.value.Type;
import io.netform.value.Value;
import io.netform.wire.Schema;
import io.netform.wire.SchemaAttribute;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** {@code data "kubernetes_namespace_v1"}: one namespace by name (one GET): its metadata and finalizers. */
public final class NamespaceDataSource implements DataSource {

    private static final Type SPEC = Type.list(Type.object(Map.of("finalizers", Type.list(Type.STRING))));

    private final Supplier<Cluster> cluster;
    private final Fields<Map<String, Object>> fields;
    private final String deprecationMessage;

    /** @param deprecationMessage empty for {@code kubernetes_namespace_v1}, the warning for its legacy name */
    NamespaceDataSource(Supplier<Cluster> cluster, String deprecationMessage) {
        this.cluster = cluster;
        this.deprecationMessage = deprecationMessage;
        Fields<Map<String, Object>> metadata = Fields.builder(PlainObjects.OBJECTS)
                .add(SchemaAttribute.of("annotations", Type.map(Type.STRING)).computed(), "annotations")
                .add(SchemaAttribute.number("generation").computed(), "generation")
                .add(SchemaAttribute.of("labels", Type.map(Type.STRING)).computed(), "labels")
                .add(SchemaAttribute.string("name").required().describedAs("The namespace's name."), "name")
                .add(SchemaAttribute.string("resource_version").computed(), "resourceVersion")
                .add(SchemaAttribute.string("uid").computed(), "uid")
                .build();
        this.fields = Fields.builder(PlainObjects.OBJECTS)
                .custom(
                        SchemaAttribute.string("id").computed(),
                        "metadata",
                        null,
                        null,
                        json -> Value.nullOf(Type.STRING))
                .oneObject("metadata", metadata, "metadata", true)
                .custom(SchemaAttribute.of("spec", SPEC).computed(), "spec", null, null, NamespaceDataSource::spec)
                .build();
    }

    @SuppressWarnings("unchecked")
    private static Value spec(Map<String, Object> json) {
        Map<String, Object> spec = (Map<String, Object>) json.getOrDefault("spec", Map.of());
        Value finalizers = PlainValues.fromPlain(spec.getOrDefault("finalizers", List.of()), Type.list(Type.STRING));
        return Value.list(List.of(Value.object(Map.of("finalizers", finalizers))));
    }

    @Override
    public String deprecationMessage() {
        return deprecationMessage;
    }

    @Override
    public Schema schema() {
        return Schema.of(fields.block());
    }

    @Override
    public Value read(Value config) {
        String name =
                config.getAttr("metadata").elements().get(0).getAttr("name").asString();
        Map<String, Object> json = cluster.get().get(Kind.NAMESPACE, null, name);
        if (json == null) {
            throw new DiagnosticException("Namespace not found", "The cluster has no namespace \"" + name + "\".");
        }
        return fields.fromJson(json).withAttributes(Map.of("id", Value.string(name)));
    }
}
