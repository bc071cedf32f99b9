package io.netform.kubesim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The simulator driven by fabric8's client (as the Kubernetes provider drives it), from its kubeconfig. */
class Fabric8ClientTest {

    @TempDir
    Path directory;

    private KubeSimulator simulator;
    private KubernetesClient client;

    @BeforeEach
    void start() {
        simulator = KubeSimulator.start(KubeSimulatorConfig.defaults().withDataDirectory(directory));
        client = clientFor(simulator, null);
    }

    @AfterEach
    void stop() {
        client.close();
        simulator.close();
    }

    @Test
    void objectsAndTheirUidsSurviveARestart() {
        Namespace created = client.namespaces()
                .resource(namespace("team-a", Map.of("env", "prod")))
                .create();
        client.configMaps()
                .inNamespace("team-a")
                .resource(new ConfigMapBuilder()
                        .withNewMetadata()
                        .withName("settings")
                        .endMetadata()
                        .addToData("color", "blue")
                        .build())
                .create();
        client.close();
        simulator.close();

        simulator = KubeSimulator.start(KubeSimulatorConfig.defaults().withDataDirectory(directory));
        client = clientFor(simulator, null);

        Namespace reloaded = client.namespaces().withName("team-a").get();
        assertThat(reloaded.getMetadata().getUid())
                .isEqualTo(created.getMetadata().getUid());
        assertThat(reloaded.getMetadata().getLabels()).containsEntry("env", "prod");
        assertThat(client.configMaps()
                        .inNamespace("team-a")
                        .withName("settings")
                        .get()
                        .getData())
                .containsEntry("color", "blue");
        Namespace next =
                client.namespaces().resource(namespace("team-b", Map.of())).create();
        assertThat(next.getMetadata().getUid())
                .isNotEqualTo(created.getMetadata().getUid());
    }

    @Test
    void listsFilterByLabelAndField() {
        client.namespaces().resource(namespace("team-a", Map.of("env", "prod"))).create();
        client.namespaces().resource(namespace("team-b", Map.of("env", "dev"))).create();

        assertThat(client.namespaces().withLabel("env", "prod").list().getItems())
                .extracting(n -> n.getMetadata().getName())
                .containsExactly("team-a");
        assertThat(client.namespaces()
                        .withField("metadata.name", "team-b")
                        .list()
                        .getItems())
                .extracting(n -> n.getMetadata().getName())
                .containsExactly("team-b");
    }

    @Test
    void serverSideApplyCreatesThenUpdates() {
        client.namespaces().resource(namespace("team-a", Map.of())).create();

        client.resource(policy("deny-egress", "53"))
                .fieldManager("netform")
                .forceConflicts()
                .serverSideApply();
        NetworkPolicy updated = client.resource(policy("deny-egress", "5353"))
                .fieldManager("netform")
                .forceConflicts()
                .serverSideApply();

        assertThat(updated.getSpec()
                        .getEgress()
                        .get(0)
                        .getPorts()
                        .get(0)
                        .getPort()
                        .getIntVal())
                .isEqualTo(5353);
        assertThat(client.network()
                        .v1()
                        .networkPolicies()
                        .inAnyNamespace()
                        .list()
                        .getItems())
                .hasSize(1);
    }

    @Test
    void aWatchSeesNamespacesComeAndGo() throws InterruptedException {
        BlockingQueue<String> events = new LinkedBlockingQueue<>();
        Watch watch = client.namespaces().withLabel("team").watch(new Watcher<Namespace>() {
            @Override
            public void eventReceived(Action action, Namespace namespace) {
                events.add(action + " " + namespace.getMetadata().getName());
            }

            @Override
            public void onClose(WatcherException cause) {}
        });
        try {
            client.namespaces()
                    .resource(namespace("team-a", Map.of("team", "a")))
                    .create();
            client.namespaces().withName("team-a").delete();

            assertThat(events.poll(30, TimeUnit.SECONDS)).isEqualTo("ADDED team-a");
            assertThat(events.poll(30, TimeUnit.SECONDS)).isEqualTo("DELETED team-a");
        } finally {
            watch.close();
        }
    }

    @Test
    void theReadOnlyUserIsRefusedAWriteWith403() {
        try (KubernetesClient readOnly = clientFor(simulator, Kubeconfig.READ_ONLY_CONTEXT)) {
            assertThat(readOnly.namespaces().list().getItems()).isNotEmpty();
            assertThatThrownBy(() -> readOnly.namespaces()
                            .resource(namespace("team-a", Map.of()))
                            .create())
                    .isInstanceOfSatisfying(
                            KubernetesClientException.class,
                            e -> assertThat(e.getCode()).isEqualTo(403));
        }
    }

    private static KubernetesClient clientFor(KubeSimulator simulator, String context) {
        return Fabric8Client.of(simulator, context);
    }

    private static Namespace namespace(String name, Map<String, String> labels) {
        return new NamespaceBuilder()
                .withNewMetadata()
                .withName(name)
                .withLabels(labels)
                .endMetadata()
                .build();
    }

    private static NetworkPolicy policy(String name, String port) {
        return new NetworkPolicyBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace("team-a")
                .endMetadata()
                .withNewSpec()
                .withNewPodSelector()
                .addToMatchLabels("app", "web")
                .endPodSelector()
                .withPolicyTypes("Egress")
                .addNewEgress()
                .addNewPort()
                .withNewPort(Integer.parseInt(port))
                .withProtocol("UDP")
                .endPort()
                .endEgress()
                .endSpec()
                .build();
    }
}
