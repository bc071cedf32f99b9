package io.netform.dist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * examples/dev against the standalone NSX simulator over HTTPS: the README's commands (init, apply, a re-plan
 * that finds nothing, destroy) through the real CLI and the real nsxt plugin; updates through a saved plan, drift
 * made behind Netform's back and imports through the CLI run in-process with the nsxt provider over in-process
 * gRPC, against the same simulator.
 */
class DevExampleIT {

    /** Objects the example makes with its three namespaces: 11 for the cluster, 4 per namespace. */
    private static final int OBJECTS = 11 + 3 * 4;

    private static final String NAT_RULE = "/infra/tier-1s/dev-t1/nat/USER/nat-rules/dev-web-snat";

    @TempDir
    Path root;

    @TempDir
    static Path appliedRoot;

    /** examples/dev applied in-process on a simulator of its own, shared by the tests that start from it. */
    private static NsxTestBed applied;

    @AfterAll
    static void closeApplied() {
        if (applied != null) {
            applied.close();
        }
    }

    /**
     * The simulator under examples/dev, applied (on first use) through the CLI run in-process; each test that
     * uses it leaves every object as the configuration says, which its last plan asserts.
     */
    private static NsxTestBed applied() throws Exception {
        if (applied == null) {
            NsxTestBed nsx = NsxTestBed.start(appliedRoot);
            try {
                Workspace w = nsx.inProcessWorkspace();
                w.ok("init", "-no-color");
                w.ok("apply", "-auto-approve", "-no-color");
            } catch (Exception | AssertionError e) {
                nsx.close();
                throw e;
            }
            applied = nsx;
        }
        return applied;
    }

    @Test
    void appliesConvergesGrowsRetagsAndDestroysEverything() throws Exception {
        try (NsxTestBed nsx = NsxTestBed.start(root)) {
            Workspace w = nsx.workspace();
            w.ok("init", "-no-color");
            String applied = w.ok("apply", "-auto-approve", "-no-color").out();
            assertThat(applied)
                    .contains("Apply complete! Resources: " + OBJECTS + " added, 0 changed, 0 destroyed.")
                    .contains("tier1_path = \"/infra/tier-1s/dev-t1\"")
                    .contains("vip = \"192.168.100.");
            assertThat(nsx.ids("/infra/segments"))
                    .containsExactly("dev-default", "dev-kube-system", "dev-nodes", "dev-web");
            JsonNode web = nsx.get("/infra/segments/dev-web").orElseThrow();
            assertThat(web.path("connectivity_path").asText()).isEqualTo("/infra/tier-1s/dev-t1");
            assertThat(web.path("subnets").get(0).path("gateway_address").asText())
                    .isEqualTo("10.244.2.1/24");
            assertThat(tags(web))
                    .containsEntry("ncp/cluster", "dev")
                    .containsEntry("ncp/project", "web")
                    .containsEntry("environment", "dev");
            JsonNode snat = nsx.get(NAT_RULE).orElseThrow();
            assertThat(snat.path("source_network").asText()).isEqualTo("10.244.2.0/24");
            assertThat(applied)
                    .contains("\"web\" = \"" + snat.path("translated_network").asText() + "\"");
            assertNoChanges(w);

            Map<String, String> grownVariables = Map.of(
                    "TF_VAR_namespaces",
                    "{default = 0, kube-system = 1, web = 2, shop = 3}",
                    "TF_VAR_environment",
                    "test");
            // Growing and retagging through a saved plan is not part of the README's commands: run in this JVM.
            Workspace grown = nsx.inProcessWorkspace(grownVariables);
            assertThat(grown.ok("plan", "-no-color", "-out=tfplan").out())
                    .contains("Plan: 4 to add, " + OBJECTS + " to change, 0 to destroy.");
            assertGrownPlanJson(PlanJsonContract.show(grown, "tfplan"));
            assertThat(grown.ok("apply", "-no-color", "tfplan").out())
                    .contains("Apply complete! Resources: 4 added, " + OBJECTS + " changed, 0 destroyed.");
            assertThat(nsx.get("/infra/segments/dev-shop")
                            .orElseThrow()
                            .path("subnets")
                            .get(0)
                            .path("gateway_address")
                            .asText())
                    .isEqualTo("10.244.3.1/24");
            assertThat(tags(nsx.get("/infra/segments/dev-web").orElseThrow())).containsEntry("environment", "test");
            assertThat(tags(nsx.get("/infra/tier-1s/dev-t1").orElseThrow())).containsEntry("environment", "test");
            assertNoChanges(grown);

            assertThat(nsx.workspace(grownVariables)
                            .ok("destroy", "-auto-approve", "-no-color")
                            .out())
                    .contains("Destroy complete! Resources: " + (OBJECTS + 4) + " destroyed.");
            for (String collection : List.of(
                    "/infra/tier-1s",
                    "/infra/segments",
                    "/infra/ip-blocks",
                    "/infra/ip-pools",
                    "/infra/lb-services",
                    "/infra/lb-pools",
                    "/infra/lb-virtual-servers",
                    "/infra/domains/default/groups")) {
                assertThat(nsx.ids(collection)).as(collection).isEmpty();
            }
            assertThat(nsx.ids("/infra/domains/default/security-policies")).containsExactly("default-layer3-section");
        }
    }

    @Test
    void showsObjectsChangedOrDeletedBehindItsBackAndRepairsThem() throws Exception {
        NsxTestBed nsx = applied();
        Workspace w = nsx.inProcessWorkspace();
        nsx.patch("/infra/segments/dev-web", NsxTestBed.object().put("description", "changed by hand"));
        nsx.delete(NAT_RULE);

        NetformProcess.Result plan = w.run("plan", "-detailed-exitcode", "-no-color");
        assertThat(plan.exitCode()).as(plan.out() + plan.err()).isEqualTo(2);
        assertThat(plan.out())
                .contains("module.cluster.nsxt_policy_segment.namespace[\"web\"] will be updated in-place")
                .contains("\"changed by hand\" -> \"Pods of namespace web in Kubernetes cluster dev\"")
                .contains("module.cluster.nsxt_policy_nat_rule.snat[\"web\"] will be created")
                .contains("Plan: 1 to add, 1 to change, 0 to destroy.");

        w.ok("apply", "-auto-approve", "-no-color");
        assertThat(nsx.get("/infra/segments/dev-web")
                        .orElseThrow()
                        .path("description")
                        .asText())
                .isEqualTo("Pods of namespace web in Kubernetes cluster dev");
        assertThat(nsx.get(NAT_RULE)).isPresent();
        assertNoChanges(w);
    }

    @Test
    void objectsForgottenByTheStateAreImportedByIdOrPathAndNotCreatedTwice() throws Exception {
        NsxTestBed nsx = applied();
        Workspace w = nsx.inProcessWorkspace();
        String segment = "module.cluster.nsxt_policy_segment.namespace[\"web\"]";
        String rule = "module.cluster.nsxt_policy_nat_rule.snat[\"web\"]";
        w.ok("state", "rm", segment, rule);

        NetformProcess.Result missing = w.run("import", "-no-color", segment, "/infra/segments/missing");
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).contains("Cannot import non-existent remote object");
        assertThat(w.ok("import", "-no-color", segment, "dev-web").out()).contains("Import successful");
        assertThat(w.ok("import", "-no-color", rule, NAT_RULE).out()).contains("Import successful");

        assertNoChanges(w);
        assertThat(nsx.ids("/infra/segments"))
                .containsExactly("dev-default", "dev-kube-system", "dev-nodes", "dev-web");
    }

    /** The grown plan as JSON: the new namespace's segment is created, with what NSX decides unknown. */
    private static void assertGrownPlanJson(JsonNode plan) {
        JsonNode shop = null;
        for (JsonNode rc : plan.path("resource_changes")) {
            if (rc.path("address").asText().equals("module.cluster.nsxt_policy_segment.namespace[\"shop\"]")) {
                shop = rc;
            }
        }
        assertThat(shop).as("the shop namespace's segment is planned").isNotNull();
        assertThat(shop.path("module_address").asText()).isEqualTo("module.cluster");
        assertThat(shop.path("change").path("actions").toString()).isEqualTo("[\"create\"]");
        assertThat(shop.path("change").path("after").path("display_name").asText())
                .isEqualTo("dev-shop");
        assertThat(ResourceChangeContract.hasTrue(shop.path("change").path("after_unknown")))
                .isTrue();
        assertThat(plan.path("variables").path("environment").path("value").asText())
                .isEqualTo("test");
    }

    static void assertNoChanges(Workspace w) throws Exception {
        assertNoChanges(w, "-detailed-exitcode");
    }

    /** As {@link #assertNoChanges(Workspace)}, and the plan saved and shown as JSON changes nothing either. */
    static void assertNoChangesInPlanJson(Workspace w) throws Exception {
        assertNoChanges(w, "-detailed-exitcode", "-out=tfplan");
        JsonNode plan = PlanJsonContract.show(w, "tfplan");
        assertThat(plan.path("applyable").asBoolean()).isFalse();
        assertThat(plan.path("resource_changes"))
                .isNotEmpty()
                .allMatch(rc -> rc.path("change").path("actions").toString().equals("[\"no-op\"]"));
    }

    private static void assertNoChanges(Workspace w, String... flags) throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of("plan", "-no-color"));
        args.addAll(List.of(flags));
        NetformProcess.Result plan = w.run(args.toArray(String[]::new));
        assertThat(plan.exitCode()).as(plan.out() + plan.err()).isZero();
        assertThat(plan.out()).contains("No changes.");
    }

    static Map<String, String> tags(JsonNode object) {
        Map<String, String> tags = new java.util.TreeMap<>();
        object.path("tags")
                .forEach(t -> tags.put(t.path("scope").asText(), t.path("tag").asText()));
        return tags;
    }
}
