package io.netform.dist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * examples/network-policy through the CLI run in-process and the nsxt provider against the standalone NSX
 * simulator: the policies apply and every traceflow check passes; a manifest edited to drop its
 * allow rule and a rule changed in NSX by hand are both updated by the next apply, whose checks
 * report the now denied pair as a warning naming the check and the traceflow's verdict; destroy
 * leaves none of the example's objects in NSX.
 */
class NetworkPolicyIT {

    private static final String SECTIONS = "/infra/domains/default/security-policies";
    private static final String DB_RULE = SECTIONS + "/k8s-k1-prod-test-network-policy-allow/rules/ingress-0";
    private static final String WEB_ISOLATION =
            SECTIONS + "/k8s-k1-ops-allow-web-from-shop-isolation/rules/ingress-isolation";
    /** The tier-1, the segment, nine pods and five policies. */
    private static final int OBJECTS = 1 + 1 + 9 + 5;

    @TempDir
    Path root;

    @Test
    void checksPassThenAnEditedPolicyFailsItsCheckDriftIsRepairedAndDestroyEmptiesNsx() throws Exception {
        try (NsxTestBed nsx = NsxTestBed.startWith(root, "network-policy")) {
            Workspace w = nsx.inProcessWorkspace();
            w.ok("init", "-no-color");
            String applied = w.ok("apply", "-auto-approve", "-no-color").out();
            assertThat(applied)
                    .contains("Apply complete! Resources: " + OBJECTS + " added, 0 changed, 0 destroyed.")
                    .contains("Checks: 12 passed, 0 failed.")
                    .contains("check.shop_reaches_ops_web: passed")
                    .contains("check.web_egress_is_denied: passed")
                    .contains("check.dev_reaches_db: passed");
            assertThat(nsx.ids(SECTIONS))
                    .hasSize(1 + 2 * 5)
                    .contains(
                            "k8s-k1-prod-nsx-deny-egress-policy-allow", "k8s-k1-prod-nsx-deny-egress-policy-isolation");

            nsx.patch(DB_RULE, NsxTestBed.object().put("action", "DROP"));
            Files.writeString(w.dir.resolve("policies/allow-web-from-shop.yaml"), """
                    apiVersion: networking.k8s.io/v1
                    kind: NetworkPolicy
                    metadata:
                      name: allow-web-from-shop
                      namespace: ops
                    spec:
                      podSelector:
                        matchLabels:
                          app: web
                      ingress: []
                    """);
            NetformProcess.Result planned = w.ok("plan", "-no-color", "-out=tfplan");
            assertThat(planned.out())
                    .contains("nsxt_k8s_network_policy.policy[\"test-network-policy.yaml\"] will be updated in-place")
                    .containsPattern("~ " + Pattern.quote("\"" + DB_RULE + "\"") + " +=")
                    .contains("nsxt_k8s_network_policy.policy[\"allow-web-from-shop.yaml\"] will be updated in-place");
            JsonNode plan = PlanJsonContract.show(w, "tfplan");
            assertThat(plan.path("resource_drift"))
                    .extracting(rc -> rc.path("address").asText())
                    .containsExactly("nsxt_k8s_network_policy.policy[\"test-network-policy.yaml\"]");
            NetformProcess.Result changed = w.ok("apply", "-no-color", "tfplan");

            assertThat(changed.out())
                    .contains("Apply complete! Resources: 0 added, 2 changed, 0 destroyed.")
                    .contains("Checks: 11 passed, 1 failed.")
                    .contains("check.frontend_reaches_db: passed")
                    .contains("check.shop_reaches_ops_web: failed: prod/client -> ops/web TCP 8080 should be"
                            + " DELIVERED (allow-web-from-shop admits the shop team's namespaces on the named port"
                            + " http); the traceflow says DROPPED (rule " + WEB_ISOLATION + ").");
            assertThat(changed.err())
                    .contains("Warning: Check block assertion failed")
                    .contains("with check.shop_reaches_ops_web")
                    .doesNotContain("Error");
            assertThat(nsx.get(DB_RULE).orElseThrow().path("action").asText()).isEqualTo("ALLOW");

            assertThat(w.ok("destroy", "-auto-approve", "-no-color").out())
                    .contains("Destroy complete! Resources: " + OBJECTS + " destroyed.");
            for (String collection : List.of("/infra/tier-1s", "/infra/segments", "/infra/domains/default/groups")) {
                assertThat(nsx.ids(collection)).as(collection).isEmpty();
            }
            assertThat(nsx.ids(SECTIONS)).containsExactly("default-layer3-section");
        }
    }
}
