package io.netform.nsxt.resource;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.netform.nsxt.EmbeddedNsxTest;
import io.netform.provider.ProviderHarness;
import io.netform.value.Value;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Groups through tfplugin6 against the embedded simulator: criteria ↔ NSX's expression list. */
class GroupTest extends EmbeddedNsxTest {

    private static final String TYPE = "nsxt_policy_group";

    private static Map<String, Object> tagCondition(String tag) {
        return Map.of("key", "Tag", "member_type", "SegmentPort", "operator", "EQUALS", "value", "ncp/ns|" + tag);
    }

    private Value group(Map<String, Object> extra) {
        Map<String, Object> given = new HashMap<>(Map.of(
                "display_name",
                "web",
                "nsx_id",
                "web",
                "criteria",
                List.of(
                        Map.of(
                                "condition",
                                List.of(
                                        tagCondition("web"),
                                        Map.of(
                                                "key",
                                                "Name",
                                                "member_type",
                                                "SegmentPort",
                                                "operator",
                                                "STARTSWITH",
                                                "value",
                                                "web-"))),
                        Map.of(
                                "ipaddress_expression",
                                List.of(Map.of("ip_addresses", List.of("10.0.0.0/24", "10.0.1.5"))))),
                "conjunction",
                List.of(Map.of("operator", "OR"))));
        given.putAll(extra);
        return nsx.config(TYPE, given);
    }

    private JsonNode expressionInNsx(String path) {
        return nsx.nsx().get(path).orElseThrow().get("expression");
    }

    @Test
    void criteriaBecomeNsxExpressionsAndReadBackUnchanged() {
        Value state = harness.create(TYPE, group(Map.of()));

        assertThat(state.getAttr("path").asString()).isEqualTo("/infra/domains/default/groups/web");
        assertThat(state.getAttr("domain").asString()).isEqualTo("default");
        JsonNode expression = expressionInNsx("/infra/domains/default/groups/web");
        assertThat(expression).hasSize(3);
        assertThat(expression.get(0).path("resource_type").asText()).isEqualTo("NestedExpression");
        JsonNode inner = expression.get(0).path("expressions");
        assertThat(inner).hasSize(3);
        assertThat(inner.get(1).path("conjunction_operator").asText()).isEqualTo("AND");
        assertThat(inner.get(0).path("value").asText()).isEqualTo("ncp/ns|web");
        assertThat(expression.get(1).path("conjunction_operator").asText()).isEqualTo("OR");
        assertThat(expression.get(2).path("resource_type").asText()).isEqualTo("IPAddressExpression");
        assertReadsBackUnchanged(TYPE, state);
    }

    @Test
    void aSingleConditionIsSentBareAndPathExpressionsCarryTheirPaths() {
        Value state = harness.create(
                TYPE,
                group(Map.of(
                        "criteria", List.of(Map.of("condition", List.of(tagCondition("db")))),
                        "conjunction", List.of())));
        harness.create(
                TYPE,
                nsx.config(
                        TYPE,
                        Map.of(
                                "display_name",
                                "both",
                                "nsx_id",
                                "both",
                                "criteria",
                                List.of(Map.of(
                                        "path_expression",
                                        List.of(Map.of(
                                                "member_paths",
                                                List.of(state.getAttr("path").asString()))))))));

        assertThat(expressionInNsx("/infra/domains/default/groups/web")
                        .get(0)
                        .path("resource_type")
                        .asText())
                .isEqualTo("Condition");
        assertThat(expressionInNsx("/infra/domains/default/groups/both")
                        .get(0)
                        .path("paths")
                        .get(0)
                        .asText())
                .isEqualTo("/infra/domains/default/groups/web");
    }

    @Test
    void changingTheCriteriaUpdatesInPlaceAndChangingTheDomainReplaces() {
        Value state = harness.create(TYPE, group(Map.of()));
        Value changed = group(Map.of(
                "criteria", List.of(Map.of("condition", List.of(tagCondition("api")))), "conjunction", List.of()));

        ProviderHarness.Planned plan = harness.plan(TYPE, state, changed);
        assertThat(plan.requiresReplace()).isEmpty();
        ProviderHarness.Result applied = harness.apply(TYPE, state, plan.state(), changed);
        assertThat(applied.diagnostics()).isEmpty();
        assertThat(expressionInNsx("/infra/domains/default/groups/web")).hasSize(1);
        assertThat(harness.read(TYPE, applied.state()).state()).isEqualTo(applied.state());

        ProviderHarness.Planned moved = harness.plan(TYPE, applied.state(), group(Map.of("domain", "other")));
        assertThat(moved.requiresReplace())
                .singleElement()
                .satisfies(
                        path -> assertThat(path.getSteps(0).getAttributeName()).isEqualTo("domain"));
    }

    @Test
    void limitsAreCheckedBeforeNsxIsCalledAndNameTheAttribute() {
        Value missingConjunction = group(Map.of("conjunction", List.of()));
        assertThat(harness.validate(TYPE, missingConjunction)).singleElement().satisfies(d -> {
            assertThat(d.getSummary()).isEqualTo("Wrong number of conjunctions");
            assertThat(d.getDetail()).contains("2 criteria need 1 conjunction blocks, but 0 are given");
            assertThat(d.getAttribute().getSteps(0).getAttributeName()).isEqualTo("conjunction");
        });
        Map<String, Object> one = Map.of("condition", List.of(tagCondition("x")));
        Value six = group(Map.of(
                "criteria", List.of(one, one, one, one, one, one), "conjunction", List.of(Map.of("operator", "OR"))));
        assertThat(harness.validate(TYPE, six))
                .singleElement()
                .satisfies(d -> assertThat(d.getDetail()).contains("at most 5 criteria blocks; this one has 6"));
        Value mixed = group(Map.of(
                "criteria",
                List.of(Map.of(
                        "condition",
                        List.of(tagCondition("x")),
                        "ipaddress_expression",
                        List.of(Map.of("ip_addresses", List.of("10.0.0.1"))))),
                "conjunction",
                List.of()));
        assertThat(harness.validate(TYPE, mixed))
                .singleElement()
                .satisfies(d -> assertThat(d.getDetail()).contains("both condition and ipaddress_expression"));
        Value andAcrossKinds = group(Map.of("conjunction", List.of(Map.of("operator", "AND"))));
        assertThat(harness.validate(TYPE, andAcrossKinds))
                .singleElement()
                .satisfies(d -> assertThat(d.getSummary()).isEqualTo("Mixed criteria joined by AND"));
        assertThat(harness.validate(TYPE, group(Map.of()))).isEmpty();
    }

    @Test
    void nsxRefusalsAreShownWithItsMessage() {
        Value badAddress = group(Map.of(
                "criteria",
                List.of(Map.of("ipaddress_expression", List.of(Map.of("ip_addresses", List.of("not-an-ip"))))),
                "conjunction",
                List.of()));

        ProviderHarness.Result applied = applyNew(TYPE, badAddress);

        assertThat(applied.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.getSummary()).isEqualTo("NSX refused to create the nsxt_policy_group");
            assertThat(d.getDetail()).contains("not-an-ip");
        });
    }

    @Test
    void aGroupIsImportedByIdOrPathAndIsGoneAfterDelete() {
        Value state = harness.create(TYPE, group(Map.of()));

        for (String id : List.of("web", "/infra/domains/default/groups/web")) {
            Value read = importAndRead(TYPE, id);
            assertThat(read.getAttr("criteria")).isEqualTo(state.getAttr("criteria"));
            assertThat(read.getAttr("domain").asString()).isEqualTo("default");
        }
        assertDeletedAndGone(TYPE, state);
    }
}
