package io.netform.nsxt.resource;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.netform.nsxt.EmbeddedNsxTest;
import io.netform.provider.ProviderHarness;
import io.netform.value.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Security policies and their rules through tfplugin6 against the embedded simulator. */
class SecurityPolicyTest extends EmbeddedNsxTest {

    private static final String TYPE = "nsxt_policy_security_policy";
    private static final String PATH = "/infra/domains/default/security-policies/isolation";
    private static final String GROUP = "/infra/domains/default/groups/web";

    @BeforeEach
    void seed() {
        harness.create(
                "nsxt_policy_group",
                nsx.config(
                        "nsxt_policy_group",
                        Map.of(
                                "display_name",
                                "web",
                                "nsx_id",
                                "web",
                                "criteria",
                                List.of(Map.of(
                                        "ipaddress_expression",
                                        List.of(Map.of("ip_addresses", List.of("10.0.0.0/24"))))))));
    }

    private static Map<String, Object> rule(String name, Map<String, Object> extra) {
        Map<String, Object> rule = new HashMap<>(Map.of("display_name", name));
        rule.putAll(extra);
        return rule;
    }

    private Value policy(List<Map<String, Object>> rules) {
        return nsx.config(
                TYPE,
                Map.of("display_name", "isolation", "nsx_id", "isolation", "category", "Application", "rule", rules));
    }

    private static final Map<String, Object> DNS = rule(
            "dns",
            Map.of(
                    "destination_groups",
                    List.of(GROUP),
                    "services",
                    List.of("/infra/services/DNS-UDP"),
                    "logged",
                    true,
                    "log_label",
                    "dns"));
    private static final Map<String, Object> DENY =
            rule("deny", Map.of("source_groups", List.of(GROUP), "action", "DROP", "ip_version", "IPV4"));

    private JsonNode rulesInNsx() {
        return nsx.nsx().get(PATH).orElseThrow().path("rules");
    }

    private static List<String> names(JsonNode rules) {
        List<String> names = new ArrayList<>();
        rules.forEach(r -> names.add(r.path("display_name").asText()));
        return names;
    }

    @Test
    void rulesAreNumberedInOrderSentWithAnyAndReadBackUnchanged() {
        Value state = harness.create(TYPE, policy(List.of(DNS, DENY)));

        assertThat(state.getAttr("path").asString()).isEqualTo(PATH);
        assertThat(state.getAttr("stateful").asBoolean()).isTrue();
        assertThat(state.getAttr("sequence_number").asLong()).isZero();
        List<Value> rules = state.getAttr("rule").elements();
        assertThat(rules).extracting(r -> r.getAttr("sequence_number").asLong()).containsExactly(1L, 2L);
        assertThat(rules).allSatisfy(r -> {
            assertThat(r.getAttr("rule_id").isNull()).isFalse();
            assertThat(r.getAttr("path").asString()).startsWith(PATH + "/rules/");
        });
        assertThat(rules.get(0).getAttr("action").asString()).isEqualTo("ALLOW");
        assertThat(rules.get(0).getAttr("direction").asString()).isEqualTo("IN_OUT");
        assertThat(rules.get(0).getAttr("source_groups").isNull()).isTrue();
        JsonNode inNsx = rulesInNsx();
        assertThat(inNsx.get(0).path("source_groups").get(0).asText()).isEqualTo("ANY");
        assertThat(inNsx.get(0).path("tag").asText()).isEqualTo("dns");
        assertThat(inNsx.get(0).path("ip_protocol").asText()).isEqualTo("IPV4_IPV6");
        assertThat(inNsx.get(1).path("ip_protocol").asText()).isEqualTo("IPV4");
        assertReadsBackUnchanged(TYPE, state);
    }

    @Test
    void addingChangingAndRemovingRulesKeepsTheOthersAndRenumbers() {
        Value state = harness.create(TYPE, policy(List.of(DNS, DENY)));
        long dnsRuleId =
                state.getAttr("rule").elements().get(0).getAttr("rule_id").asLong();
        long dnsRevision =
                state.getAttr("rule").elements().get(0).getAttr("revision").asLong();
        Value changed = policy(
                List.of(DNS, rule("ssh", Map.of("services", List.of("/infra/services/SSH"), "ip_version", "NONE"))));

        ProviderHarness.Planned plan = harness.plan(TYPE, state, changed);
        assertThat(plan.requiresReplace()).isEmpty();
        Value plannedSecond = plan.state().getAttr("rule").elements().get(1);
        assertThat(plannedSecond.getAttr("sequence_number").asLong()).isEqualTo(2);
        assertThat(plannedSecond.getAttr("revision").isKnown()).isFalse();
        ProviderHarness.Result applied = harness.apply(TYPE, state, plan.state(), changed);

        assertThat(applied.diagnostics()).isEmpty();
        assertThat(names(rulesInNsx())).containsExactly("dns", "ssh");
        Value first = applied.state().getAttr("rule").elements().get(0);
        assertThat(first.getAttr("rule_id").asLong()).isEqualTo(dnsRuleId);
        assertThat(first.getAttr("revision").asLong())
                .as("an unchanged rule is not rewritten")
                .isEqualTo(dnsRevision);
        assertThat(rulesInNsx().get(1).path("action").asText())
                .as("DROP of the rule it replaced")
                .isEqualTo("ALLOW");
        assertThat(rulesInNsx().get(1).hasNonNull("ip_protocol"))
                .as("NONE clears IPV4")
                .isFalse();
        assertThat(rulesInNsx().get(1).path("source_groups").get(0).asText()).isEqualTo("ANY");
        assertThat(harness.read(TYPE, applied.state()).state()).isEqualTo(applied.state());

        Value fewer = policy(List.of(DNS));
        ProviderHarness.Planned shrink = harness.plan(TYPE, applied.state(), fewer);
        ProviderHarness.Result shrunk = harness.apply(TYPE, applied.state(), shrink.state(), fewer);
        assertThat(shrunk.diagnostics()).isEmpty();
        assertThat(names(rulesInNsx())).containsExactly("dns");
    }

    @Test
    void theCategoryForcesReplacement() {
        Value state = harness.create(TYPE, policy(List.of(DNS)));
        Value moved = nsx.config(
                TYPE,
                Map.of(
                        "display_name",
                        "isolation",
                        "nsx_id",
                        "isolation",
                        "category",
                        "Environment",
                        "rule",
                        List.of(DNS)));

        ProviderHarness.Planned plan = harness.plan(TYPE, state, moved);

        assertThat(plan.requiresReplace())
                .singleElement()
                .satisfies(
                        path -> assertThat(path.getSteps(0).getAttributeName()).isEqualTo("category"));
    }

    @Test
    void sequenceNumbersAgainstTheRuleOrderAreRefusedNamingTheRule() {
        Value config =
                policy(List.of(rule("a", Map.of("sequence_number", 10)), rule("b", Map.of("sequence_number", 5))));

        assertThat(harness.validate(TYPE, config)).singleElement().satisfies(d -> {
            assertThat(d.getSummary()).isEqualTo("Rule order and sequence numbers disagree");
            assertThat(d.getDetail()).contains("Rule 1 has sequence_number 5");
            assertThat(d.getAttribute().getStepsList())
                    .extracting(s -> s.getAttributeName())
                    .containsExactly("rule", "", "sequence_number");
        });
        Value given =
                harness.create(TYPE, policy(List.of(rule("a", Map.of("sequence_number", 10)), rule("b", Map.of()))));
        assertThat(given.getAttr("rule").elements())
                .extracting(r -> r.getAttr("sequence_number").asLong())
                .containsExactly(10L, 11L);
    }

    @Test
    void aRuleUsingAMissingGroupIsRefusedWithTheNsxMessage() {
        Value config =
                policy(List.of(rule("bad", Map.of("source_groups", List.of("/infra/domains/default/groups/missing")))));

        ProviderHarness.Result applied = applyNew(TYPE, config);

        assertThat(applied.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.getSummary()).isEqualTo("NSX refused to create the nsxt_policy_security_policy");
            assertThat(d.getDetail()).contains("/infra/domains/default/groups/missing");
        });
        assertThat(nsx.nsx().get(PATH)).isEmpty();
    }

    @Test
    void aPolicyIsImportedAndIsGoneWithItsRulesAfterDelete() {
        Value state = harness.create(TYPE, policy(List.of(DNS, DENY)));

        for (String id : List.of("isolation", PATH)) {
            Value read = importAndRead(TYPE, id);
            assertThat(read.getAttr("rule")).isEqualTo(state.getAttr("rule"));
        }
        assertDeletedAndGone(TYPE, state);
        // The rules went with the policy, so nothing refers to the group any more.
        assertDeletedAndGone("nsxt_policy_group", importAndRead("nsxt_policy_group", "web"));
    }
}
