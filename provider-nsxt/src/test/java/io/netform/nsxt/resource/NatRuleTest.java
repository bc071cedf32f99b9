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

/** NAT rules of a tier-1 gateway through tfplugin6 against the embedded simulator. */
class NatRuleTest extends EmbeddedNsxTest {

    private static final String NAT = "nsxt_policy_nat_rule";

    private Value gateway;

    @BeforeEach
    void createParents() {
        gateway = harness.create(
                "nsxt_policy_tier1_gateway",
                nsx.config(
                        "nsxt_policy_tier1_gateway",
                        Map.of("display_name", "t1", "nsx_id", "t1", "tier0_path", "/infra/tier-0s/T0")));
    }

    private Value snat(Map<String, Object> extra) {
        Map<String, Object> given = new HashMap<>(Map.of(
                "display_name",
                "snat-a",
                "nsx_id",
                "snat-a",
                "gateway_path",
                "/infra/tier-1s/t1",
                "action",
                "SNAT",
                "source_networks",
                List.of("10.1.0.0/24", "10.2.0.0/24"),
                "translated_networks",
                List.of("192.168.10.10")));
        given.putAll(extra);
        return nsx.config(NAT, given);
    }

    @Test
    void anSnatRuleLivesInTheUserSectionWithTerraformsDefaultsAndReadsBackUnchanged() {
        Value state = harness.create(NAT, snat(Map.of()));

        assertThat(state.getAttr("path").asString()).isEqualTo("/infra/tier-1s/t1/nat/USER/nat-rules/snat-a");
        assertThat(state.getAttr("rule_priority").asLong()).isEqualTo(100);
        assertThat(state.getAttr("enabled").asBoolean()).isTrue();
        assertThat(state.getAttr("logging").asBoolean()).isFalse();
        assertThat(state.getAttr("firewall_match").asString()).isEqualTo("BYPASS");
        assertThat(state.getAttr("source_networks").elements())
                .containsExactly(Value.string("10.1.0.0/24"), Value.string("10.2.0.0/24"));
        assertThat(harness.read(NAT, state).state()).isEqualTo(state);
    }

    @Test
    void aChangedPriorityAndTranslationUpdateTheRuleInPlace() {
        Value state = harness.create(NAT, snat(Map.of()));

        ProviderHarness.Planned plan = harness.plan(
                NAT,
                state,
                snat(Map.of(
                        "rule_priority",
                        10,
                        "translated_networks",
                        List.of("192.168.10.11", "192.168.10.12"),
                        "logging",
                        true)));
        ProviderHarness.Result updated = harness.apply(
                NAT,
                state,
                plan.state(),
                snat(Map.of(
                        "rule_priority",
                        10,
                        "translated_networks",
                        List.of("192.168.10.11", "192.168.10.12"),
                        "logging",
                        true)));

        assertThat(plan.requiresReplace()).isEmpty();
        assertThat(updated.diagnostics()).isEmpty();
        Value read = harness.read(NAT, updated.state()).state();
        assertThat(read.getAttr("rule_priority").asLong()).isEqualTo(10);
        assertThat(read.getAttr("translated_networks").elements()).hasSize(2);
        assertThat(read.getAttr("revision").asLong())
                .isGreaterThan(state.getAttr("revision").asLong());
    }

    @Test
    void anotherGatewayReplacesTheRule() {
        Value state = harness.create(NAT, snat(Map.of()));

        ProviderHarness.Planned plan = harness.plan(NAT, state, snat(Map.of("gateway_path", "/infra/tier-1s/t2")));

        assertThat(plan.requiresReplace())
                .singleElement()
                .satisfies(p -> assertThat(p.getSteps(0).getAttributeName()).isEqualTo("gateway_path"));
    }

    @Test
    void aNat64RuleLivesInTheNat64SectionAndIsImportedByItsPath() {
        Value state = harness.create(
                NAT,
                nsx.config(
                        NAT,
                        Map.of(
                                "display_name",
                                "six",
                                "nsx_id",
                                "six",
                                "gateway_path",
                                "/infra/tier-1s/t1",
                                "action",
                                "NAT64",
                                "destination_networks",
                                List.of("64:ff9b::/96"),
                                "translated_networks",
                                List.of("192.168.10.20"))));

        assertThat(state.getAttr("path").asString()).isEqualTo("/infra/tier-1s/t1/nat/NAT64/nat-rules/six");
        ProviderHarness.Result imported = harness.importState(NAT, "/infra/tier-1s/t1/nat/NAT64/nat-rules/six");
        assertThat(imported.diagnostics()).isEmpty();
        assertThat(harness.read(NAT, imported.state()).state().getAttr("translated_networks"))
                .isEqualTo(state.getAttr("translated_networks"));
    }

    @Test
    void aUserRuleIsImportedByPathButNotByIdAlone() {
        Value state = harness.create(NAT, snat(Map.of()));

        ProviderHarness.Result imported = harness.importState(NAT, "/infra/tier-1s/t1/nat/USER/nat-rules/snat-a");
        ProviderHarness.Result byId = harness.importState(NAT, "snat-a");

        assertThat(harness.read(NAT, imported.state()).state().getAttr("path")).isEqualTo(state.getAttr("path"));
        assertThat(harness.read(NAT, imported.state())
                        .state()
                        .getAttr("gateway_path")
                        .asString())
                .isEqualTo("/infra/tier-1s/t1");
        assertThat(byId.diagnostics())
                .singleElement()
                .satisfies(d -> assertThat(d.getDetail()).contains("policy path"));
    }

    @Test
    void aRuleWhoseActionBecomesNat64MovesToTheNat64Section() {
        Value state = harness.create(NAT, snat(Map.of()));

        ProviderHarness.Planned plan = harness.plan(NAT, state, snat(Map.of("action", "NAT64")));
        ProviderHarness.Result moved = harness.apply(NAT, state, plan.state(), snat(Map.of("action", "NAT64")));

        assertThat(plan.state().getAttr("path").isKnown()).isFalse();
        assertThat(moved.diagnostics()).isEmpty();
        assertThat(moved.state().getAttr("path").asString()).isEqualTo("/infra/tier-1s/t1/nat/NAT64/nat-rules/snat-a");
        assertThat(harness.read(NAT, state).state().isNull()).isTrue();
    }

    @Test
    void aDnatRuleWithoutTranslationIsRejectedBeforeAnythingChanges() {
        Value config = nsx.config(
                NAT,
                Map.of(
                        "display_name",
                        "dnat",
                        "gateway_path",
                        "/infra/tier-1s/t1",
                        "action",
                        "DNAT",
                        "destination_networks",
                        List.of("192.168.10.30")));

        assertThat(harness.validate(NAT, config)).singleElement().satisfies(d -> {
            assertThat(d.getSummary()).isEqualTo("Missing translated_networks");
            assertThat(d.getAttribute().getSteps(0).getAttributeName()).isEqualTo("translated_networks");
        });
        assertThat(harness.validate(
                        NAT,
                        nsx.config(
                                NAT,
                                Map.of(
                                        "display_name",
                                        "nodnat",
                                        "gateway_path",
                                        "/infra/tier-1s/t1",
                                        "action",
                                        "NO_DNAT"))))
                .isEmpty();
    }

    @Test
    void aRuleForAMissingServiceFailsWithTheNsxMessage() {
        Value config = snat(Map.of("service", "/infra/services/no-such-service"));
        ProviderHarness.Result refused = planAndApply(NAT, Value.nullOf(config.type()), config);

        assertThat(refused.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.getSummary()).isEqualTo("NSX refused to create the nsxt_policy_nat_rule");
            assertThat(d.getDetail()).contains("/infra/services/no-such-service");
        });
    }

    @Test
    void theGatewayCannotBeDeletedWhileItHasRulesAndTheRuleIsGoneAfterDelete() {
        Value state = harness.create(NAT, snat(Map.of()));

        ProviderHarness.Result refused = delete("nsxt_policy_tier1_gateway", gateway);
        ProviderHarness.Result deleted = delete(NAT, state);

        assertThat(refused.diagnostics())
                .singleElement()
                .satisfies(d -> assertThat(d.getDetail()).contains("/infra/tier-1s/t1"));
        assertThat(deleted.diagnostics()).isEmpty();
        assertThat(harness.read(NAT, state).state().isNull()).isTrue();
    }
}
