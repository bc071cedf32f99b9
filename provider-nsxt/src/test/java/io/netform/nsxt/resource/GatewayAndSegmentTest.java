package io.netform.nsxt.resource;

import static org.assertj.core.api.Assertions.assertThat;

import io.netform.nsxt.EmbeddedNsxTest;
import io.netform.provider.ProviderHarness;
import io.netform.value.Value;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Tier-1 gateways and segments through tfplugin6 against the embedded simulator. */
class GatewayAndSegmentTest extends EmbeddedNsxTest {

    private static final String EDGE =
            "/infra/sites/default/enforcement-points/default/edge-clusters/" + "8a7d6ac9-4c3e-4d8b-b1b6-5f4e8d1e2c3a";

    private Value tier1(Map<String, Object> extra) {
        Map<String, Object> given = new java.util.HashMap<>(Map.of(
                "display_name",
                "t1",
                "nsx_id",
                "t1",
                "tier0_path",
                "/infra/tier-0s/T0",
                "edge_cluster_path",
                EDGE,
                "route_advertisement_types",
                List.of("TIER1_CONNECTED", "TIER1_NAT"),
                "tag",
                List.of(Map.of("scope", "ncp/cluster", "tag", "dev"))));
        given.putAll(extra);
        return nsx.config("nsxt_policy_tier1_gateway", given);
    }

    @Test
    void aTier1GatewayIsCreatedWithItsEdgeClusterAndReadBackUnchanged() {
        Value state = harness.create("nsxt_policy_tier1_gateway", tier1(Map.of()));

        assertThat(state.getAttr("path").asString()).isEqualTo("/infra/tier-1s/t1");
        assertThat(state.getAttr("edge_cluster_path").asString()).isEqualTo(EDGE);
        assertThat(state.getAttr("failover_mode").asString()).isEqualTo("PREEMPTIVE");
        assertThat(state.getAttr("enable_firewall").asBoolean()).isTrue();
        assertThat(state.getAttr("revision").isKnown()).isTrue();
        ProviderHarness.Result read = harness.read("nsxt_policy_tier1_gateway", state);
        assertThat(read.diagnostics()).isEmpty();
        assertThat(read.state()).isEqualTo(state);
    }

    @Test
    void anUpdateChangesTheGatewayInPlaceAndRaisesItsRevision() {
        Value state = harness.create("nsxt_policy_tier1_gateway", tier1(Map.of()));
        Value changed = tier1(Map.of("failover_mode", "NON_PREEMPTIVE", "enable_firewall", false));

        ProviderHarness.Planned plan = harness.plan("nsxt_policy_tier1_gateway", state, changed);
        assertThat(plan.requiresReplace()).isEmpty();
        assertThat(plan.state().getAttr("revision").isKnown()).isFalse();
        ProviderHarness.Result applied = harness.apply("nsxt_policy_tier1_gateway", state, plan.state(), changed);

        assertThat(applied.diagnostics()).isEmpty();
        assertThat(applied.state().getAttr("failover_mode").asString()).isEqualTo("NON_PREEMPTIVE");
        assertThat(applied.state().getAttr("enable_firewall").asBoolean()).isFalse();
        assertThat(applied.state().getAttr("revision").asLong())
                .isGreaterThan(state.getAttr("revision").asLong());
    }

    @Test
    void aSegmentGetsItsNetworkFromTheGatewayAddressAndIsGoneAfterDelete() {
        harness.create("nsxt_policy_tier1_gateway", tier1(Map.of()));
        Value config = nsx.config(
                "nsxt_policy_segment",
                Map.of(
                        "display_name",
                        "web",
                        "connectivity_path",
                        "/infra/tier-1s/t1",
                        "subnet",
                        List.of(Map.of("cidr", "10.10.1.1/24"))));
        Value state = harness.create("nsxt_policy_segment", config);

        assertThat(state.getAttr("subnet").elements().get(0).getAttr("network").asString())
                .isEqualTo("10.10.1.0/24");
        ProviderHarness.Result deleted =
                harness.apply("nsxt_policy_segment", state, Value.nullOf(state.type()), Value.nullOf(state.type()));
        assertThat(deleted.diagnostics()).isEmpty();
        assertThat(harness.read("nsxt_policy_segment", state).state().isNull()).isTrue();
    }

    @Test
    void deletingAGatewayThatASegmentUsesFailsWithTheNsxMessage() {
        Value gateway = harness.create("nsxt_policy_tier1_gateway", tier1(Map.of()));
        harness.create(
                "nsxt_policy_segment",
                nsx.config(
                        "nsxt_policy_segment",
                        Map.of(
                                "display_name",
                                "web",
                                "connectivity_path",
                                "/infra/tier-1s/t1",
                                "subnet",
                                List.of(Map.of("cidr", "10.10.1.1/24")))));

        ProviderHarness.Result deleted = harness.apply(
                "nsxt_policy_tier1_gateway", gateway, Value.nullOf(gateway.type()), Value.nullOf(gateway.type()));

        assertThat(deleted.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.getSummary()).isEqualTo("NSX refused to delete the nsxt_policy_tier1_gateway");
            assertThat(d.getDetail()).contains("500030").contains("/infra/tier-1s/t1");
        });
    }

    @Test
    void aGatewayIsImportedByIdAndByPath() {
        harness.create("nsxt_policy_tier1_gateway", tier1(Map.of()));

        for (String id : List.of("t1", "/infra/tier-1s/t1")) {
            ProviderHarness.Result imported = harness.importState("nsxt_policy_tier1_gateway", id);
            assertThat(imported.diagnostics()).isEmpty();
            Value read =
                    harness.read("nsxt_policy_tier1_gateway", imported.state()).state();
            assertThat(read.getAttr("display_name").asString()).isEqualTo("t1");
            assertThat(read.getAttr("edge_cluster_path").asString()).isEqualTo(EDGE);
        }
    }
}
