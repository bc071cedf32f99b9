package io.netform.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.netform.kubesim.Fabric8Client;
import io.netform.kubesim.KubeSimulator;
import io.netform.kubesim.KubeSimulatorConfig;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * examples/kubernetes-driven through the CLI run in-process, with the kubernetes provider reading a
 * real HTTPS Kubernetes API (kube-sim in the test JVM, edited through a fabric8 client as kubectl
 * would) and the nsxt provider against the standalone NSX simulator: namespaces created and
 * deleted in the cluster become segments created and destroyed (with one list call per kind, not
 * one call per object), a NetworkPolicy applied to the
 * cluster turns a traceflow's verdict, labels edited in the cluster are drift, and an unreachable
 * or forbidding API server fails the plan with its diagnostic and leaves state alone.
 */
class KubernetesDrivenIT {

    private static final String NETWORK = "module.cluster.module.network.";
    private static final String POLICY =
            "module.cluster.nsxt_k8s_network_policy.policy[\"team-a/nsx-deny-egress-policy\"]";

    @TempDir
    Path root;

    private KubeSimulator cluster;
    private KubernetesClient kubectl;

    @BeforeEach
    void startCluster() {
        cluster = KubeSimulator.start(KubeSimulatorConfig.defaults().withDataDirectory(root.resolve("kube-sim")));
        kubectl = Fabric8Client.of(cluster);
    }

    @AfterEach
    void stopCluster() {
        kubectl.close();
        cluster.close();
    }

    @Test
    void namespacesCreatedAndDeletedInTheClusterAreSegmentsCreatedAndDestroyed() throws Exception {
        try (NsxTestBed nsx = NsxTestBed.startWith(root, "kubernetes-driven")) {
            Workspace w = workspace(nsx);
            w.ok("init", "-no-color");
            createNamespace("team-a");

            String planned = w.ok("plan", "-no-color").out();
            assertThat(planned)
                    .contains(NETWORK + "nsxt_policy_segment.namespace[\"team-a\"] will be created")
                    .contains(NETWORK + "nsxt_policy_nat_rule.snat[\"team-a\"] will be created")
                    .contains(NETWORK + "nsxt_policy_ip_address_allocation.snat[\"team-a\"] will be created")
                    .contains(NETWORK + "nsxt_policy_group.namespace[\"team-a\"] will be created");
            w.ok("apply", "-auto-approve", "-no-color");
            assertThat(nsx.get("/infra/segments/kd-team-a")).isPresent();
            assertThat(nsx.get("/infra/tier-1s/kd-t1/nat/USER/nat-rules/kd-team-a-snat"))
                    .isPresent();
            cluster.requests().reset();
            assertThat(w.run("plan", "-detailed-exitcode").exitCode()).isZero();
            assertThat(cluster.requests().byRequest())
                    .as("one list call per kind for the cluster's four namespaces, not one call per object")
                    .containsExactly(
                            entry("list namespaces", 1L), entry("list networkpolicies", 1L), entry("list pods", 1L));

            kubectl.namespaces().withName("team-a").delete();
            createNamespace("team-b");
            String next = w.ok("plan", "-no-color").out();
            assertThat(next)
                    .contains(NETWORK + "nsxt_policy_segment.namespace[\"team-a\"] will be destroyed")
                    .contains(NETWORK + "nsxt_policy_group.namespace[\"team-a\"] will be destroyed")
                    .contains(NETWORK + "nsxt_policy_segment.namespace[\"team-b\"] will be created");
            w.ok("apply", "-auto-approve", "-no-color");
            assertThat(nsx.get("/infra/segments/kd-team-a")).isEmpty();
            assertThat(nsx.get("/infra/segments/kd-team-b")).isPresent();
        }
    }

    @Test
    void aPolicyAppliedToTheClusterDropsTheTrafficItDeniesAndLabelsEditedThereAreDrift() throws Exception {
        try (NsxTestBed nsx = NsxTestBed.startWith(root, "kubernetes-driven")) {
            Workspace w = workspace(nsx);
            w.ok("init", "-no-color");
            createNamespace("team-a");
            load(nsx.example.resolve("pods.yaml"));
            kubectl.pods()
                    .resource(new PodBuilder()
                            .withNewMetadata()
                            .withName("node-agent")
                            .withNamespace("team-a")
                            .endMetadata()
                            .withNewSpec()
                            .withHostNetwork(true)
                            .addNewContainer()
                            .withName("agent")
                            .withImage("agent")
                            .endContainer()
                            .endSpec()
                            .build())
                    .create();

            assertThat(w.ok("apply", "-auto-approve", "-no-color").out())
                    .contains("check.web_egress_follows_the_cluster: passed")
                    .contains("\"team-a/web -> team-a/db\" = \"DELIVERED\"");
            assertThat(nsx.ids("/infra/segments/kd-team-a/ports"))
                    .as("the host-network pod has no port")
                    .containsExactly("kd-team-a-db", "kd-team-a-web");

            load(nsx.example.resolve("nsx-deny-egress-policy.yaml"));
            assertThat(w.ok("plan", "-no-color").out()).contains(POLICY + " will be created");
            assertThat(w.ok("apply", "-auto-approve", "-no-color").out())
                    .contains("Apply complete! Resources: 1 added, 0 changed, 0 destroyed.")
                    .contains("check.web_egress_follows_the_cluster: passed")
                    .contains("\"team-a/web -> team-a/db\" = \"DROPPED\"");
            assertThat(nsx.ids("/infra/domains/default/security-policies"))
                    .contains("k8s-kd-team-a-nsx-deny-egress-policy-isolation");

            kubectl.namespaces()
                    .withName("team-a")
                    .edit(ns -> new NamespaceBuilder(ns)
                            .editMetadata()
                            .addToLabels("env", "prod")
                            .endMetadata()
                            .build());
            kubectl.pods().inNamespace("team-a").withName("db").edit(pod -> {
                pod.getMetadata().getLabels().put("tier", "data");
                return pod;
            });
            NetformProcess.Result drift = w.run("plan", "-no-color", "-detailed-exitcode");
            assertThat(drift.exitCode()).as(drift.out() + drift.err()).isEqualTo(2);
            assertThat(drift.out())
                    .contains(POLICY + " will be updated in-place")
                    .contains("module.cluster.nsxt_policy_segment_port.pod[\"team-a/db\"] will be updated in-place");

            kubectl.network()
                    .v1()
                    .networkPolicies()
                    .inNamespace("team-a")
                    .withName("nsx-deny-egress-policy")
                    .delete();
            assertThat(w.ok("plan", "-no-color").out()).contains(POLICY + " will be destroyed");
        }
    }

    @Test
    void anUnreachableOrForbiddingApiServerFailsThePlanAndLeavesStateAlone() throws Exception {
        try (NsxTestBed nsx = NsxTestBed.startWith(root, "kubernetes-driven")) {
            Workspace w = workspace(nsx);
            w.ok("init", "-no-color");
            createNamespace("team-a");
            w.ok("apply", "-auto-approve", "-no-color");
            Path state = nsx.example.resolve("terraform.tfstate");
            byte[] applied = Files.readAllBytes(state);

            cluster.forbidden().forbid("list:pods");
            NetformProcess.Result forbidden = w.run("apply", "-auto-approve", "-no-color");
            assertThat(forbidden.exitCode()).isEqualTo(1);
            assertThat(forbidden.err())
                    .contains("Kubernetes refused to list pods")
                    .contains("User \"kube-sim-admin\" cannot list resource \"pods\"");
            assertThat(Files.readAllBytes(state)).isEqualTo(applied);

            String address = cluster.url().toString();
            cluster.close();
            NetformProcess.Result unreachable = w.run("apply", "-auto-approve", "-no-color");
            assertThat(unreachable.exitCode()).isEqualTo(1);
            assertThat(unreachable.err())
                    .contains("Cannot reach the Kubernetes API server")
                    .contains(address.replaceFirst("^https?://", ""));
            assertThat(Files.readAllBytes(state)).isEqualTo(applied);
            assertThat(nsx.get("/infra/segments/kd-team-a")).isPresent();
        }
    }

    /** The example with the kubeconfig kube-sim wrote. */
    private Workspace workspace(NsxTestBed nsx) {
        return nsx.inProcessWorkspace(Map.of(
                "TF_VAR_kubeconfig", cluster.kubeconfigFile().orElseThrow().toString()));
    }

    private void createNamespace(String name) {
        kubectl.namespaces()
                .resource(new NamespaceBuilder()
                        .withNewMetadata()
                        .withName(name)
                        .endMetadata()
                        .build())
                .create();
    }

    /** Creates the objects of a manifest file, as kubectl apply -f would. */
    private void load(Path manifest) throws IOException {
        try (InputStream in = Files.newInputStream(manifest)) {
            kubectl.load(in).create();
        }
    }
}
