package io.netform.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every NetworkPolicy rule of the Kubernetes documentation through the CLI run in-process and the
 * nsxt provider with its embedded NSX simulator: the configuration network-policy-matrix (in this
 * module's test resources) has one scenario per rule in its own cluster, traces every pod pair on
 * the ports involved and checks each verdict against Kubernetes' semantics. Its second revision
 * changes a policy, relabels a pod and deletes a policy, and the matrix is checked again by the
 * apply and by the plan after it. Embedded, as the same simulator's Policy API answers without HTTPS
 * between them: over HTTPS the provider keeps to NSX Manager's 100 calls a second per client, and each
 * pass's thousand-odd traceflow calls would spend ten seconds waiting on that limit.
 */
class NetworkPolicyMatrixIT {

    /** The scenarios, the one whose policy the update deletes first. */
    private static final List<String> SCENARIOS = List.of(
            "additive-union",
            "default-deny-ingress",
            "default-deny-egress",
            "policy-types-default",
            "empty-absent-selectors",
            "label-expressions",
            "and-or-peers",
            "egress-and-ingress",
            "named-port",
            "port-range",
            "ip-block-except");
    /** The tier-1, the segment, 39 pods and 19 policies. */
    private static final int OBJECTS = 1 + 1 + 39 + 19;

    @TempDir
    Path root;

    @Test
    void everyScenariosReachabilityMatrixIsKubernetesBeforeAndAfterTheUpdates() throws Exception {
        Path matrix = root.resolve("network-policy-matrix");
        NsxTestBed.copyTree(NsxTestBed.repository().resolve("dist/src/test/resources/network-policy-matrix"), matrix);
        Workspace w = Workspace.inProcess(matrix, Map.of("TF_VAR_nsx_manager", "embedded"));
        w.ok("init", "-no-color");

        NetformProcess.Result applied = w.ok("apply", "-auto-approve", "-no-color");
        assertThat(applied.out()).contains("Apply complete! Resources: " + OBJECTS + " added, 0 changed, 0 destroyed.");
        assertEveryCheckPassed(applied);

        NetformProcess.Result updated = w.ok("apply", "-auto-approve", "-no-color", "-var", "updated=true");
        assertThat(updated.out())
                .contains(
                        "module.scenario[\"default-deny-egress\"].nsxt_k8s_network_policy.policy[\"default-deny-egress\"]"
                                + " will be updated in-place")
                .contains("module.scenario[\"label-expressions\"].nsxt_policy_segment_port.pod[\"prod/batch\"]"
                        + " will be updated in-place")
                .contains("module.scenario[\"additive-union\"].nsxt_k8s_network_policy.policy[\"db-from-dev\"]"
                        + " will be destroyed")
                .contains("Apply complete! Resources: 0 added, 2 changed, 1 destroyed.");
        // The changed policy and label are traced after the update. A removed instance is destroyed
        // after everything that depends on it (as Terraform orders it), so the traceflows still
        // see the deleted policy; the next plan traces NSX as it is now.
        assertThat(updated.out())
                .contains("Checks: 10 passed, 1 failed.")
                .contains(
                        "module.scenario[\"additive-union\"].check.reachability: failed: additive-union: dev/web -> prod/db"
                                + " TCP/80 should be DROPPED, the traceflow says DELIVERED.");
        for (String scenario : SCENARIOS.subList(1, SCENARIOS.size())) {
            assertThat(updated.out()).contains("module.scenario[\"" + scenario + "\"].check.reachability: passed");
        }
        assertThat(updated.err())
                .contains("Warning: Check block assertion failed")
                .doesNotContain("Error");

        NetformProcess.Result planned = w.ok("plan", "-no-color", "-var", "updated=true", "-out=tfplan");
        assertThat(planned.out()).contains("No changes.");
        assertEveryCheckPassed(planned);
        assertThat(PlanJsonContract.show(w, "tfplan")
                        .path("planned_values")
                        .path("root_module")
                        .path("child_modules"))
                .hasSize(SCENARIOS.size());
    }

    private static void assertEveryCheckPassed(NetformProcess.Result result) {
        assertThat(result.out()).contains("Checks: " + SCENARIOS.size() + " passed, 0 failed.");
        for (String scenario : SCENARIOS) {
            assertThat(result.out()).contains("module.scenario[\"" + scenario + "\"].check.reachability: passed");
        }
        assertThat(result.err()).doesNotContain("Warning").doesNotContain("Error");
    }
}
