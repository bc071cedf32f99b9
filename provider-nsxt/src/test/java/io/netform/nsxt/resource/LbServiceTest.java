package io.netform.nsxt.resource;

import static org.assertj.core.api.Assertions.assertThat;

import io.netform.nsxt.EmbeddedNsxTest;
import io.netform.provider.ProviderHarness;
import io.netform.value.Value;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Load balancer services through tfplugin6 against the embedded simulator. */
class LbServiceTest extends EmbeddedNsxTest {

    static final String EDGE =
            "/infra/sites/default/enforcement-points/default/edge-clusters/" + "8a7d6ac9-4c3e-4d8b-b1b6-5f4e8d1e2c3a";

    private Value gateway;

    @BeforeEach
    void start() {
        gateway = harness.create(
                "nsxt_policy_tier1_gateway",
                nsx.config(
                        "nsxt_policy_tier1_gateway",
                        Map.of(
                                "display_name",
                                "t1",
                                "nsx_id",
                                "t1",
                                "tier0_path",
                                "/infra/tier-0s/T0",
                                "edge_cluster_path",
                                EDGE,
                                "pool_allocation",
                                "LB_SMALL")));
    }

    private Value service(Map<String, Object> extra) {
        Map<String, Object> given = new HashMap<>(Map.of(
                "display_name",
                "lb",
                "nsx_id",
                "lb",
                "connectivity_path",
                "/infra/tier-1s/t1",
                "tag",
                List.of(Map.of("scope", "ncp/cluster", "tag", "dev"))));
        given.putAll(extra);
        return nsx.config("nsxt_policy_lb_service", given);
    }

    @Test
    void aServiceTakesTerraformsDefaultsAndReadsBackUnchanged() {
        Value state = harness.create("nsxt_policy_lb_service", service(Map.of()));

        assertThat(state.getAttr("path").asString()).isEqualTo("/infra/lb-services/lb");
        assertThat(state.getAttr("size").asString()).isEqualTo("SMALL");
        assertThat(state.getAttr("enabled").asBoolean()).isTrue();
        assertThat(state.getAttr("error_log_level").asString()).isEqualTo("INFO");
        assertThat(state.getAttr("connectivity_path").asString()).isEqualTo("/infra/tier-1s/t1");
        assertReadsBackUnchanged("nsxt_policy_lb_service", state);
    }

    @Test
    void sizeAndLogLevelChangeInPlace() {
        Value state = harness.create("nsxt_policy_lb_service", service(Map.of()));
        Value changed = service(Map.of("size", "MEDIUM", "error_log_level", "WARNING", "enabled", false));

        ProviderHarness.Result applied = applyInPlace("nsxt_policy_lb_service", state, changed);

        assertThat(applied.diagnostics()).isEmpty();
        assertThat(applied.state().getAttr("size").asString()).isEqualTo("MEDIUM");
        assertThat(applied.state().getAttr("error_log_level").asString()).isEqualTo("WARNING");
        assertThat(applied.state().getAttr("enabled").asBoolean()).isFalse();
        assertReadsBackUnchanged("nsxt_policy_lb_service", applied.state());
    }

    @Test
    void aDeletedServiceIsGoneAndItsGatewayCanGoToo() {
        Value state = harness.create("nsxt_policy_lb_service", service(Map.of()));

        assertDeletedAndGone("nsxt_policy_lb_service", state);
        assertDeletedAndGone("nsxt_policy_tier1_gateway", gateway);
    }

    @Test
    void anUnknownSizeIsRefusedWithTheNsxMessage() {
        assertCreateRefused("nsxt_policy_lb_service", service(Map.of("size", "HUGE")), "size", "HUGE");
    }

    @Test
    void aServiceIsImportedByIdAndByPath() {
        Value created = harness.create("nsxt_policy_lb_service", service(Map.of()));

        for (String id : List.of("lb", "/infra/lb-services/lb")) {
            assertThat(importAndRead("nsxt_policy_lb_service", id)).isEqualTo(created);
        }
    }
}
