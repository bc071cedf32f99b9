package io.netform.nsxsim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netform.nsxsim.model.Json;
import io.netform.nsxsim.store.SeedObjects;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Create, read, list, merge, replace and delete of every managed object type over HTTPS. */
class ObjectCrudTest extends SimulatorTestBase {

    /** One object type: where to create it, with which body, and a field a merge must keep. */
    record Case(String path, String body, String keptField) {
        @Override
        public String toString() {
            return path;
        }
    }

    static Stream<Case> cases() {
        String tz = SeedObjects.OVERLAY_TZ;
        return Stream.of(
                new Case(
                        "/infra/tier-1s/t2",
                        "{\"display_name\":\"t2\",\"tier0_path\":\"/infra/tier-0s/T0\","
                                + "\"route_advertisement_types\":[\"TIER1_CONNECTED\"]}",
                        "tier0_path"),
                new Case(
                        "/infra/tier-1s/t1/locale-services/extra",
                        "{\"display_name\":\"ls\",\"edge_cluster_path\":\"" + SeedObjects.EDGE_CLUSTER + "\"}",
                        "edge_cluster_path"),
                new Case(
                        "/infra/segments/s2",
                        "{\"display_name\":\"s2\",\"transport_zone_path\":\"" + tz + "\","
                                + "\"connectivity_path\":\"/infra/tier-1s/t1\",\"subnets\":[{\"gateway_address\":\"10.1.2.1/24\"}]}",
                        "connectivity_path"),
                new Case(
                        "/infra/tier-1s/t1/segments/fixed",
                        "{\"display_name\":\"fixed\","
                                + "\"subnets\":[{\"gateway_address\":\"10.1.3.1/24\"}],\"transport_zone_path\":\"" + tz
                                + "\"}",
                        "transport_zone_path"),
                new Case(
                        "/infra/segments/web/ports/port1",
                        "{\"display_name\":\"port1\",\"attachment\":{\"id\":\"vif-1\"},"
                                + "\"address_bindings\":[{\"ip_address\":\"10.1.1.10\"}]}",
                        "attachment"),
                new Case("/infra/ip-blocks/b2", "{\"display_name\":\"b2\",\"cidr\":\"10.20.0.0/16\"}", "cidr"),
                new Case("/infra/ip-pools/p2", "{\"display_name\":\"p2\"}", "display_name"),
                new Case(
                        "/infra/ip-pools/p1/ip-subnets/static",
                        "{\"display_name\":\"st\",\"resource_type\":"
                                + "\"IpAddressPoolStaticSubnet\",\"cidr\":\"192.168.5.0/24\",\"gateway_ip\":\"192.168.5.1\","
                                + "\"allocation_ranges\":[{\"start\":\"192.168.5.10\",\"end\":\"192.168.5.20\"}]}",
                        "cidr"),
                new Case("/infra/ip-pools/p1/ip-allocations/a1", "{\"display_name\":\"a1\"}", "display_name"),
                new Case(
                        "/infra/tier-1s/t1/nat/USER/nat-rules/snat1",
                        "{\"display_name\":\"snat\",\"action\":\"SNAT\","
                                + "\"source_network\":\"10.1.1.0/24\",\"translated_network\":\"192.168.0.10\"}",
                        "action"),
                new Case(
                        "/infra/lb-services/lb1",
                        "{\"display_name\":\"lb1\",\"connectivity_path\":\"/infra/tier-1s/t1\","
                                + "\"size\":\"SMALL\"}",
                        "size"),
                new Case(
                        "/infra/lb-pools/pool1",
                        "{\"display_name\":\"pool1\",\"members\":[{\"ip_address\":\"10.1.1.10\","
                                + "\"port\":\"80\"}],\"active_monitor_paths\":[\"/infra/lb-monitor-profiles/default-http-lb-monitor\"]}",
                        "members"),
                new Case(
                        "/infra/lb-virtual-servers/vs1",
                        "{\"display_name\":\"vs1\",\"ip_address\":\"192.168.0.20\","
                                + "\"ports\":[\"80\"],\"lb_service_path\":\"/infra/lb-services/lb0\",\"pool_path\":"
                                + "\"/infra/lb-pools/pool0\",\"application_profile_path\":"
                                + "\"/infra/lb-app-profiles/default-http-lb-app-profile\"}",
                        "pool_path"),
                new Case(
                        "/infra/domains/default/groups/g2",
                        "{\"display_name\":\"g2\",\"expression\":[{\"resource_type\":"
                                + "\"Condition\",\"member_type\":\"SegmentPort\",\"key\":\"Tag\",\"operator\":\"EQUALS\","
                                + "\"value\":\"app|web\"}]}",
                        "display_name"),
                new Case(
                        "/infra/services/svc1",
                        "{\"display_name\":\"svc1\",\"service_entries\":[{\"id\":\"e1\","
                                + "\"resource_type\":\"L4PortSetServiceEntry\",\"l4_protocol\":\"TCP\",\"destination_ports\":"
                                + "[\"8080\"]}]}",
                        "display_name"),
                new Case(
                        "/infra/services/svc0/service-entries/e2",
                        "{\"display_name\":\"e2\",\"resource_type\":"
                                + "\"L4PortSetServiceEntry\",\"l4_protocol\":\"UDP\",\"destination_ports\":[\"53\"]}",
                        "l4_protocol"),
                new Case(
                        "/infra/domains/default/security-policies/sp1",
                        "{\"display_name\":\"sp1\",\"category\":"
                                + "\"Application\",\"rules\":[{\"id\":\"r1\",\"action\":\"ALLOW\",\"source_groups\":"
                                + "[\"/infra/domains/default/groups/g1\"],\"destination_groups\":[\"ANY\"],\"services\":"
                                + "[\"/infra/services/HTTPS\"]}]}",
                        "category"),
                new Case(
                        "/infra/domains/default/security-policies/sp0/rules/r2",
                        "{\"display_name\":\"r2\","
                                + "\"action\":\"DROP\",\"sequence_number\":5,\"source_groups\":[\"ANY\"],"
                                + "\"destination_groups\":[\"/infra/domains/default/groups/g1\"],\"services\":[\"ANY\"]}",
                        "action"));
    }

    @BeforeEach
    void createPrerequisites() {
        patch("/infra/tier-1s/t1", "{\"tier0_path\":\"/infra/tier-0s/T0\"}");
        patch(
                "/infra/tier-1s/t1/locale-services/default",
                "{\"edge_cluster_path\":\"" + SeedObjects.EDGE_CLUSTER + "\"}");
        patch("/infra/segments/web", "{\"transport_zone_path\":\"" + SeedObjects.OVERLAY_TZ + "\"}");
        patch("/infra/ip-blocks/b1", "{\"cidr\":\"10.10.0.0/16\"}");
        patch("/infra/ip-pools/p1", "{}");
        patch(
                "/infra/ip-pools/p1/ip-subnets/bs1",
                "{\"resource_type\":\"IpAddressPoolBlockSubnet\",\"size\":256,"
                        + "\"ip_block_path\":\"/infra/ip-blocks/b1\"}");
        patch("/infra/lb-services/lb0", "{\"connectivity_path\":\"/infra/tier-1s/t1\"}");
        patch("/infra/lb-pools/pool0", "{}");
        patch("/infra/domains/default/groups/g1", "{}");
        patch("/infra/services/svc0", "{}");
        patch("/infra/domains/default/security-policies/sp0", "{\"category\":\"Application\"}");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void patchCreatesAndGetReturnsTheObjectWithSystemFields(Case c) {
        NsxTestClient.Reply created = nsx.patch(c.path(), c.body());
        assertThat(created.status()).isEqualTo(204);

        JsonNode got = nsx.get(c.path()).json();
        String id = c.path().substring(c.path().lastIndexOf('/') + 1);
        assertThat(got.path("id").asText()).isEqualTo(id);
        assertThat(got.path("path").asText()).isEqualTo(c.path());
        assertThat(got.path("relative_path").asText()).isEqualTo(id);
        assertThat(got.path("parent_path").asText()).isEqualTo(parentOf(c.path()));
        assertThat(got.path("_revision").asLong()).isZero();
        assertThat(got.path("unique_id").asText()).isNotBlank();
        assertThat(got.path("_create_user").asText()).isEqualTo("admin");
        assertThat(got.path("marked_for_delete").asBoolean(true)).isFalse();
        assertThat(got.path("resource_type").asText()).isNotBlank();
        assertThat(got.get(c.keptField())).isEqualTo(json(c.body()).get(c.keptField()));

        JsonNode list =
                nsx.get(c.path().substring(0, c.path().lastIndexOf('/'))).json();
        assertThat(list.path("results").findValuesAsText("id")).contains(id);
        assertThat(list.path("result_count").asInt())
                .isEqualTo(list.path("results").size());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void patchMergesPutReplacesAndDeleteRemoves(Case c) {
        patch(c.path(), c.body());
        assertThat(nsx.patch(c.path(), "{\"description\":\"changed\"}").status())
                .isEqualTo(204);
        JsonNode merged = nsx.get(c.path()).json();
        assertThat(merged.path("description").asText()).isEqualTo("changed");
        assertThat(merged.get(c.keptField())).isEqualTo(json(c.body()).get(c.keptField()));
        assertThat(merged.path("_revision").asLong()).isEqualTo(1);

        ObjectNode replacement = json(c.body());
        replacement.put("display_name", "renamed").put("_revision", 1);
        NsxTestClient.Reply put = nsx.put(c.path(), replacement.toString());
        assertThat(put.status()).isEqualTo(200);
        assertThat(put.json().path("display_name").asText()).isEqualTo("renamed");
        assertThat(put.json().has("description")).isFalse();
        assertThat(put.json().path("_revision").asLong()).isEqualTo(2);
        assertThat(put.json().path("unique_id").asText())
                .isEqualTo(merged.path("unique_id").asText());

        assertThat(nsx.delete(c.path()).status()).isEqualTo(204);
        NsxTestClient.Reply gone = nsx.get(c.path());
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.errorCode()).isEqualTo("600");
    }

    private void patch(String path, String body) {
        NsxTestClient.Reply reply = nsx.patch(path, body);
        assertThat(reply.status()).as("PATCH %s: %s", path, reply.json()).isEqualTo(204);
    }

    private static String parentOf(String path) {
        String withoutId = path.substring(0, path.lastIndexOf('/'));
        return withoutId.substring(0, withoutId.lastIndexOf('/'));
    }

    static ObjectNode json(String text) {
        try {
            return (ObjectNode) Json.MAPPER.readTree(text);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
