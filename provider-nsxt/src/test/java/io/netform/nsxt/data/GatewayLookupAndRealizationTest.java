package io.netform.nsxt.data;

import static org.assertj.core.api.Assertions.assertThat;

import io.netform.nsxt.EmbeddedNsxTest;
import io.netform.provider.Configs;
import io.netform.provider.ProviderHarness;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The tier-1 gateway lookup and realization info through tfplugin6 against the embedded simulator. */
class GatewayLookupAndRealizationTest extends EmbeddedNsxTest {

    private static final String TIER1 = "nsxt_policy_tier1_gateway";
    private static final String REALIZATION = "nsxt_policy_realization_info";
    private static final String EDGE =
            "/infra/sites/default/enforcement-points/default/edge-clusters/" + "8a7d6ac9-4c3e-4d8b-b1b6-5f4e8d1e2c3a";

    @BeforeEach
    void createParents() {
        harness.create(
                TIER1,
                nsx.config(
                        TIER1,
                        Map.of(
                                "display_name",
                                "cluster-a-t1",
                                "nsx_id",
                                "t1a",
                                "tier0_path",
                                "/infra/tier-0s/T0",
                                "edge_cluster_path",
                                EDGE)));
        harness.create(
                TIER1,
                nsx.config(
                        TIER1,
                        Map.of("display_name", "cluster-b-t1", "nsx_id", "t1b", "tier0_path", "/infra/tier-0s/T0")));
    }

    private ProviderHarness.Result read(String type, Map<String, Object> given) {
        return harness.readData(type, Configs.of(nsx.dataSource(type), given));
    }

    @Test
    void aTier1GatewayIsFoundByNameWithItsEdgeCluster() {
        ProviderHarness.Result found = read(TIER1, Map.of("display_name", "cluster-a-t1"));

        assertThat(found.diagnostics()).isEmpty();
        assertThat(found.state().getAttr("id").asString()).isEqualTo("t1a");
        assertThat(found.state().getAttr("path").asString()).isEqualTo("/infra/tier-1s/t1a");
        assertThat(found.state().getAttr("edge_cluster_path").asString()).isEqualTo(EDGE);
    }

    @Test
    void aTier1GatewayIsFoundByIdAndOneWithoutEdgeClusterHasNone() {
        ProviderHarness.Result found = read(TIER1, Map.of("id", "t1b"));

        assertThat(found.diagnostics()).isEmpty();
        assertThat(found.state().getAttr("display_name").asString()).isEqualTo("cluster-b-t1");
        assertThat(found.state().getAttr("edge_cluster_path").isNull()).isTrue();
    }

    @Test
    void aNameThatMatchesTwoGatewaysOrNoneIsAnError() {
        assertThat(read(TIER1, Map.of("display_name", "cluster-")).diagnostics())
                .singleElement()
                .satisfies(d -> assertThat(d.getSummary()).isEqualTo("Found multiple Tier1 objects"));
        assertThat(read(TIER1, Map.of("display_name", "nothing")).diagnostics())
                .singleElement()
                .satisfies(d -> assertThat(d.getDetail()).contains("nothing"));
    }

    @Test
    void theRealizationOfAGatewayIsReportedOnceRealized() {
        ProviderHarness.Result info = read(REALIZATION, Map.of("path", "/infra/tier-1s/t1a"));

        assertThat(info.diagnostics()).isEmpty();
        assertThat(info.state().getAttr("state").asString()).isEqualTo("REALIZED");
        assertThat(info.state().getAttr("entity_type").asString()).isEqualTo("RealizedTier1");
        assertThat(info.state().getAttr("realized_id").asString()).isNotEmpty();
        assertThat(info.state().getAttr("timeout").isNull()).isTrue();
    }

    @Test
    void anEntityTypeNsxNeverRealizesTimesOutNamingThePath() {
        ProviderHarness.Result info = read(
                REALIZATION, Map.of("path", "/infra/tier-1s/t1a", "entity_type", "RealizedLogicalPort", "timeout", 1));

        assertThat(info.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.getSummary()).isEqualTo("Cannot read the realization of /infra/tier-1s/t1a");
            assertThat(d.getDetail()).contains("not realized after 1 s");
        });
    }

    @Test
    void theRealizationOfAMissingObjectFailsWithTheNsxMessage() {
        ProviderHarness.Result info = read(REALIZATION, Map.of("path", "/infra/tier-1s/none"));

        assertThat(info.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.getSummary()).isEqualTo("Cannot read the realization of /infra/tier-1s/none");
            assertThat(d.getDetail()).contains("/infra/tier-1s/none");
        });
    }
}
