package io.netform.nsxsim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Enumerated fields and group expressions are checked as NSX checks them. */
class ValueChecksTest extends SimulatorTestBase {

    @Test
    void enumeratedFieldsOnlyTakeTheirValues() {
        NsxTestClient.Reply reply = nsx.patch("/infra/tier-1s/t1", "{\"failover_mode\":\"SOMETIMES\"}");
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().path("error_message").asText()).contains("failover_mode", "NON_PREEMPTIVE");
        assertThat(nsx.patch("/infra/domains/default/security-policies/p", "{\"category\":\"Apps\"}")
                        .status())
                .isEqualTo(400);
        assertThat(nsx.patch("/infra/domains/default/security-policies/p", "{\"category\":\"Environment\"}")
                        .status())
                .isEqualTo(204);
        assertThat(nsx.patch("/infra/domains/default/security-policies/p/rules/r", "{\"action\":\"MAYBE\"}")
                        .status())
                .isEqualTo(400);
    }

    @Test
    void groupExpressionsMustAlternateCriteriaAndConjunctions() {
        String condition = "{\"resource_type\":\"Condition\",\"member_type\":\"SegmentPort\",\"key\":\"Tag\","
                + "\"operator\":\"EQUALS\",\"value\":\"app|web\"}";
        String and = "{\"resource_type\":\"ConjunctionOperator\",\"conjunction_operator\":\"AND\"}";
        String ips = "{\"resource_type\":\"IPAddressExpression\",\"ip_addresses\":[\"10.0.0.0/24\",\"10.0.1.5\","
                + "\"10.0.2.1-10.0.2.9\"]}";
        String group = "/infra/domains/default/groups/g";
        assertThat(nsx.patch(group, "{\"expression\":[" + condition + "," + and + "," + ips + "]}")
                        .status())
                .isEqualTo(204);
        assertThat(nsx.patch(group, "{\"expression\":[" + condition + "," + condition + "]}")
                        .status())
                .isEqualTo(400);
        assertThat(nsx.patch(group, "{\"expression\":[" + condition + "," + and + "]}")
                        .status())
                .isEqualTo(400);
        assertThat(nsx.patch(group, "{\"expression\":[" + condition.replace("EQUALS", "LIKE") + "]}")
                        .status())
                .isEqualTo(400);
        assertThat(nsx.patch(
                                group,
                                "{\"expression\":[{\"resource_type\":\"IPAddressExpression\",\"ip_addresses\":"
                                        + "[\"10.0.0.999\"]}]}")
                        .status())
                .isEqualTo(400);
        String six = String.join("," + and + ",", java.util.Collections.nCopies(6, condition));
        assertThat(nsx.patch(group, "{\"expression\":[" + six + "]}")
                        .json()
                        .path("error_message")
                        .asText())
                .contains("6 criteria");
        assertThat(nsx.patch(
                                group,
                                "{\"expression\":[{\"resource_type\":\"NestedExpression\",\"expressions\":[" + condition
                                        + "," + and + "," + condition + "]}]}")
                        .status())
                .isEqualTo(204);
    }
}
