package io.netform.kubernetes.resource;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.netform.kubernetes.KubeApi;
import io.netform.kubernetes.KubernetesProvider;
import io.netform.provider.Configs;
import io.netform.provider.ProviderHarness;
import io.netform.value.Value;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** kubernetes_service_v1: its spec, and type LoadBalancer waiting for the address it then exports. */
class ServiceTest {

    private static final String TYPE = "kubernetes_service_v1";

    private final KubeApi api = KubeApi.start();
    private final ProviderHarness harness = api.harness();

    @AfterEach
    void stop() {
        api.close();
    }

    private static Value config(String type, Map<String, ?> extra) {
        Map<String, Object> given = new HashMap<>(extra);
        given.put("metadata", List.of(Map.of("name", "web", "namespace", "team-a")));
        given.put(
                "spec",
                List.of(Map.of(
                        "type", type,
                        "selector", Map.of("app", "web"),
                        "port",
                                List.of(
                                        Map.of("name", "http", "port", 80, "target_port", "http"),
                                        Map.of("port", 443, "target_port", "8443")))));
        return Configs.of(
                new KubernetesProvider(Map.of(), Path.of("/"), Duration.ZERO)
                        .resources()
                        .get(TYPE)
                        .schema()
                        .block(),
                given);
    }

    private Service stored() {
        return api.client().services().inNamespace("team-a").withName("web").get();
    }

    @Test
    void aClusterIpServiceReachesTheApiInItsShapeAndReadsBackUnchanged() {
        Value state = harness.create(TYPE, config("ClusterIP", Map.of()));

        assertThat(stored().getSpec().getSelector()).containsEntry("app", "web");
        assertThat(stored().getSpec().getPorts().get(0).getTargetPort().getStrVal())
                .isEqualTo("http");
        assertThat(stored().getSpec().getPorts().get(1).getTargetPort().getIntVal())
                .isEqualTo(8443);
        assertThat(stored().getSpec().getPorts().get(1).getProtocol()).isEqualTo("TCP");
        assertThat(stored().getSpec().getSessionAffinity()).isEqualTo("None");
        assertThat(harness.read(TYPE, state).state()).isEqualTo(state);
    }

    @Test
    void aLoadBalancerIsWaitedForAndItsAddressExported() throws Exception {
        // What a load balancer controller does: give the new service an address.
        CompletableFuture<Void> controller = CompletableFuture.runAsync(() -> {
            api.client()
                    .services()
                    .inNamespace("team-a")
                    .withName("web")
                    .waitUntilCondition(s -> s != null, 30, TimeUnit.SECONDS);
            api.client()
                    .services()
                    .inNamespace("team-a")
                    .withName("web")
                    .editStatus(s -> new ServiceBuilder(s)
                            .withNewStatus()
                            .withNewLoadBalancer()
                            .addNewIngress()
                            .withIp("192.0.2.10")
                            .endIngress()
                            .endLoadBalancer()
                            .endStatus()
                            .build());
        });

        Value state = harness.create(TYPE, config("LoadBalancer", Map.of()));

        // The create returns once it has read the address; the controller's own edit call may still be on
        // its way back to it, so only then wait for the controller to finish.
        Value ingress = state.getAttr("status")
                .index(0)
                .getAttr("load_balancer")
                .index(0)
                .getAttr("ingress");
        assertThat(ingress.index(0).getAttr("ip")).isEqualTo(Value.string("192.0.2.10"));
        controller.get(30, TimeUnit.SECONDS);
    }

    @Test
    void aLoadBalancerWithoutAnAddressInTimeIsAnError() {
        Value config = config("LoadBalancer", Map.of("timeouts", Map.of("create", "200ms")));
        Value nothing = Value.nullOf(config.type());

        ProviderHarness.Result created =
                harness.apply(TYPE, nothing, harness.plan(TYPE, nothing, config).state(), config);

        assertThat(created.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.getSummary()).isEqualTo("Timed out waiting for the load balancer");
            assertThat(d.getDetail()).contains("team-a/web", "wait_for_load_balancer = false");
        });
    }

    @Test
    void withoutTheWaitTheServiceIsCreatedAtOnce() {
        Value state = harness.create(TYPE, config("LoadBalancer", Map.of("wait_for_load_balancer", false)));

        assertThat(state.getAttr("status")
                        .index(0)
                        .getAttr("load_balancer")
                        .index(0)
                        .getAttr("ingress")
                        .length())
                .isZero();
    }
}
