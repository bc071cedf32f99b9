package io.netform.kubernetes.resource;

import io.netform.field.Fields;
import io.netform.kubernetes.Cluster;
import io.netform.kubernetes.Kind;
import io.netform.kubernetes.schema.PlainObjects;
import io.netform.provider.ResourceType;
import io.netform.value.Type;
import io.netform.value.Value;
import io.netform.wire.SchemaAttribute;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** The provider's resource types by name, each {@code _v1} name with its legacy alias. */
public final class ResourceCatalog {

    private ResourceCatalog() {}

    /**
     * @param polling how often a wait asks the API server again
     */
    public static Map<String, ResourceType> all(Supplier<Cluster> cluster, Duration polling) {
        Map<String, ResourceType> all = new LinkedHashMap<>();
        both(all, "kubernetes_namespace", namespace(cluster, new Polling(polling)));
        both(all, "kubernetes_network_policy", networkPolicy(cluster));
        both(all, "kubernetes_config_map", configMap(cluster));
        both(
                all,
                "kubernetes_service",
                name -> new ObjectResource(
                        name,
                        Kind.SERVICE,
                        ServiceSpec.fields(),
                        Timeouts.block("create"),
                        new ServiceWaits(new Polling(polling)),
                        cluster));
        all.put("kubernetes_labels", new MetadataKeysResource("labels", cluster));
        all.put("kubernetes_annotations", new MetadataKeysResource("annotations", cluster));
        all.put("kubernetes_manifest", new ManifestResource(cluster, new Polling(polling)));
        return Map.copyOf(all);
    }

    private static void both(
            Map<String, ResourceType> all, String legacy, java.util.function.Function<String, ResourceType> type) {
        all.put(legacy + "_v1", type.apply(legacy + "_v1"));
        all.put(legacy, type.apply(legacy));
    }

    private static java.util.function.Function<String, ResourceType> namespace(
            Supplier<Cluster> cluster, Polling polling) {
        Fields<Map<String, Object>> body = Fields.builder(PlainObjects.OBJECTS)
                .local(SchemaAttribute.bool("wait_for_default_service_account")
                        .withDefault(Value.FALSE)
                        .describedAs("Wait for the namespace's default service account to exist after create."))
                .build();
        return name -> new ObjectResource(
                name, Kind.NAMESPACE, body, Timeouts.block("delete"), new NamespaceWaits(polling), cluster);
    }

    private static java.util.function.Function<String, ResourceType> networkPolicy(Supplier<Cluster> cluster) {
        Fields<Map<String, Object>> body = Fields.builder(PlainObjects.OBJECTS)
                .oneObject("spec", NetworkPolicySpec.fields(), "spec", true)
                .build();
        return name -> new ObjectResource(name, Kind.NETWORK_POLICY, body, null, Waits.NONE, cluster);
    }

    private static java.util.function.Function<String, ResourceType> configMap(Supplier<Cluster> cluster) {
        Fields<Map<String, Object>> body = Fields.builder(PlainObjects.OBJECTS)
                .add(
                        SchemaAttribute.of("data", Type.map(Type.STRING))
                                .optional()
                                .describedAs("Text values by key."),
                        "data")
                .add(
                        SchemaAttribute.of("binary_data", Type.map(Type.STRING))
                                .optional()
                                .describedAs("Binary values by key, base64-encoded."),
                        "binaryData")
                .add(
                        SchemaAttribute.bool("immutable")
                                .optional()
                                .describedAs("Whether the data can no longer be changed."),
                        "immutable")
                .build();
        return name -> new ObjectResource(name, Kind.CONFIG_MAP, body, null, Waits.NONE, cluster);
    }
}
