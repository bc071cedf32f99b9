package io.netform.kubernetes.resource;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.netform.kubernetes.KubeApi;
import io.netform.kubernetes.KubernetesProvider;
import io.netform.provider.Configs;
import io.netform.provider.ProviderHarness;
import io.netform.value.Type;
import io.netform.value.Value;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** kubernetes_network_policy_v1: the full spec to the API's shape and back, import, conflicts and refusals. */
class NetworkPolicyTest {

    private static final String TYPE = "kubernetes_network_policy_v1";
    private static final String PATH = "/apis/networking.k8s.io/v1/namespaces/team-a/networkpolicies";

    private final KubeApi api = KubeApi.start();
    private final ProviderHarness harness = api.harness();

    @AfterEach
    void stop() {
        api.close();
    }

    private static Value labels(String key, String value) {
        return Value.map(Type.STRING, Map.of(key, Value.string(value)));
    }

    private static Value config(Map<String, ?> labels) {
        Map<String, Object> spec = Map.of(
                "pod_selector", List.of(Map.of("match_labels", labels("app", "web"))),
                "policy_types", List.of("Ingress", "Egress"),
                "ingress",
                        List.of(Map.of(
                                "ports", List.of(Map.of("port", "80"), Map.of("port", "http", "protocol", "UDP")),
                                "from",
                                        List.of(
                                                Map.of(
                                                        "namespace_selector",
                                                                List.of(Map.of(
                                                                        "match_expressions",
                                                                        List.of(Map.of(
                                                                                "key",
                                                                                "team",
                                                                                "operator",
                                                                                "In",
                                                                                "values",
                                                                                List.of("a", "b"))))),
                                                        "pod_selector", List.of(Map.of())),
                                                Map.of(
                                                        "ip_block",
                                                        List.of(Map.of(
                                                                "cidr",
                                                                "10.0.0.0/8",
                                                                "except",
                                                                List.of("10.1.0.0/16"))))))),
                "egress", List.of(Map.of("ports", List.of(Map.of("port", "8000", "end_port", 8080)))));
        return Configs.of(
                new KubernetesProvider(Map.of(), Path.of("/"), Duration.ZERO)
                        .resources()
                        .get(TYPE)
                        .schema()
                        .block(),
                Map.of(
                        "metadata",
                        List.of(Map.of("name", "web", "namespace", "team-a", "labels", labels)),
                        "spec",
                        List.of(spec)));
    }

    @Test
    void theFullSpecReachesTheApiInItsShapeAndReadsBackUnchanged() {
        Value state = harness.create(TYPE, config(labels("tier", "front").asMap()));

        NetworkPolicy policy = api.client()
                .network()
                .v1()
                .networkPolicies()
                .inNamespace("team-a")
                .withName("web")
                .get();
        var spec = policy.getSpec();
        assertThat(spec.getPolicyTypes()).containsExactly("Ingress", "Egress");
        assertThat(spec.getPodSelector().getMatchLabels()).containsEntry("app", "web");
        var ingress = spec.getIngress().get(0);
        assertThat(ingress.getPorts().get(0).getPort().getIntVal()).isEqualTo(80);
        assertThat(ingress.getPorts().get(0).getProtocol()).isEqualTo("TCP");
        assertThat(ingress.getPorts().get(1).getPort().getStrVal()).isEqualTo("http");
        var peer = ingress.getFrom().get(0);
        assertThat(peer.getNamespaceSelector().getMatchExpressions().get(0).getValues())
                .containsExactlyInAnyOrder("a", "b");
        assertThat(peer.getPodSelector())
                .as("pod_selector {} selects every pod: an empty selector, not none")
                .isNotNull();
        assertThat(peer.getPodSelector().getMatchLabels()).isNullOrEmpty();
        assertThat(ingress.getFrom().get(1).getIpBlock().getExcept()).containsExactly("10.1.0.0/16");
        assertThat(spec.getEgress().get(0).getPorts().get(0).getEndPort()).isEqualTo(8080);
        assertThat(state.getAttr("id").asString()).isEqualTo("team-a/web");
        assertThat(harness.read(TYPE, state).state()).isEqualTo(state);
    }

    @Test
    void importsByNamespaceAndName() {
        Value created = harness.create(TYPE, config(Map.of()));

        ProviderHarness.Result imported = harness.importState(TYPE, "team-a/web");
        assertThat(imported.diagnostics()).isEmpty();
        Value read = harness.read(TYPE, imported.state()).state();
        assertThat(read.getAttr("spec")).isEqualTo(created.getAttr("spec"));
        assertThat(harness.importState(TYPE, "web").diagnostics())
                .singleElement()
                .satisfies(d -> assertThat(d.getDetail()).contains("\"namespace/name\""));
    }

    @Test
    void anUpdateRefusedWithAConflictIsRetriedOnAFreshRead() {
        Value state = harness.create(TYPE, config(Map.of()));
        api.server()
                .expect()
                .put()
                .withPath(PATH + "/web")
                .andReturn(
                        409,
                        new StatusBuilder()
                                .withCode(409)
                                .withReason("Conflict")
                                .withMessage("the object has been modified")
                                .build())
                .once();

        Value changed = config(labels("tier", "back").asMap());
        ProviderHarness.Planned plan = harness.plan(TYPE, state, changed);
        ProviderHarness.Result updated = harness.apply(TYPE, state, plan.state(), changed);

        assertThat(updated.diagnostics()).isEmpty();
        assertThat(api.client()
                        .network()
                        .v1()
                        .networkPolicies()
                        .inNamespace("team-a")
                        .withName("web")
                        .get()
                        .getMetadata()
                        .getLabels())
                .containsEntry("tier", "back");
    }

    @Test
    void aForbiddenCreateNamesTheVerbResourceAndNamespace() {
        api.server()
                .expect()
                .post()
                .withPath(PATH)
                .andReturn(
                        403,
                        new StatusBuilder()
                                .withCode(403)
                                .withReason("Forbidden")
                                .withMessage(
                                        "networkpolicies.networking.k8s.io is forbidden: User \"ci\" cannot create resource")
                                .build())
                .once();

        Value config = config(Map.of());
        Value nothing = Value.nullOf(config.type());
        ProviderHarness.Result result =
                harness.apply(TYPE, nothing, harness.plan(TYPE, nothing, config).state(), config);

        assertThat(result.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.getSummary())
                    .isEqualTo("Kubernetes refused to create networkpolicies \"web\" in namespace \"team-a\"");
            assertThat(d.getDetail()).contains("403 Forbidden", "User \"ci\" cannot create");
        });
    }

    @Test
    void anInvalidObjectQuotesTheApiServersMessage() {
        api.server()
                .expect()
                .post()
                .withPath(PATH)
                .andReturn(
                        422,
                        new StatusBuilder()
                                .withCode(422)
                                .withReason("Invalid")
                                .withMessage(
                                        "NetworkPolicy.networking.k8s.io \"web\" is invalid: spec.ingress[0].ports[0].endPort: Invalid value")
                                .build())
                .once();

        Value config = config(Map.of());
        Value nothing = Value.nullOf(config.type());
        ProviderHarness.Result result =
                harness.apply(TYPE, nothing, harness.plan(TYPE, nothing, config).state(), config);

        assertThat(result.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.getSummary()).isEqualTo("Kubernetes rejected the NetworkPolicy as invalid");
            assertThat(d.getDetail())
                    .contains("networkpolicies \"web\" in namespace \"team-a\"", "endPort: Invalid value");
        });
    }

    @Test
    void anUnreachableApiServerNamesTheConfigurationAndTheAddress() throws Exception {
        int port;
        try (var socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String host = "http://127.0.0.1:" + port;
        assertThat(harness.configure(api.providerConfig(Map.of("host", host)))).isEmpty();

        ProviderHarness.Result read =
                harness.read(TYPE, harness.importState(TYPE, "team-a/web").state());

        assertThat(read.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.getSummary()).as(d.getDetail()).isEqualTo("Cannot reach the Kubernetes API server");
            assertThat(d.getDetail()).contains("host " + host, "points at " + host);
        });
    }
}
