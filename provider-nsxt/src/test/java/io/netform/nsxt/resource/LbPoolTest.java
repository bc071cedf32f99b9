package io.netform.nsxt.resource;

import static org.assertj.core.api.Assertions.assertThat;

import io.netform.nsxt.EmbeddedNsxTest;
import io.netform.provider.ProviderHarness;
import io.netform.value.Value;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Load balancer pools through tfplugin6 against the embedded simulator. */
class LbPoolTest extends EmbeddedNsxTest {

    private static final String HTTP_MONITOR = "/infra/lb-monitor-profiles/default-http-lb-monitor";

    private Value pool(Map<String, Object> extra) {
        Map<String, Object> given = new HashMap<>(Map.of(
                "display_name",
                "web",
                "nsx_id",
                "web",
                "member",
                List.of(
                        Map.of("ip_address", "10.1.1.11", "port", "8080"),
                        Map.of("ip_address", "10.1.1.12", "port", "8080", "weight", 5, "display_name", "b")),
                "active_monitor_paths",
                List.of(HTTP_MONITOR),
                "snat",
                List.of(Map.of("type", "IPPOOL", "ip_pool_addresses", List.of("10.9.0.10-10.9.0.20", "10.9.1.0/28")))));
        given.putAll(extra);
        return nsx.config("nsxt_policy_lb_pool", given);
    }

    private ProviderHarness.Result update(Value prior, Value config) {
        return applyInPlace("nsxt_policy_lb_pool", prior, config);
    }

    @Test
    void aPoolWithMembersMonitorAndSnatReadsBackUnchanged() {
        Value state = harness.create("nsxt_policy_lb_pool", pool(Map.of()));

        assertThat(state.getAttr("path").asString()).isEqualTo("/infra/lb-pools/web");
        assertThat(state.getAttr("algorithm").asString()).isEqualTo("ROUND_ROBIN");
        assertThat(state.getAttr("min_active_members").asLong()).isEqualTo(1);
        Value first = state.getAttr("member").elements().get(0);
        assertThat(first.getAttr("weight").asLong()).isEqualTo(1);
        assertThat(first.getAttr("admin_state").asString()).isEqualTo("ENABLED");
        assertThat(first.getAttr("backup_member").asBoolean()).isFalse();
        assertThat(state.getAttr("snat")
                        .elements()
                        .get(0)
                        .getAttr("ip_pool_addresses")
                        .elements())
                .extracting(Value::asString)
                .containsExactly("10.9.0.10-10.9.0.20", "10.9.1.0/28");
        assertReadsBackUnchanged("nsxt_policy_lb_pool", state);
    }

    @Test
    void aPoolWithoutSnatKeepsNoSnatBlockAndAutomapReadsBack() {
        Value bare = harness.create("nsxt_policy_lb_pool", pool(Map.of("snat", List.of())));
        assertReadsBackUnchanged("nsxt_policy_lb_pool", bare);

        ProviderHarness.Result automap = update(bare, pool(Map.of("snat", List.of(Map.of()))));

        assertThat(automap.diagnostics()).isEmpty();
        assertThat(automap.state().getAttr("snat").elements())
                .singleElement()
                .satisfies(snat -> assertThat(snat.getAttr("type").asString()).isEqualTo("AUTOMAP"));
        assertReadsBackUnchanged("nsxt_policy_lb_pool", automap.state());
    }

    @Test
    void anUpdateReplacesThePoolWithItsRevision() {
        Value state = harness.create("nsxt_policy_lb_pool", pool(Map.of()));
        Value changed = pool(Map.of(
                "algorithm",
                "LEAST_CONNECTION",
                "member",
                List.of(Map.of("ip_address", "10.1.1.12", "port", "8080", "admin_state", "DISABLED")),
                "active_monitor_paths",
                List.of(),
                "snat",
                List.of(Map.of("type", "DISABLED"))));

        ProviderHarness.Result applied = update(state, changed);

        assertThat(applied.diagnostics()).isEmpty();
        assertThat(applied.state().getAttr("algorithm").asString()).isEqualTo("LEAST_CONNECTION");
        assertThat(applied.state().getAttr("member").elements())
                .singleElement()
                .satisfies(m -> assertThat(m.getAttr("admin_state").asString()).isEqualTo("DISABLED"));
        assertThat(applied.state()
                        .getAttr("snat")
                        .elements()
                        .get(0)
                        .getAttr("type")
                        .asString())
                .isEqualTo("DISABLED");
        assertThat(applied.state().getAttr("revision").asLong())
                .isGreaterThan(state.getAttr("revision").asLong());
        assertReadsBackUnchanged("nsxt_policy_lb_pool", applied.state());
    }

    @Test
    void anUpdateFromAStaleStateIsRefusedWithTheNsxMessage() {
        Value state = harness.create("nsxt_policy_lb_pool", pool(Map.of()));
        assertThat(update(state, pool(Map.of("algorithm", "IP_HASH"))).diagnostics())
                .isEmpty();

        ProviderHarness.Result stale = update(state, pool(Map.of("algorithm", "LEAST_CONNECTION")));

        assertThat(stale.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.getSummary()).isEqualTo("NSX refused to update the nsxt_policy_lb_pool");
            assertThat(d.getDetail()).contains("modified by somebody else").contains("/infra/lb-pools/web");
        });
    }

    @Test
    void theDeprecatedSingleMonitorReadsBackAsItself() {
        Value state = harness.create(
                "nsxt_policy_lb_pool",
                nsx.config(
                        "nsxt_policy_lb_pool",
                        Map.of(
                                "display_name",
                                "web",
                                "member",
                                List.of(Map.of("ip_address", "10.1.1.11")),
                                "active_monitor_path",
                                HTTP_MONITOR)));

        assertThat(state.getAttr("active_monitor_path").asString()).isEqualTo(HTTP_MONITOR);
        assertReadsBackUnchanged("nsxt_policy_lb_pool", state);
    }

    @Test
    void conflictingMonitorsAndAddressesForAnotherSnatTypeAreRejectedBeforeNsxIsAsked() {
        assertThat(harness.validate("nsxt_policy_lb_pool", pool(Map.of("active_monitor_path", HTTP_MONITOR))))
                .singleElement()
                .satisfies(d -> assertThat(d.getSummary()).isEqualTo("Conflicting arguments"));
        assertThat(harness.validate(
                        "nsxt_policy_lb_pool",
                        pool(Map.of(
                                "snat",
                                List.of(Map.of("type", "AUTOMAP", "ip_pool_addresses", List.of("10.9.0.10")))))))
                .singleElement()
                .satisfies(d -> assertThat(d.getDetail()).contains("IPPOOL"));
        assertThat(harness.validate("nsxt_policy_lb_pool", pool(Map.of("snat", List.of(Map.of("type", "NAT"))))))
                .singleElement()
                .satisfies(d -> assertThat(d.getDetail()).contains("\"NAT\""));
    }

    @Test
    void aMemberGroupOfAMissingGroupIsRefusedWithTheNsxMessage() {
        Value config = pool(Map.of(
                "member",
                List.of(),
                "member_group",
                List.of(Map.of(
                        "group_path", "/infra/domains/default/groups/nowhere", "port", "8080", "allow_ipv6", true))));
        assertCreateRefused("nsxt_policy_lb_pool", config, "/infra/domains/default/groups/nowhere");
    }

    @Test
    void aPoolIsImportedByPathAndGoneAfterDelete() {
        Value created = harness.create("nsxt_policy_lb_pool", pool(Map.of()));

        assertThat(importAndRead("nsxt_policy_lb_pool", "/infra/lb-pools/web")).isEqualTo(created);

        assertDeletedAndGone("nsxt_policy_lb_pool", created);
    }
}
