package io.netform.dist;

import static org.assertj.core.api.Assertions.assertThat;

import io.netform.kubesim.KubeSimulator;
import io.netform.kubesim.KubeSimulatorConfig;
import io.netform.kubesim.Kubectl;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * examples/kubernetes-driven the way its README runs it: the cluster is kube-sim (in the test JVM,
 * its kubeconfig in a temporary data directory) edited with the real {@code kubectl}, and the CLI
 * runs in-process (the drift check as a real process) against the standalone NSX simulator. A namespace created with kubectl is a
 * segment created, a NetworkPolicy applied with kubectl drops the traffic it denies, a label set
 * with kubectl is drift, and a namespace deleted with kubectl is a segment destroyed.
 */
class KubectlDrivenIT {

    private static final String NETWORK = "module.cluster.module.network.";
    private static final String POLICY =
            "module.cluster.nsxt_k8s_network_policy.policy[\"team-a/nsx-deny-egress-policy\"]";

    @TempDir
    Path root;

    private KubeSimulator cluster;
    private Kubectl kubectl;

    @BeforeAll
    static void kubectlIsInstalled() {
        Kubectl.requireInstalled();
    }

    @BeforeEach
    void startCluster() {
        cluster = KubeSimulator.start(KubeSimulatorConfig.defaults().withDataDirectory(root.resolve("kube-sim")));
        kubectl = new Kubectl(cluster.kubeconfigFile().orElseThrow(), root);
    }

    @AfterEach
    void stopCluster() {
        cluster.close();
    }

    @Test
    void namespacesPoliciesAndLabelsEditedWithKubectlDriveNsx() throws Exception {
        try (NsxTestBed nsx = NsxTestBed.startWith(root, "kubernetes-driven")) {
            Map<String, String> env = Map.of(
                    "TF_VAR_kubeconfig", cluster.kubeconfigFile().orElseThrow().toString());
            Workspace w = nsx.inProcessWorkspace(env);
            w.ok("init", "-no-color");

            kubectl.ok("create", "namespace", "team-a");
            assertThat(w.ok("plan", "-no-color").out())
                    .contains(NETWORK + "nsxt_policy_segment.namespace[\"team-a\"] will be created")
                    .contains(NETWORK + "nsxt_policy_ip_address_allocation.snat[\"team-a\"] will be created")
                    .contains(NETWORK + "nsxt_policy_nat_rule.snat[\"team-a\"] will be created")
                    .contains(NETWORK + "nsxt_policy_group.namespace[\"team-a\"] will be created");

            kubectl.ok("apply", "-f", nsx.example.resolve("pods.yaml").toString());
            assertThat(w.ok("apply", "-auto-approve", "-no-color").out())
                    .contains("check.web_egress_follows_the_cluster: passed")
                    .contains("\"team-a/web -> team-a/db\" = \"DELIVERED\"");

            assertThat(kubectl.ok(
                            "apply",
                            "-f",
                            nsx.example.resolve("nsx-deny-egress-policy.yaml").toString()))
                    .contains("nsx-deny-egress-policy created");
            assertThat(w.ok("apply", "-auto-approve", "-no-color").out())
                    .contains(POLICY + ": Creation complete")
                    .contains("check.web_egress_follows_the_cluster: passed")
                    .contains("\"team-a/web -> team-a/db\" = \"DROPPED\"");
            assertThat(nsx.ids("/infra/domains/default/security-policies"))
                    .contains("k8s-kd-team-a-nsx-deny-egress-policy-isolation");
            assertThat(w.run("plan", "-detailed-exitcode").exitCode()).isZero();

            kubectl.ok("label", "namespace", "team-a", "env=prod", "--overwrite");
            // the drift signal a scheduled job reads is the real CLI process's exit code
            NetformProcess.Result drift = nsx.workspace(env).run("plan", "-no-color", "-detailed-exitcode");
            assertThat(drift.exitCode()).as(drift.out() + drift.err()).isEqualTo(2);
            assertThat(drift.out()).contains(POLICY + " will be updated in-place");

            assertThat(kubectl.ok("delete", "namespace", "team-a")).contains("namespace \"team-a\" deleted");
            assertThat(w.ok("plan", "-no-color").out())
                    .contains(NETWORK + "nsxt_policy_segment.namespace[\"team-a\"] will be destroyed")
                    .contains(NETWORK + "nsxt_policy_nat_rule.snat[\"team-a\"] will be destroyed")
                    .contains(NETWORK + "nsxt_policy_group.namespace[\"team-a\"] will be destroyed")
                    .contains(POLICY + " will be destroyed");
        }
    }
}
