package io.netform.nsxt.resource;

import static org.assertj.core.api.Assertions.assertThat;

import io.netform.nsxt.EmbeddedNsxTest;
import io.netform.provider.Configs;
import io.netform.provider.ProviderHarness;
import io.netform.value.Value;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A tier-1 on the simulator's failure-domain-aware edge cluster: the locale_service block with
 * preferred edges, the edge node and edge cluster lookups, and the HA status data source.
 */
class ZonePlacementTest extends EmbeddedNsxTest {

    private static final String TIER1 = "nsxt_policy_tier1_gateway";
    private static final String HA_STATUS = "nsxt_policy_tier1_gateway_ha_status";

    private String clusterPath() {
        ProviderHarness.Result cluster = data("nsxt_policy_edge_cluster", Map.of("display_name", "edge-cluster-az"));
        assertThat(cluster.diagnostics()).isEmpty();
        return cluster.state().getAttr("path").asString();
    }

    private String edge(String cluster, String displayName) {
        ProviderHarness.Result node =
                data("nsxt_policy_edge_node", Map.of("edge_cluster_path", cluster, "display_name", displayName));
        assertThat(node.diagnostics()).isEmpty();
        return node.state().getAttr("path").asString();
    }

    private Value tier1(Map<String, Object> locale) {
        return nsx.config(
                TIER1,
                Map.of(
                        "display_name", "prod-t1",
                        "nsx_id", "prod-t1",
                        "tier0_path", "/infra/tier-0s/T0",
                        "ha_mode", "ACTIVE_STANDBY",
                        "failover_mode", "PREEMPTIVE",
                        "locale_service", List.of(locale)));
    }

    @Test
    void preferredEdgesPlaceTheActiveAndStandbyContextsInTheirZones() {
        String cluster = clusterPath();
        String az2 = edge(cluster, "edge-az2-a");
        String az3 = edge(cluster, "edge-az3-b");
        Value state = harness.create(
                TIER1, tier1(Map.of("edge_cluster_path", cluster, "preferred_edge_paths", List.of(az2, az3))));

        assertThat(state.getAttr("edge_cluster_path").isNull()).isTrue();
        Value locale = state.getAttr("locale_service").elements().get(0);
        assertThat(locale.getAttr("path").asString()).isEqualTo("/infra/tier-1s/prod-t1/locale-services/default");
        assertReadsBackUnchanged(TIER1, state);

        ProviderHarness.Result status = data(HA_STATUS, Map.of("gateway_path", "/infra/tier-1s/prod-t1"));
        assertThat(status.diagnostics()).isEmpty();
        assertThat(status.state().getAttr("active_edge_path").asString()).isEqualTo(az2);
        assertThat(status.state().getAttr("active_failure_domain").asString()).isEqualTo("az-2");
        assertThat(status.state().getAttr("standby_failure_domain").asString()).isEqualTo("az-3");
        assertThat(status.state().getAttr("edge_node").elements())
                .extracting(e -> e.getAttr("high_availability_status").asString())
                .containsExactly("ACTIVE", "STANDBY");
    }

    @Test
    void withoutPreferredEdgesTheClusterSplitsTheContextsOverTwoZones() {
        String cluster = clusterPath();
        Value state = harness.create(TIER1, tier1(Map.of("edge_cluster_path", cluster)));
        Value status = data(
                        HA_STATUS, Map.of("gateway_path", state.getAttr("path").asString()))
                .state();
        assertThat(status.getAttr("active_failure_domain").asString()).isEqualTo("az-1");
        assertThat(status.getAttr("standby_failure_domain").asString()).isEqualTo("az-3");

        // Dropping the preferred edges is an in-place update that NSX sees.
        String az2 = edge(cluster, "edge-az2-b");
        Value withPreference = tier1(Map.of("edge_cluster_path", cluster, "preferred_edge_paths", List.of(az2)));
        ProviderHarness.Result applied = planAndApply(TIER1, state, withPreference);
        assertThat(applied.diagnostics()).isEmpty();
        assertThat(data(HA_STATUS, Map.of("gateway_path", "/infra/tier-1s/prod-t1"))
                        .state()
                        .getAttr("active_edge_path")
                        .asString())
                .isEqualTo(az2);
        ProviderHarness.Result back = planAndApply(TIER1, applied.state(), tier1(Map.of("edge_cluster_path", cluster)));
        assertThat(back.diagnostics()).isEmpty();
        assertThat(nsx.nsx()
                        .get("/infra/tier-1s/prod-t1/locale-services/default")
                        .orElseThrow()
                        .path("preferred_edge_paths"))
                .isEmpty();
    }

    @Test
    void theEdgeClusterListsEachEdgesZoneAndTheOverlayTransportZonesItJoins() {
        String overlay = data(
                        "nsxt_policy_transport_zone", Map.of("is_default", true, "transport_type", "OVERLAY_STANDARD"))
                .state()
                .getAttr("path")
                .asString();
        List<Value> edges = edgeNodes();
        assertThat(edges)
                .extracting(e -> e.getAttr("display_name").asString() + "@"
                        + e.getAttr("failure_domain").asString())
                .containsExactly(
                        "edge-az1-a@az-1",
                        "edge-az1-b@az-1",
                        "edge-az2-a@az-2",
                        "edge-az2-b@az-2",
                        "edge-az3-a@az-3",
                        "edge-az3-b@az-3");
        assertThat(edges)
                .allSatisfy(e -> assertThat(
                                e.getAttr("overlay_transport_zone_paths").elements())
                        .extracting(Value::asString)
                        .containsExactly(overlay));

        // An administrator takes edge-az2-b's switch out of the overlay transport zone.
        String transportNode = nsx.nsx()
                .get(edges.get(3).getAttr("path").asString())
                .orElseThrow()
                .path("edge_transport_node_path")
                .asText();
        com.fasterxml.jackson.databind.node.ObjectNode body = io.netform.nsxt.api.PolicyClient.object();
        body.putObject("switch_spec").putArray("switches").addObject().put("switch_name", "nsxHostSwitch");
        nsx.nsx().patch(transportNode, body);

        assertThat(edgeNodes().get(3).getAttr("overlay_transport_zone_paths").elements())
                .isEmpty();
        assertThat(edgeNodes().get(2).getAttr("overlay_transport_zone_paths").elements())
                .hasSize(1);
    }

    private List<Value> edgeNodes() {
        ProviderHarness.Result cluster = data("nsxt_policy_edge_cluster", Map.of("display_name", "edge-cluster-az"));
        assertThat(cluster.diagnostics()).isEmpty();
        return cluster.state().getAttr("edge_node").elements();
    }

    @Test
    void anEdgeClusterPathBesideALocaleServiceIsRefused() {
        Map<String, Object> given = new java.util.HashMap<>(Map.of(
                "display_name", "t1",
                "edge_cluster_path", "/x",
                "locale_service", List.of(Map.of("edge_cluster_path", "/x"))));
        assertThat(harness.validate(TIER1, nsx.config(TIER1, given)))
                .singleElement()
                .satisfies(d -> assertThat(d.toString()).contains("conflicts with locale_service"));
    }

    @Test
    void anEdgeNodeThatIsNotThereIsAnError() {
        ProviderHarness.Result missing =
                data("nsxt_policy_edge_node", Map.of("edge_cluster_path", clusterPath(), "member_index", 9));
        assertThat(missing.diagnostics())
                .singleElement()
                .satisfies(d -> assertThat(d.toString()).contains("No edge node found"));
    }

    private ProviderHarness.Result data(String type, Map<String, Object> given) {
        return harness.readData(type, Configs.of(nsx.dataSource(type), given));
    }
}
