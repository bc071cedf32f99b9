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

/** Segment ports through tfplugin6 against the embedded simulator. */
class SegmentPortTest extends EmbeddedNsxTest {

    private static final String PORT = "nsxt_policy_segment_port";

    private Value segment;

    @BeforeEach
    void createParents() {
        segment = harness.create(
                "nsxt_policy_segment",
                nsx.config(
                        "nsxt_policy_segment",
                        Map.of(
                                "display_name",
                                "web",
                                "nsx_id",
                                "web",
                                "subnet",
                                List.of(Map.of("cidr", "10.10.1.1/24")))));
    }

    private Value port(Map<String, Object> extra) {
        Map<String, Object> given = new HashMap<>(Map.of(
                "display_name",
                "vm-1",
                "nsx_id",
                "vm-1",
                "segment_path",
                "/infra/segments/web",
                "tag",
                List.of(Map.of("scope", "app", "tag", "web")),
                "address_binding",
                List.of(Map.of("ip_address", "10.10.1.10", "mac_address", "00:50:56:00:00:01"))));
        given.putAll(extra);
        return nsx.config(PORT, given);
    }

    @Test
    void aPortIsCreatedOnItsSegmentWithItsBindingsAndReadBackUnchanged() {
        Value state = harness.create(PORT, port(Map.of()));

        assertThat(state.getAttr("path").asString()).isEqualTo("/infra/segments/web/ports/vm-1");
        assertThat(state.getAttr("address_binding").elements()).singleElement().satisfies(b -> {
            assertThat(b.getAttr("ip_address").asString()).isEqualTo("10.10.1.10");
            assertThat(b.getAttr("vlan_id").isNull()).isTrue();
        });
        assertThat(harness.read(PORT, state).state()).isEqualTo(state);
    }

    @Test
    void changedBindingsUpdateThePortInPlaceAndAnotherSegmentReplacesIt() {
        Value state = harness.create(PORT, port(Map.of()));
        Value rebound = port(Map.of("address_binding", List.of(Map.of("ip_address", "10.10.1.11", "vlan_id", 7))));

        ProviderHarness.Planned plan = harness.plan(PORT, state, rebound);
        ProviderHarness.Result updated = harness.apply(PORT, state, plan.state(), rebound);
        ProviderHarness.Planned moved =
                harness.plan(PORT, updated.state(), port(Map.of("segment_path", "/infra/segments/db")));

        assertThat(plan.requiresReplace()).isEmpty();
        assertThat(updated.diagnostics()).isEmpty();
        assertThat(harness.read(PORT, updated.state())
                        .state()
                        .getAttr("address_binding")
                        .elements())
                .singleElement()
                .satisfies(b -> assertThat(b.getAttr("vlan_id").asLong()).isEqualTo(7));
        assertThat(moved.requiresReplace())
                .singleElement()
                .satisfies(p -> assertThat(p.getSteps(0).getAttributeName()).isEqualTo("segment_path"));
    }

    @Test
    void aPortIsImportedByPathAndKeepsItsSegmentFromDeletion() {
        Value state = harness.create(PORT, port(Map.of()));

        ProviderHarness.Result imported = harness.importState(PORT, "/infra/segments/web/ports/vm-1");
        ProviderHarness.Result refused = delete("nsxt_policy_segment", segment);

        assertThat(harness.read(PORT, imported.state())
                        .state()
                        .getAttr("segment_path")
                        .asString())
                .isEqualTo("/infra/segments/web");
        assertThat(harness.read(PORT, imported.state()).state().getAttr("tag")).isEqualTo(state.getAttr("tag"));
        assertThat(refused.diagnostics())
                .singleElement()
                .satisfies(d -> assertThat(d.getDetail()).contains("/infra/segments/web"));
    }

    @Test
    void aPortIsGoneAfterDelete() {
        Value state = harness.create(PORT, port(Map.of()));

        ProviderHarness.Result deleted = delete(PORT, state);

        assertThat(deleted.diagnostics()).isEmpty();
        assertThat(harness.read(PORT, state).state().isNull()).isTrue();
    }

    @Test
    void aPortOnAMissingSegmentFailsWithTheNsxMessage() {
        Value config = port(Map.of("segment_path", "/infra/segments/none"));
        ProviderHarness.Result refused = planAndApply(PORT, Value.nullOf(config.type()), config);

        assertThat(refused.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.getSummary()).isEqualTo("NSX refused to create the nsxt_policy_segment_port");
            assertThat(d.getDetail()).contains("/infra/segments/none");
        });
    }
}
