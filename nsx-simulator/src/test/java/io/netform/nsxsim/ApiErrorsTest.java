package io.netform.nsxsim;

import static org.assertj.core.api.Assertions.assertThat;

import io.netform.nsxsim.store.SeedObjects;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Every refusal NSX makes, with its status, error code and error body. */
class ApiErrorsTest extends SimulatorTestBase {

    private static final String T1 = "/infra/tier-1s/t1";
    private static final String TZ = SeedObjects.OVERLAY_TZ;

    @Test
    void missingObjectIs404WithError600AndTheNsxBody() {
        NsxTestClient.Reply reply = nsx.get("/infra/segments/nope");
        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.json().path("httpStatus").asText()).isEqualTo("NOT_FOUND");
        assertThat(reply.json().path("error_code").asInt()).isEqualTo(600);
        assertThat(reply.json().path("module_name").asText()).isEqualTo("common-services");
        assertThat(reply.json().path("error_message").asText())
                .isEqualTo(
                        "The requested object : /infra/segments/nope could not be found. Object identifiers are case sensitive.");
        assertThat(nsx.delete("/infra/segments/nope").errorCode()).isEqualTo("600");
    }

    @Test
    void referenceToAMissingPathIs400With500012() {
        NsxTestClient.Reply reply = nsx.patch(T1, "{\"tier0_path\":\"/infra/tier-0s/None\"}");
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorCode()).isEqualTo("500012");
        assertThat(reply.json().path("error_message").asText()).isEqualTo("The path=[/infra/tier-0s/None] is invalid");
        assertThat(nsx.get(T1).status()).isEqualTo(404);
    }

    @Test
    void childOfAMissingParentIsRefusedWith500012() {
        NsxTestClient.Reply reply = nsx.patch("/infra/tier-1s/ghost/segments/s", "{}");
        assertThat(reply.errorCode()).isEqualTo("500012");
        assertThat(reply.json().path("error_message").asText()).contains("/infra/tier-1s/ghost");
    }

    @Test
    void tier1WithASegmentCannotBeDeleted() {
        created(T1, "{}");
        created("/infra/segments/web", "{\"connectivity_path\":\"" + T1 + "\",\"transport_zone_path\":\"" + TZ + "\"}");
        NsxTestClient.Reply reply = nsx.delete(T1);
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorCode()).isEqualTo("500030");
        assertThat(reply.json().path("error_message").asText())
                .isEqualTo("The object path=[" + T1
                        + "] cannot be deleted as either it has children or it is being referenced by other objects "
                        + "path=[/infra/segments/web]");
        assertThat(nsx.delete("/infra/segments/web").status()).isEqualTo(204);
        assertThat(nsx.delete(T1).status()).isEqualTo(204);
    }

    @Test
    void tier1WithChildSegmentNatRuleOrLbServiceCannotBeDeletedButLocaleServicesGoWithIt() {
        created(T1, "{}");
        created(T1 + "/locale-services/default", "{\"edge_cluster_path\":\"" + SeedObjects.EDGE_CLUSTER + "\"}");
        created(T1 + "/segments/fixed", "{}");
        assertThat(nsx.delete(T1).errorCode()).isEqualTo("500030");
        nsx.delete(T1 + "/segments/fixed");
        created(T1 + "/nat/USER/nat-rules/r", "{\"action\":\"SNAT\",\"translated_network\":\"1.2.3.4\"}");
        assertThat(nsx.delete(T1).json().path("error_message").asText()).contains(T1 + "/nat/USER/nat-rules/r");
        nsx.delete(T1 + "/nat/USER/nat-rules/r");
        created("/infra/lb-services/lb", "{\"connectivity_path\":\"" + T1 + "\"}");
        assertThat(nsx.delete(T1).errorCode()).isEqualTo("500030");
        nsx.delete("/infra/lb-services/lb");
        assertThat(nsx.delete(T1).status()).isEqualTo(204);
        assertThat(nsx.get(T1 + "/locale-services/default").status()).isEqualTo(404);
    }

    @Test
    void groupUsedByARuleOrAnLbPoolAndServiceUsedByARuleCannotBeDeleted() {
        String group = "/infra/domains/default/groups/g";
        created(group, "{}");
        created("/infra/services/svc", "{}");
        created(
                "/infra/domains/default/security-policies/p",
                "{\"category\":\"Application\",\"rules\":[{\"id\":\"r\"," + "\"source_groups\":[\"" + group
                        + "\"],\"services\":[\"/infra/services/svc\"]}]}");
        assertThat(nsx.delete(group + "?force=true&fail_if_subtree_exists=false")
                        .errorCode())
                .isEqualTo("500030");
        assertThat(nsx.delete("/infra/services/svc").errorCode()).isEqualTo("500030");
        assertThat(nsx.delete("/infra/domains/default/security-policies/p").status())
                .isEqualTo(204);
        created("/infra/lb-pools/pool", "{\"member_group\":{\"group_path\":\"" + group + "\"}}");
        assertThat(nsx.delete(group).errorCode()).isEqualTo("500030");
        nsx.delete("/infra/lb-pools/pool");
        assertThat(nsx.delete(group).status()).isEqualTo(204);
        assertThat(nsx.delete("/infra/services/svc").status()).isEqualTo(204);
    }

    @Test
    void ipBlockWithSubnetsCannotBeDeleted() {
        created("/infra/ip-blocks/b", "{\"cidr\":\"10.0.0.0/16\"}");
        created("/infra/ip-pools/p", "{}");
        created(
                "/infra/ip-pools/p/ip-subnets/s",
                "{\"resource_type\":\"IpAddressPoolBlockSubnet\",\"size\":16,"
                        + "\"ip_block_path\":\"/infra/ip-blocks/b\"}");
        assertThat(nsx.delete("/infra/ip-blocks/b").errorCode()).isEqualTo("500030");
        assertThat(nsx.delete("/infra/ip-pools/p").errorCode()).isEqualTo("500030");
    }

    @Test
    void lbPoolUsedByAVirtualServerNeedsForce() {
        created("/infra/lb-pools/pool", "{}");
        created(
                "/infra/lb-virtual-servers/vs",
                "{\"pool_path\":\"/infra/lb-pools/pool\",\"application_profile_path\":"
                        + "\"/infra/lb-app-profiles/default-tcp-lb-app-profile\",\"ports\":[\"80\"],\"ip_address\":\"1.1.1.1\"}");
        assertThat(nsx.delete("/infra/lb-pools/pool").errorCode()).isEqualTo("500030");
        assertThat(nsx.delete("/infra/lb-pools/pool?force=true").status()).isEqualTo(204);
    }

    @Test
    void segmentWithPortsIsRefusedWith503040UnlessCascade() {
        created("/infra/segments/web", "{\"transport_zone_path\":\"" + TZ + "\"}");
        created("/infra/segments/web/ports/p1", "{\"attachment\":{\"id\":\"vif\"}}");
        NsxTestClient.Reply reply = nsx.delete("/infra/segments/web");
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorCode()).isEqualTo("503040");
        assertThat(nsx.delete("/infra/segments/web?cascade=true").status()).isEqualTo(204);
        assertThat(nsx.get("/infra/segments/web/ports/p1").status()).isEqualTo(404);
    }

    @Test
    void putWithAStaleOrMissingRevisionIsAConflict() {
        created("/infra/ip-blocks/b", "{\"cidr\":\"10.0.0.0/16\"}");
        nsx.patch("/infra/ip-blocks/b", "{\"description\":\"second write\"}");
        NsxTestClient.Reply stale = nsx.put("/infra/ip-blocks/b", "{\"cidr\":\"10.1.0.0/16\",\"_revision\":0}");
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.json().path("httpStatus").asText()).isEqualTo("CONFLICT");
        assertThat(stale.json().path("error_message").asText()).contains("modified by somebody else");
        assertThat(nsx.put("/infra/ip-blocks/b", "{\"cidr\":\"10.1.0.0/16\"}").status())
                .isEqualTo(409);
        assertThat(nsx.patch("/infra/ip-blocks/b", "{\"_revision\":7}").status())
                .isEqualTo(409);
        assertThat(nsx.get("/infra/ip-blocks/b").json().path("cidr").asText()).isEqualTo("10.0.0.0/16");
        assertThat(nsx.put("/infra/ip-blocks/b", "{\"cidr\":\"10.1.0.0/16\",\"_revision\":1}")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void unknownPropertyIsRefusedWith287() {
        NsxTestClient.Reply reply = nsx.patch(T1, "{\"pool_allocations\":\"ROUTING\"}");
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorCode()).isEqualTo("287");
        assertThat(reply.json().path("error_message").asText()).contains("property pool_allocations is unrecognized");
    }

    @Test
    void malformedRequestsGetNsxStyle400s() {
        assertThat(nsx.patch(T1, "{\"display_name\": ").status()).isEqualTo(400);
        assertThat(nsx.patch(T1, "[1,2]").errorCode()).isEqualTo("287");
        assertThat(nsx.send("PATCH", "/policy/api/v1" + T1, null).errorCode()).isEqualTo("287");
        assertThat(nsx.patch(T1, "{\"a\":1} trailing").status()).isEqualTo(400);
        assertThat(nsx.get("/infra/segments?page_size=abc").status()).isEqualTo(400);
        assertThat(nsx.patch("/infra/segments/s", "{\"resource_type\":\"Tier1\"}")
                        .status())
                .isEqualTo(400);
        assertThat(nsx.patch("/infra/segments/s", "{\"id\":\"other\"}").status())
                .isEqualTo(400);
        assertThat(nsx.patch("/infra/segments/a&b", "{}").status()).isEqualTo(400);
        assertThat(nsx.patch("/infra/segments/s", "{\"subnets\":[{\"gateway_address\":\"10.0.0.300/24\"}]}")
                        .status())
                .isEqualTo(400);
        assertThat(nsx.send("POST", "/policy/api/v1/infra/segments", "{}").status())
                .isEqualTo(405);
        assertThat(nsx.get("/infra/no-such-things").status()).isEqualTo(404);
        assertThat(nsx.get("/infra/segments/s").status()).isEqualTo(404);
    }

    @Test
    void atMostThirtyTagsPerObject() {
        String thirty = IntStream.range(0, 30)
                .mapToObj(i -> "{\"scope\":\"s" + i + "\",\"tag\":\"t\"}")
                .collect(Collectors.joining(",", "[", "]"));
        String thirtyOne = thirty.replace("]", ",{\"scope\":\"extra\",\"tag\":\"t\"}]");
        assertThat(nsx.patch(T1, "{\"tags\":" + thirty + "}").status()).isEqualTo(204);
        NsxTestClient.Reply reply = nsx.patch(T1, "{\"tags\":" + thirtyOne + "}");
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().path("error_message").asText()).contains("31 tags");
        assertThat(nsx.get(T1).json().path("tags").size()).isEqualTo(30);
    }

    @Test
    void theExcludeListCanBeChangedButNotDeleted() {
        String list = SeedObjects.EXCLUDE_LIST;
        created("/infra/domains/default/groups/g", "{}");
        created(list, "{\"members\":[\"/infra/domains/default/groups/g\"]}");
        assertThat(nsx.get(list).json().path("members").get(0).asText()).isEqualTo("/infra/domains/default/groups/g");
        assertThat(nsx.delete("/infra/domains/default/groups/g").errorCode()).isEqualTo("500030");
        assertThat(nsx.patch(list, "{\"members\":[\"/infra/segments/none\"]}").errorCode())
                .isEqualTo("500012");
        assertThat(nsx.delete(list).status()).isEqualTo(405);
    }

    private void created(String path, String body) {
        NsxTestClient.Reply reply = nsx.patch(path, body);
        assertThat(reply.status()).as("PATCH %s: %s", path, reply.json()).isEqualTo(204);
    }
}
