package io.netform.kubernetes.resource;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.FieldsV1;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntryBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.netform.kubernetes.KubeApi;
import io.netform.kubernetes.KubernetesProvider;
import io.netform.provider.Configs;
import io.netform.provider.ProviderHarness;
import io.netform.value.Value;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** kubernetes_labels and kubernetes_annotations on objects Netform does not own. */
class MetadataKeysTest {

    private final KubeApi api = KubeApi.start();
    private final ProviderHarness harness = api.harness();

    @AfterEach
    void stop() {
        api.close();
    }

    private static Value config(String type, String kind, Map<String, String> metadata, Map<String, ?> extra) {
        Map<String, Object> given = new java.util.HashMap<>(extra);
        given.put("api_version", "v1");
        given.put("kind", kind);
        given.put("metadata", List.of(metadata));
        return Configs.of(
                new KubernetesProvider(Map.of(), Path.of("/"), Duration.ZERO)
                        .resources()
                        .get(type)
                        .schema()
                        .block(),
                given);
    }

    private Map<String, String> labels() {
        return api.client().namespaces().withName("shared").get().getMetadata().getLabels();
    }

    private void sharedNamespace(String... managedByKubectl) {
        var metadata = new NamespaceBuilder()
                .withNewMetadata()
                .withName("shared")
                .addToLabels("owner", "platform")
                .addToLabels("team", "b");
        if (managedByKubectl.length > 0) {
            Map<String, Object> owned = new java.util.HashMap<>();
            for (String key : managedByKubectl) {
                owned.put("f:" + key, Map.of());
            }
            FieldsV1 fields = new FieldsV1();
            fields.setAdditionalProperty("f:metadata", Map.of("f:labels", owned));
            metadata.addToManagedFields(new ManagedFieldsEntryBuilder()
                    .withManager("kubectl")
                    .withOperation("Update")
                    .withFieldsV1(fields)
                    .build());
        }
        api.client().resource(metadata.endMetadata().build()).create();
    }

    @Test
    void setsOnlyItsLabelsUnderItsFieldManagerAndRemovesThemOnDestroy() throws Exception {
        sharedNamespace();
        api.requests();

        Value state = harness.create(
                "kubernetes_labels",
                config(
                        "kubernetes_labels",
                        "Namespace",
                        Map.of("name", "shared"),
                        Map.of("labels", Map.of("team", "a"))));

        assertThat(labels()).containsOnly(Map.entry("owner", "platform"), Map.entry("team", "a"));
        assertThat(api.requests())
                .anySatisfy(r -> assertThat(r).startsWith("PATCH /api/v1/namespaces/shared?fieldManager=Terraform"));
        assertThat(harness.read("kubernetes_labels", state).state()).isEqualTo(state);

        Value changed = config(
                "kubernetes_labels", "Namespace", Map.of("name", "shared"), Map.of("labels", Map.of("tier", "web")));
        Value updated = harness.apply(
                        "kubernetes_labels",
                        state,
                        harness.plan("kubernetes_labels", state, changed).state(),
                        changed)
                .state();
        assertThat(labels()).containsOnly(Map.entry("owner", "platform"), Map.entry("tier", "web"));

        assertThat(harness.apply(
                                "kubernetes_labels",
                                updated,
                                Value.nullOf(updated.type()),
                                Value.nullOf(updated.type()))
                        .diagnostics())
                .isEmpty();
        assertThat(labels()).containsOnly(Map.entry("owner", "platform"));
    }

    @Test
    void aLabelAnotherManagerOwnsIsRefusedUnlessForced() {
        sharedNamespace("team");
        Value config = config(
                "kubernetes_labels", "Namespace", Map.of("name", "shared"), Map.of("labels", Map.of("team", "a")));
        Value nothing = Value.nullOf(config.type());

        ProviderHarness.Result refused = harness.apply(
                "kubernetes_labels",
                nothing,
                harness.plan("kubernetes_labels", nothing, config).state(),
                config);

        assertThat(refused.diagnostics())
                .singleElement()
                .satisfies(d -> assertThat(d.getDetail()).contains("team (owned by \"kubectl\")", "force = true"));
        assertThat(labels()).containsEntry("team", "b");
        harness.create(
                "kubernetes_labels",
                config(
                        "kubernetes_labels",
                        "Namespace",
                        Map.of("name", "shared"),
                        Map.of("labels", Map.of("team", "a"), "force", true)));
        assertThat(labels()).containsEntry("team", "a");
    }

    @Test
    void annotationsOfANamespacedObjectAndAMissingObjectIsAnError() {
        api.client()
                .resource(new ConfigMapBuilder()
                        .withNewMetadata()
                        .withName("settings")
                        .withNamespace("team-a")
                        .endMetadata()
                        .build())
                .create();

        harness.create(
                "kubernetes_annotations",
                config(
                        "kubernetes_annotations",
                        "ConfigMap",
                        Map.of("name", "settings", "namespace", "team-a"),
                        Map.of("annotations", Map.of("owner", "netform"))));

        assertThat(api.client()
                        .configMaps()
                        .inNamespace("team-a")
                        .withName("settings")
                        .get()
                        .getMetadata()
                        .getAnnotations())
                .containsEntry("owner", "netform");
        Value missing = config(
                "kubernetes_annotations",
                "ConfigMap",
                Map.of("name", "nope", "namespace", "team-a"),
                Map.of("annotations", Map.of("a", "b")));
        Value nothing = Value.nullOf(missing.type());
        assertThat(harness.apply(
                                "kubernetes_annotations",
                                nothing,
                                harness.plan("kubernetes_annotations", nothing, missing)
                                        .state(),
                                missing)
                        .diagnostics())
                .singleElement()
                .satisfies(d -> assertThat(d.getDetail()).contains("ConfigMap team-a/nope does not exist"));
    }
}
