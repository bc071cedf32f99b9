package io.netform.nsxt.data;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netform.nsxsim.store.SeedObjects;
import io.netform.nsxt.EmbeddedNsxTest;
import io.netform.nsxt.api.PolicyClient;
import io.netform.provider.Configs;
import io.netform.provider.ProviderHarness;
import io.netform.value.Value;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** nsxt_policy_traceflow against the embedded simulator: a tier-1 with two segments and a DFW policy. */
class TraceflowDataSourceTest extends EmbeddedNsxTest {

    private static final String WEB = "/infra/segments/web/ports/web-1";
    private static final String DB = "/infra/segments/db/ports/db-1";
    private static final String POLICY = "/infra/domains/default/security-policies/db-protect";

    private PolicyClient api;

    @BeforeEach
    void buildTopology() {
        api = nsx.nsx();
        api.patch("/infra/tier-1s/t1", json("tier0_path", "/infra/tier-0s/T0"));
        segment("web", "10.1.1.1/24");
        segment("db", "10.1.2.1/24");
        port(WEB, "10.1.1.10", "web");
        port(DB, "10.1.2.10", "db");
        group("web");
        group("db");
        ObjectNode policy = json("category", "Application");
        policy.put("sequence_number", 10);
        policy.set(
                "rules",
                PolicyClient.object()
                        .arrayNode()
                        .add(rule(
                                "allow-mysql",
                                1,
                                "ALLOW",
                                "/infra/domains/default/groups/web",
                                "/infra/services/MySQL"))
                        .add(rule("deny-db", 2, "DROP", "ANY", "ANY")));
        api.patch(POLICY, policy);
    }

    private ProviderHarness.Result trace(Map<String, ?> given) {
        return harness.readData("nsxt_policy_traceflow", Configs.of(nsx.dataSource("nsxt_policy_traceflow"), given));
    }

    @Test
    void anAllowedConnectionIsDeliveredAndNamesTheAllowingRule() {
        ProviderHarness.Result result =
                trace(Map.of("source", WEB, "destination_ip", "10.1.2.10", "destination_port", 3306));

        assertThat(result.diagnostics()).isEmpty();
        Value state = result.state();
        assertThat(state.getAttr("verdict").asString()).isEqualTo("DELIVERED");
        assertThat(state.getAttr("acl_rule_path").asString()).isEqualTo(POLICY + "/rules/allow-mysql");
        assertThat(state.getAttr("source_ip").asString()).isEqualTo("10.1.1.10");
        assertThat(state.getAttr("protocol").asString()).isEqualTo("TCP");
        assertThat(state.getAttr("source_port").asLong()).isEqualTo(TraceflowDataSource.EPHEMERAL_PORT);
        List<Value> hops = state.getAttr("hops").elements();
        assertThat(hops).extracting(h -> h.getAttr("component_type").asString()).contains("DFW", "LS", "LR");
        Value last = hops.get(hops.size() - 1);
        assertThat(last.getAttr("resource_type").asString()).isEqualTo("TraceflowObservationDelivered");
        assertThat(last.getAttr("component_path").asString()).isEqualTo(DB);
        assertThat(hops).extracting(h -> h.getAttr("sequence_no").asLong()).isSorted();
        assertThat(api.list("/infra/traceflows"))
                .as("the traceflow is deleted after reading")
                .isEmpty();
    }

    @Test
    void aDestinationPortIsResolvedToItsAddressAndADropNamesTheRule() {
        ProviderHarness.Result result = trace(Map.of("source", WEB, "destination", DB, "destination_port", 22));

        assertThat(result.diagnostics()).isEmpty();
        Value state = result.state();
        assertThat(state.getAttr("destination_ip").asString()).isEqualTo("10.1.2.10");
        assertThat(state.getAttr("verdict").asString()).isEqualTo("DROPPED");
        assertThat(state.getAttr("acl_rule_path").asString()).isEqualTo(POLICY + "/rules/deny-db");
        Value last = state.getAttr("hops").index(state.getAttr("hops").length() - 1);
        assertThat(last.getAttr("reason").asString()).isEqualTo("FW_RULE");
        assertThat(last.getAttr("component_type").asString()).isEqualTo("DFW");
    }

    @Test
    void udpAndIcmpAreTracedWithTheirOwnHeaders() {
        Value dns = trace(Map.of(
                        "source",
                        DB,
                        "destination",
                        WEB,
                        "protocol",
                        "UDP",
                        "destination_port",
                        53,
                        "source_port",
                        5353))
                .state();
        assertThat(dns.getAttr("verdict").asString()).isEqualTo("DELIVERED");
        assertThat(dns.getAttr("source_port").asLong()).isEqualTo(5353);

        Value ping = trace(Map.of("source", WEB, "destination", DB, "protocol", "ICMP"))
                .state();
        assertThat(ping.getAttr("verdict").asString())
                .as("the drop rule matches any service")
                .isEqualTo("DROPPED");
        assertThat(ping.getAttr("source_port").isNull()).isTrue();
    }

    @Test
    void aPacketForAnAddressOutsideNsxLeavesThroughTheTier0Uplink() {
        Value state = trace(
                        Map.of("source", WEB, "destination_ip", "8.8.8.8", "protocol", "UDP", "destination_port", 53))
                .state();

        assertThat(state.getAttr("verdict").asString()).isEqualTo("FORWARDED");
        assertThat(state.getAttr("acl_rule_path").asString())
                .as("only the default rule allowed it out")
                .isEqualTo("/infra/domains/default/security-policies/default-layer3-section/rules/default-layer3-rule");
    }

    @Test
    void wrongArgumentsAreDiagnosticsNamingTheAttribute() {
        assertThat(trace(Map.of(
                                "source",
                                WEB,
                                "destination",
                                DB,
                                "destination_ip",
                                "10.1.2.10",
                                "destination_port",
                                22))
                        .diagnostics())
                .singleElement()
                .satisfies(d -> assertThat(d.getDetail()).contains("exactly one of destination"));
        assertThat(trace(Map.of("source", WEB, "destination_ip", "10.1.2")).diagnostics())
                .singleElement()
                .satisfies(d -> assertThat(d.getDetail()).contains("\"10.1.2\" is not an IPv4 address"));
        assertThat(trace(Map.of("source", WEB, "destination_ip", "10.1.2.10")).diagnostics())
                .singleElement()
                .satisfies(d -> assertThat(d.getDetail()).isEqualTo("A TCP traceflow needs destination_port."));
        assertThat(trace(Map.of(
                                "source",
                                WEB,
                                "destination_ip",
                                "10.1.2.10",
                                "protocol",
                                "SCTP",
                                "destination_port",
                                1))
                        .diagnostics())
                .singleElement()
                .satisfies(d -> assertThat(d.getDetail()).contains("\"SCTP\" is not one of TCP, UDP, ICMP"));
        assertThat(trace(Map.of("source", WEB, "destination_ip", "10.1.2.10", "destination_port", 70000))
                        .diagnostics())
                .singleElement()
                .satisfies(d -> assertThat(d.getDetail()).contains("between 1 and 65535, not 70000"));
    }

    @Test
    void aMissingSourcePortIsADiagnosticAndLeavesNoTraceflow() {
        ProviderHarness.Result result = trace(Map.of(
                "source", "/infra/segments/web/ports/gone", "destination_ip", "10.1.2.10", "destination_port", 22));

        assertThat(result.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.getSummary()).isEqualTo("No such segment port");
            assertThat(d.getDetail()).contains("/infra/segments/web/ports/gone");
        });
        assertThat(api.list("/infra/traceflows")).isEmpty();
    }

    private void segment(String id, String cidr) {
        ObjectNode body = json("connectivity_path", "/infra/tier-1s/t1");
        body.put("transport_zone_path", SeedObjects.OVERLAY_TZ);
        body.putArray("subnets").addObject().put("gateway_address", cidr);
        api.patch("/infra/segments/" + id, body);
    }

    private void port(String path, String ip, String app) {
        ObjectNode body = PolicyClient.object();
        body.putArray("address_bindings").addObject().put("ip_address", ip);
        body.putArray("tags").addObject().put("scope", "app").put("tag", app);
        api.patch(path, body);
    }

    private void group(String app) {
        ObjectNode condition = PolicyClient.object()
                .put("resource_type", "Condition")
                .put("member_type", "SegmentPort")
                .put("key", "Tag")
                .put("operator", "EQUALS")
                .put("value", "app|" + app);
        ObjectNode body = PolicyClient.object();
        body.putArray("expression").add(condition);
        api.patch("/infra/domains/default/groups/" + app, body);
    }

    private static ObjectNode rule(String id, int sequence, String action, String source, String service) {
        ObjectNode rule = PolicyClient.object()
                .put("id", id)
                .put("sequence_number", sequence)
                .put("action", action);
        rule.putArray("source_groups").add(source);
        rule.putArray("destination_groups").add("/infra/domains/default/groups/db");
        rule.putArray("services").add(service);
        return rule;
    }

    private static ObjectNode json(String field, String value) {
        return PolicyClient.object().put(field, value);
    }
}
