package io.netform.nsxsim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.netform.nsxsim.policy.EdgeFabric;
import io.netform.nsxsim.store.SeedObjects;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Tier-1 service routers on the failure-domain-aware edge cluster: placement over the zones,
 * failover when a zone goes down through the fault endpoint, preemption when it returns, and
 * traffic through a gateway whose every edge is down.
 */
class ZoneFailoverTest extends SimulatorTestBase {

    private static final String ADMIN = "/sim/admin/faults";
    private static final String NODE_PORT = "/infra/segments/nodes/ports/node-1";
    private static final String CLIENT_PORT = "/infra/segments/clients/ports/client-1";

    @BeforeEach
    void buildTopology() {
        ok("/infra/tier-1s/client", "{\"tier0_path\":\"/infra/tier-0s/T0\"}");
        segment("clients", "/infra/tier-1s/client", "10.2.0.1/24");
        ok(CLIENT_PORT, "{\"address_bindings\":[{\"ip_address\":\"10.2.0.10\"}]}");
    }

    @Test
    void activeAndStandbyLandInDifferentZonesHonouringTheDomainsPreferences() {
        gateway("t1", "PREEMPTIVE", List.of());
        Map<String, String> zones = zonesByStatus("t1");
        // az-1 prefers active services, az-3 standby ones.
        assertThat(zones).containsEntry("ACTIVE", "az-1").containsEntry("STANDBY", "az-3");
        JsonNode node = nsx.get("/infra/tier-1s/t1/state")
                .json()
                .path("tier1_status")
                .path("per_node_status")
                .get(0);
        assertThat(node.path("edge_path").asText()).startsWith(EdgeFabric.CLUSTER_PATH + "/edge-nodes/");
        assertThat(node.path("transport_node_id").asText()).isNotEmpty();
    }

    @Test
    void preferredEdgePathsDecideThePlacement() {
        gateway("t1", "PREEMPTIVE", List.of(edge("az-2", 0), edge("az-3", 1)));
        assertThat(zonesByStatus("t1")).containsEntry("ACTIVE", "az-2").containsEntry("STANDBY", "az-3");
        NsxTestClient.Reply outside = nsx.patch(
                "/infra/tier-1s/t1/locale-services/default",
                "{\"edge_cluster_path\":\"" + SeedObjects.EDGE_CLUSTER + "\",\"preferred_edge_paths\":[\""
                        + edge("az-1", 0) + "\"]}");
        assertThat(outside.status()).isEqualTo(400);
        assertThat(outside.json().path("error_message").asText()).contains("is not an edge node of the edge cluster");
    }

    @Test
    void aFailedZoneMovesTheContextToItsStandbyAndPreemptionBringsItBack() {
        gateway("preempt", "PREEMPTIVE", List.of());
        gateway("stay", "NON_PREEMPTIVE", List.of());
        assertThat(zonesByStatus("stay")).containsEntry("ACTIVE", "az-1");

        fail("[\"az-1\"]");
        assertThat(zonesByStatus("preempt")).containsEntry("ACTIVE", "az-3").containsEntry("DOWN", "az-1");
        assertThat(zonesByStatus("stay")).containsEntry("ACTIVE", "az-3").containsEntry("DOWN", "az-1");

        fail("[]");
        assertThat(zonesByStatus("preempt")).containsEntry("ACTIVE", "az-1").containsEntry("STANDBY", "az-3");
        assertThat(zonesByStatus("stay")).containsEntry("ACTIVE", "az-3").containsEntry("STANDBY", "az-1");
    }

    @Test
    void trafficKeepsFlowingThroughTheSurvivingEdge() {
        gateway("t1", "PREEMPTIVE", List.of());
        servedSegmentAndLoadBalancer("t1");
        fail("[\"az-1\"]");
        List<JsonNode> snat = trace(NODE_PORT, "10.2.0.10");
        assertThat(last(snat).path("resource_type").asText()).isEqualTo("TraceflowObservationDelivered");
        assertThat(snat)
                .anySatisfy(
                        h -> assertThat(h.path("translated_source_ip").asText()).isEqualTo("192.168.50.1"));
        assertThat(snat)
                .anySatisfy(
                        h -> assertThat(h.path("transport_node_name").asText()).startsWith("edge-az3-"));
        List<JsonNode> vip = trace(CLIENT_PORT, "192.168.60.5");
        assertThat(last(vip).path("component_path").asText()).isEqualTo(NODE_PORT);
        assertThat(vip)
                .anySatisfy(h -> assertThat(h.path("lb_virtual_server_path").asText())
                        .isEqualTo("/infra/lb-virtual-servers/ingress"));
    }

    @Test
    void aGatewayWithEveryEdgeInFailedZonesDropsAndSaysWhy() {
        gateway("t1", "PREEMPTIVE", List.of(edge("az-1", 0), edge("az-2", 0)));
        servedSegmentAndLoadBalancer("t1");
        fail("[\"az-1\",\"az-2\"]");
        assertThat(zonesByStatus("t1")).doesNotContainKeys("ACTIVE", "STANDBY");
        JsonNode drop = last(trace(NODE_PORT, "10.2.0.10"));
        assertThat(drop.path("resource_type").asText()).isEqualTo("TraceflowObservationDroppedLogical");
        assertThat(drop.path("component_sub_type").asText()).isEqualTo("SR");
        assertThat(drop.path("message").asText()).contains("has no edge up", "az-1", "az-2");
        JsonNode toVip = last(trace(CLIENT_PORT, "192.168.60.5"));
        assertThat(toVip.path("resource_type").asText()).isEqualTo("TraceflowObservationDroppedLogical");
        assertThat(toVip.path("component_path").asText()).isEqualTo("/infra/tier-1s/t1");
    }

    @Test
    void seededEdgesJoinTheDefaultOverlayTransportZone() {
        for (EdgeFabric.EdgeNode edge : EdgeFabric.members(EdgeFabric.CLUSTER_PATH)) {
            JsonNode node = nsx.get(edge.path()).json();
            assertThat(node.path("edge_transport_node_path").asText()).isEqualTo(edge.transportNodePath());
            JsonNode transportNode = nsx.get(edge.transportNodePath()).json();
            assertThat(transportNode
                            .path("switch_spec")
                            .path("switches")
                            .path(0)
                            .path("overlay_transport_zone_paths")
                            .toString())
                    .isEqualTo("[\"" + SeedObjects.OVERLAY_TZ + "\"]");
        }
    }

    @Test
    void anActiveEdgeOutsideTheSegmentsTransportZoneDropsUntilAZoneThatJoinsItTakesOver() {
        gateway("t1", "PREEMPTIVE", List.of(edge("az-1", 0), edge("az-3", 0)));
        servedSegmentAndLoadBalancer("t1");
        String az1Edge = EdgeFabric.members(EdgeFabric.CLUSTER_PATH).get(0).transportNodePath();
        ok(
                az1Edge,
                "{\"switch_spec\":{\"switches\":[{\"switch_name\":\"nsxHostSwitch\","
                        + "\"overlay_transport_zone_paths\":[]}]}}");

        JsonNode out = last(trace(NODE_PORT, "10.2.0.10"));
        assertThat(out.path("resource_type").asText()).isEqualTo("TraceflowObservationDroppedLogical");
        assertThat(out.path("component_sub_type").asText()).isEqualTo("SR");
        assertThat(out.path("message").asText())
                .contains("edge edge-az1-a (az-1)", "does not join transport zone " + SeedObjects.OVERLAY_TZ)
                .contains("of segment /infra/segments/nodes");
        JsonNode in = last(trace(CLIENT_PORT, "192.168.60.5"));
        assertThat(in.path("resource_type").asText()).isEqualTo("TraceflowObservationDroppedLogical");
        assertThat(in.path("message").asText()).contains("edge-az1-a", "of segment /infra/segments/nodes");

        fail("[\"az-1\"]");
        assertThat(last(trace(NODE_PORT, "10.2.0.10")).path("resource_type").asText())
                .isEqualTo("TraceflowObservationDelivered");
        assertThat(last(trace(CLIENT_PORT, "192.168.60.5"))
                        .path("component_path")
                        .asText())
                .isEqualTo(NODE_PORT);
    }

    @Test
    void theFaultEndpointRefusesUnknownZonesAndKeepsItsOtherFaults() {
        assertThat(nsx.send("PUT", ADMIN, "{\"failed_failure_domains\":[\"az-9\"]}")
                        .status())
                .isEqualTo(400);
        NsxTestClient.Reply both = nsx.send("PUT", ADMIN, "{\"failed_failure_domains\":[\"az-2\"],\"rate_503\":0}");
        assertThat(both.json().path("failed_failure_domains").toString()).isEqualTo("[\"az-2\"]");
        nsx.send("PUT", ADMIN, "{\"rate_503\":1}");
        assertThat(nsx.get("/infra/tier-0s/T0").status()).isEqualTo(503);
        nsx.send("PUT", ADMIN, "{\"rate_503\":0}");
        assertThat(nsx.send("GET", ADMIN, null)
                        .json()
                        .path("failed_failure_domains")
                        .toString())
                .isEqualTo("[\"az-2\"]");
        JsonNode domains = nsx.send("GET", "/api/v1/failure-domains", null).json();
        assertThat(domains.path("result_count").asInt()).isEqualTo(3);
    }

    private void gateway(String id, String failoverMode, List<String> preferredEdges) {
        String path = "/infra/tier-1s/" + id;
        ok(
                path,
                "{\"tier0_path\":\"/infra/tier-0s/T0\",\"ha_mode\":\"ACTIVE_STANDBY\",\"failover_mode\":\""
                        + failoverMode + "\"}");
        StringBuilder preferred = new StringBuilder();
        for (String edge : preferredEdges) {
            preferred
                    .append(preferred.length() == 0 ? "" : ",")
                    .append('"')
                    .append(edge)
                    .append('"');
        }
        ok(
                path + "/locale-services/default",
                "{\"edge_cluster_path\":\"" + EdgeFabric.CLUSTER_PATH + "\",\"preferred_edge_paths\":[" + preferred
                        + "]}");
    }

    /** A node segment on the gateway with SNAT to 192.168.50.1 and a virtual server 192.168.60.5 onto the node. */
    private void servedSegmentAndLoadBalancer(String gateway) {
        String path = "/infra/tier-1s/" + gateway;
        segment("nodes", path, "10.1.0.1/24");
        ok(NODE_PORT, "{\"address_bindings\":[{\"ip_address\":\"10.1.0.10\"}]}");
        ok(
                path + "/nat/USER/nat-rules/snat",
                "{\"action\":\"SNAT\",\"source_network\":\"10.1.0.0/24\","
                        + "\"translated_network\":\"192.168.50.1\"}");
        ok("/infra/lb-services/lb", "{\"connectivity_path\":\"" + path + "\",\"size\":\"SMALL\"}");
        ok("/infra/lb-pools/nodes", "{\"members\":[{\"ip_address\":\"10.1.0.10\",\"port\":\"30080\"}]}");
        ok(
                "/infra/lb-virtual-servers/ingress",
                "{\"ip_address\":\"192.168.60.5\",\"ports\":[\"80\"],"
                        + "\"lb_service_path\":\"/infra/lb-services/lb\",\"pool_path\":\"/infra/lb-pools/nodes\","
                        + "\"application_profile_path\":\"/infra/lb-app-profiles/default-tcp-lb-app-profile\"}");
    }

    /** The failure domain of the edge per HA status (ACTIVE, STANDBY, DOWN). */
    private Map<String, String> zonesByStatus(String gateway) {
        Map<String, String> zones = new HashMap<>();
        for (JsonNode node : nsx.get("/infra/tier-1s/" + gateway + "/state")
                .json()
                .path("tier1_status")
                .path("per_node_status")) {
            String domain = nsx.send(
                            "GET",
                            "/api/v1/transport-nodes/"
                                    + node.path("transport_node_id").asText(),
                            null)
                    .json()
                    .path("failure_domain_id")
                    .asText();
            zones.put(node.path("high_availability_status").asText(), domain);
        }
        return zones;
    }

    private void fail(String domains) {
        NsxTestClient.Reply reply = nsx.send("PUT", ADMIN, "{\"failed_failure_domains\":" + domains + "}");
        assertThat(reply.status()).as("%s", reply.json()).isEqualTo(200);
    }

    private static String edge(String zone, int index) {
        return EdgeFabric.members(EdgeFabric.CLUSTER_PATH).stream()
                .filter(e -> e.failureDomainId().equals(zone))
                .toList()
                .get(index)
                .path();
    }

    private List<JsonNode> trace(String source, String destination) {
        ok(
                "/infra/traceflows/tf",
                "{\"source_element_path\":\"" + source + "\",\"packet\":{\"resource_type\":\"FieldsPacketData\","
                        + "\"ip_header\":{\"dst_ip\":\"" + destination + "\"},\"transport_header\":"
                        + "{\"tcp_header\":{\"src_port\":40000,\"dst_port\":80}}}}");
        List<JsonNode> hops = new java.util.ArrayList<>();
        nsx.get("/infra/traceflows/tf/observations").json().path("results").forEach(hops::add);
        return hops;
    }

    private static JsonNode last(List<JsonNode> hops) {
        return hops.get(hops.size() - 1);
    }

    private void segment(String id, String gateway, String cidr) {
        ok(
                "/infra/segments/" + id,
                "{\"connectivity_path\":\"" + gateway + "\",\"transport_zone_path\":\"" + SeedObjects.OVERLAY_TZ
                        + "\",\"subnets\":[{\"gateway_address\":\"" + cidr + "\"}]}");
    }

    private void ok(String path, String body) {
        NsxTestClient.Reply reply = nsx.patch(path, body);
        assertThat(reply.status()).as("PATCH %s: %s", path, reply.json()).isEqualTo(204);
    }
}
