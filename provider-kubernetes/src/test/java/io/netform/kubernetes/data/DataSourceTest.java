package io.netform.kubernetes.data;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.netform.kubernetes.Crds;
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

/** The data sources read with one API call each, however many objects the cluster has. */
class DataSourceTest {

    private final KubeApi api = KubeApi.start();
    private final ProviderHarness harness = api.harness();

    @AfterEach
    void stop() {
        api.close();
    }

    private void namespaces(String... names) {
        for (String name : names) {
            api.client()
                    .resource(new NamespaceBuilder()
                            .withNewMetadata()
                            .withName(name)
                            .addToLabels("team", name)
                            .endMetadata()
                            .build())
                    .create();
        }
    }

    private static Value config(String type, Map<String, ?> given) {
        return Configs.of(
                new KubernetesProvider(Map.of(), Path.of("/"), Duration.ZERO)
                        .dataSources()
                        .get(type)
                        .schema()
                        .block(),
                given);
    }

    @Test
    void allNamespacesIsOneListCall() throws Exception {
        namespaces("a", "b", "c", "d");
        api.requests();

        ProviderHarness.Result read =
                harness.readData("kubernetes_all_namespaces", config("kubernetes_all_namespaces", Map.of()));

        assertThat(read.diagnostics()).isEmpty();
        assertThat(read.state().getAttr("namespaces").elements())
                .extracting(Value::asString)
                .containsExactlyInAnyOrder("a", "b", "c", "d");
        assertThat(read.state().getAttr("id").asString()).hasSize(64);
        assertThat(api.requests()).containsExactly("GET /api/v1/namespaces");
    }

    @Test
    void aNamespaceIsOneGetWithItsLabels() throws Exception {
        namespaces("a", "b");
        api.requests();

        ProviderHarness.Result read = harness.readData(
                "kubernetes_namespace_v1",
                config("kubernetes_namespace_v1", Map.of("metadata", List.of(Map.of("name", "b")))));

        assertThat(read.diagnostics()).isEmpty();
        Value metadata = read.state().getAttr("metadata").elements().get(0);
        assertThat(metadata.getAttr("labels").asMap()).containsEntry("team", Value.string("b"));
        assertThat(metadata.getAttr("uid").isNull()).isFalse();
        assertThat(api.requests()).containsExactly("GET /api/v1/namespaces/b");
    }

    @Test
    void theConfiguredTokenIsSentAsABearerToken() throws Exception {
        assertThat(harness.configure(api.providerConfig(Map.of("host", api.url(), "token", "s3cret"))))
                .isEmpty();
        api.requests();

        harness.readData("kubernetes_all_namespaces", config("kubernetes_all_namespaces", Map.of()));

        assertThat(api.server().takeRequest().getHeader("Authorization")).isEqualTo("Bearer s3cret");
    }

    @Test
    void resourcesListsObjectsOfAKindWithSelectorsInOneCall() throws Exception {
        for (String name : List.of("web", "db", "cache")) {
            api.client()
                    .resource(new io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder()
                            .withNewMetadata()
                            .withName(name)
                            .withNamespace("team-a")
                            .addToLabels("tier", name.equals("db") ? "back" : "front")
                            .endMetadata()
                            .withNewSpec()
                            .withPolicyTypes("Ingress")
                            .endSpec()
                            .build())
                    .create();
        }
        api.requests();

        ProviderHarness.Result read = harness.readData(
                "kubernetes_resources",
                config(
                        "kubernetes_resources",
                        Map.of(
                                "api_version",
                                "networking.k8s.io/v1",
                                "kind",
                                "NetworkPolicy",
                                "namespace",
                                "team-a",
                                "label_selector",
                                "tier=front")));

        assertThat(read.diagnostics()).isEmpty();
        assertThat(read.state().getAttr("objects").elements())
                .extracting(o -> o.getAttr("metadata").getAttr("name").asString())
                .containsExactlyInAnyOrder("web", "cache");
        assertThat(read.state()
                        .getAttr("objects")
                        .elements()
                        .get(0)
                        .getAttr("spec")
                        .getAttr("policyTypes")
                        .index(0))
                .isEqualTo(Value.string("Ingress"));
        assertThat(api.requests())
                .singleElement()
                .asString()
                .startsWith(
                        "GET /apis/networking.k8s.io/v1/namespaces/team-a/networkpolicies?labelSelector=tier%3Dfront");
    }

    @Test
    void resourcesRefusesAKindTheApiServerDoesNotServe() {
        ProviderHarness.Result read = harness.readData(
                "kubernetes_resources",
                config("kubernetes_resources", Map.of("api_version", "example.com/v1", "kind", "Widget")));

        assertThat(read.diagnostics())
                .singleElement()
                .satisfies(d -> assertThat(d.getSummary()).isEqualTo("Unknown kind"))
                .satisfies(d ->
                        assertThat(d.getDetail()).contains("no matches for kind \"Widget\" in group \"example.com\""));
    }

    @Test
    void resourcesListsCustomResourcesOfADefinitionFoundByDiscovery() throws Exception {
        api.client()
                .apiextensions()
                .v1()
                .customResourceDefinitions()
                .resource(Crds.widgets())
                .create();
        for (String name : List.of("small", "large")) {
            api.client()
                    .genericKubernetesResources("example.com/v1", "Widget")
                    .inNamespace("team-a")
                    .resource(Crds.widget(name, "team-a"))
                    .create();
        }
        api.requests();

        ProviderHarness.Result read = harness.readData(
                "kubernetes_resources",
                config(
                        "kubernetes_resources",
                        Map.of("api_version", "example.com/v1", "kind", "Widget", "namespace", "team-a")));

        assertThat(read.diagnostics()).isEmpty();
        assertThat(read.state().getAttr("objects").elements())
                .extracting(o -> o.getAttr("spec").getAttr("size").asString())
                .containsExactlyInAnyOrder("small", "large");
        assertThat(api.requests())
                .containsExactly("GET /apis/example.com/v1", "GET /apis/example.com/v1/namespaces/team-a/widgets");
    }
}
