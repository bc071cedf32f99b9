package io.netform.nsxsim;

import static org.assertj.core.api.Assertions.assertThat;

import io.netform.nsxsim.store.SeedObjects;
import org.junit.jupiter.api.Test;

/** {@code PATCH /infra} with Child wrappers, deletion by marked_for_delete, references, all or nothing. */
class HierarchicalPatchTest extends SimulatorTestBase {

    private static final String GATEWAY_WITH_SEGMENT = "{\"resource_type\":\"Infra\",\"children\":["
            + "{\"resource_type\":\"ChildTier1\",\"Tier1\":{\"id\":\"t1\",\"resource_type\":\"Tier1\","
            + "\"tier0_path\":\"/infra/tier-0s/T0\",\"children\":[{\"resource_type\":\"ChildLocaleServices\","
            + "\"LocaleServices\":{\"id\":\"default\",\"resource_type\":\"LocaleServices\",\"edge_cluster_path\":\""
            + SeedObjects.EDGE_CLUSTER + "\"}}]}},"
            + "{\"resource_type\":\"ChildSegment\",\"Segment\":{\"id\":\"web\",\"resource_type\":\"Segment\","
            + "\"connectivity_path\":\"/infra/tier-1s/t1\",\"subnets\":[{\"gateway_address\":\"10.2.0.1/24\"}]}}]}";

    @Test
    void createsATreeOfObjectsInOneCall() {
        assertThat(nsx.patch("/infra", GATEWAY_WITH_SEGMENT).status()).isEqualTo(204);
        assertThat(nsx.get("/infra/tier-1s/t1/locale-services/default")
                        .json()
                        .path("edge_cluster_path")
                        .asText())
                .isEqualTo(SeedObjects.EDGE_CLUSTER);
        assertThat(nsx.get("/infra/segments/web")
                        .json()
                        .path("subnets")
                        .get(0)
                        .path("network")
                        .asText())
                .isEqualTo("10.2.0.0/24");
    }

    @Test
    void markedForDeleteDeletesAndReferencesReachIntoExistingParents() {
        nsx.patch("/infra", GATEWAY_WITH_SEGMENT);
        String policy = "{\"resource_type\":\"Infra\",\"children\":[{\"resource_type\":\"ChildResourceReference\","
                + "\"id\":\"default\",\"target_type\":\"Domain\",\"children\":["
                + "{\"resource_type\":\"ChildGroup\",\"Group\":{\"id\":\"web\",\"resource_type\":\"Group\"}},"
                + "{\"resource_type\":\"ChildSecurityPolicy\",\"SecurityPolicy\":{\"id\":\"p\",\"resource_type\":"
                + "\"SecurityPolicy\",\"category\":\"Application\",\"children\":[{\"resource_type\":\"ChildRule\","
                + "\"Rule\":{\"id\":\"allow-web\",\"resource_type\":\"Rule\",\"action\":\"ALLOW\",\"sequence_number\":1,"
                + "\"destination_groups\":[\"/infra/domains/default/groups/web\"]}}]}}]}]}";
        assertThat(nsx.patch("/infra", policy).status()).isEqualTo(204);
        assertThat(nsx.get("/infra/domains/default/security-policies/p")
                        .json()
                        .path("rules")
                        .get(0)
                        .path("id")
                        .asText())
                .isEqualTo("allow-web");
        assertThat(nsx.get("/infra/domains/default/security-policies/p/rules/allow-web")
                        .json()
                        .path("rule_id")
                        .asLong())
                .isPositive();

        String deleteBoth = "{\"resource_type\":\"Infra\",\"children\":["
                + "{\"resource_type\":\"ChildSegment\",\"marked_for_delete\":true,\"Segment\":{\"id\":\"web\"}},"
                + "{\"resource_type\":\"ChildTier1\",\"marked_for_delete\":true,\"Tier1\":{\"id\":\"t1\"}}]}";
        assertThat(nsx.patch("/infra", deleteBoth).status()).isEqualTo(204);
        assertThat(nsx.get("/infra/segments/web").status()).isEqualTo(404);
        assertThat(nsx.get("/infra/tier-1s/t1").status()).isEqualTo(404);
    }

    @Test
    void aFailureAnywhereLeavesNothingChanged() {
        String broken = GATEWAY_WITH_SEGMENT.replace(
                "]}}]}",
                "]}},{\"resource_type\":\"ChildSegment\",\"Segment\":"
                        + "{\"id\":\"bad\",\"connectivity_path\":\"/infra/tier-1s/missing\"}}]}");
        NsxTestClient.Reply reply = nsx.patch("/infra", broken);
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorCode()).isEqualTo("500012");
        assertThat(reply.json().path("error_message").asText()).contains("children[2]", "/infra/tier-1s/missing");
        assertThat(reply.json().path("related_errors").get(0).path("error_code").asInt())
                .isEqualTo(500012);
        assertThat(nsx.get("/infra/tier-1s/t1").status()).isEqualTo(404);
        assertThat(nsx.get("/infra/segments/web").status()).isEqualTo(404);
    }

    @Test
    void deletingSomethingStillReferencedFailsTheWholeCall() {
        nsx.patch("/infra", GATEWAY_WITH_SEGMENT);
        String deleteGatewayOnly = "{\"resource_type\":\"Infra\",\"children\":[{\"resource_type\":\"ChildSegment\","
                + "\"Segment\":{\"id\":\"other\"}},{\"resource_type\":\"ChildTier1\",\"marked_for_delete\":true,"
                + "\"Tier1\":{\"id\":\"t1\"}}]}";
        assertThat(nsx.patch("/infra", deleteGatewayOnly).errorCode()).isEqualTo("500030");
        assertThat(nsx.get("/infra/segments/other").status()).isEqualTo(404);
    }

    @Test
    void revisionsAreCheckedOnlyWhenEnforced() {
        nsx.patch("/infra", GATEWAY_WITH_SEGMENT);
        String stale = "{\"resource_type\":\"Infra\",\"children\":[{\"resource_type\":\"ChildTier1\",\"Tier1\":"
                + "{\"id\":\"t1\",\"_revision\":5,\"description\":\"x\"}}]}";
        assertThat(nsx.send("PATCH", "/policy/api/v1/infra?enforce_revision_check=true", stale)
                        .status())
                .isEqualTo(409);
        assertThat(nsx.patch("/infra", stale).status()).isEqualTo(204);
        assertThat(nsx.get("/infra/tier-1s/t1").json().path("description").asText())
                .isEqualTo("x");
    }

    @Test
    void wrappersThatDoNotFitAreRefused() {
        assertThat(nsx.patch("/infra", "{\"children\":[{\"resource_type\":\"ChildRule\",\"Rule\":{\"id\":\"r\"}}]}")
                        .status())
                .isEqualTo(400);
        assertThat(nsx.patch("/infra", "{\"children\":[{\"resource_type\":\"ChildTier1\"}]}")
                        .status())
                .isEqualTo(400);
        assertThat(nsx.patch("/infra", "{\"resource_type\":\"Tier1\"}").status())
                .isEqualTo(400);
    }
}
