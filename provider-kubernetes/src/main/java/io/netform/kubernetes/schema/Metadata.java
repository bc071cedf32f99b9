package io.netform.kubernetes.schema;

import io.netform.field.Fields;
import io.netform.value.Type;
import io.netform.value.Value;
import io.netform.wire.SchemaAttribute;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code metadata} block every resource shares, as terraform-provider-kubernetes has it: name
 * or generate_name, namespace (namespaced kinds, default {@code "default"}), labels and
 * annotations, and the server's uid, resource_version and generation.
 */
public final class Metadata {

    private Metadata() {}

    /** The block's fields for a namespaced kind or a cluster-scoped one. */
    public static Fields<Map<String, Object>> fields(boolean namespaced) {
        Fields.Builder<Map<String, Object>> builder = Fields.builder(PlainObjects.OBJECTS)
                .add(
                        SchemaAttribute.of("annotations", Type.map(Type.STRING))
                                .optional()
                                .describedAs("Annotations of the object."),
                        "annotations")
                .add(
                        SchemaAttribute.string("generate_name")
                                .optional()
                                .forceNew()
                                .describedAs("A prefix from which the server generates a unique name."),
                        "generateName")
                .add(SchemaAttribute.number("generation").computed(), "generation")
                .add(
                        SchemaAttribute.of("labels", Type.map(Type.STRING))
                                .optional()
                                .describedAs("Labels of the object."),
                        "labels")
                .add(
                        SchemaAttribute.string("name")
                                .optionalComputed()
                                .forceNew()
                                .describedAs("The object's name, unique within its namespace."),
                        "name");
        if (namespaced) {
            builder.add(
                    SchemaAttribute.string("namespace")
                            .forceNew()
                            .withDefault(Value.string("default"))
                            .describedAs("The namespace of the object."),
                    "namespace");
        }
        return builder.add(SchemaAttribute.string("resource_version").computed(), "resourceVersion")
                .add(SchemaAttribute.string("uid").computed(), "uid")
                .build();
    }

    /**
     * The server's metadata without the labels and annotations Kubernetes itself sets (keys under a
     * {@code *.kubernetes.io} prefix, e.g. {@code kubernetes.io/metadata.name}) unless the prior
     * state has them, as the real provider drops them, so they never show as drift.
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> withoutInternalKeys(Map<String, Object> metadata, Value prior) {
        Map<String, Object> result = new LinkedHashMap<>(metadata);
        for (String name : new String[] {"labels", "annotations"}) {
            Object keys = metadata.get(name);
            if (!(keys instanceof Map<?, ?> map)) {
                continue;
            }
            Value kept = prior == null || prior.isNull() ? Value.nullOf(Type.map(Type.STRING)) : prior.getAttr(name);
            Map<String, Object> filtered = new LinkedHashMap<>();
            ((Map<String, Object>) map).forEach((key, value) -> {
                if (!isInternal(key)
                        || (!kept.isNull() && kept.isKnown() && kept.asMap().containsKey(key))) {
                    filtered.put(key, value);
                }
            });
            if (filtered.isEmpty() && (kept.isNull() || !kept.isKnown())) {
                result.remove(name);
            } else {
                result.put(name, filtered);
            }
        }
        return result;
    }

    private static boolean isInternal(String key) {
        String host;
        try {
            host = URI.create("//" + key).getHost();
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (host == null || host.equals("app.kubernetes.io") || host.equals("service.beta.kubernetes.io")) {
            return false;
        }
        return host.endsWith("kubernetes.io");
    }
}
