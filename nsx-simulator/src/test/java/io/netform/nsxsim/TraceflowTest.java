package io.netform.nsxsim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.netform.nsxsim.store.SeedObjects;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Traceflow verdicts over a small topology: two tier-1s under T0, three routed segments and an isolated one. */
class TraceflowTest extends SimulatorTestBase {

    private static final String WEB_PORT = "/infra/segments/web/ports/web-1";
    private static final String DB_PORT = "/infra/segments/db/ports/db-1";
    private static final String POLICY = "/infra/domains/default/security-policies/db-protect";

    @BeforeEach
    void buildTopology() {
        ok("/infra/tier-1s/t1", "{\"tier0_path\":\"/infra/tier-0s/T0\"}");
        ok("/infra/tier-1s/t2", "{\"tier0_path\":\"/infra/tier-0s/T0\"}");
        segment("web", "/infra/tier-1s/t1", "10.1.1.1/24");
        segment("db", "/infra/tier-1s/t1", "10.1.2.1/24");
        segment("other", "/infra/tier-1s/t2", "10.2.1.1/24");
        ok("/infra/segments/lonely", "{\"subnets\":[{\"gateway_address\":\"10.9.9.1/24\"}]}");
        port(WEB_PORT, "10.1.1.10", "web");
        port(DB_PORT, "10.1.2.10", "db");
        port("/infra/segments/other/ports/o-1", "10.2.1.10", "other");
        port("/infra/segments/lonely/ports/l-1", "10.9.9.10", "lonely");
        group("web");
        group("db");
        ok(
                POLICY,
                "{\"category\":\"Application\",\"sequence_number\":10,\"rules\":["
                        + "{\"id\":\"allow-mysql\",\"sequence_number\":1,\"action\":\"ALLOW\",\"source_groups\":"
                        + "[\"/infra/domains/default/groups/web\"],\"destination_groups\":[\"/infra/domains/default/groups/db\"],"
                        + "\"services\":[\"/infra/services/MySQL\"]},"
                        + "{\"id\":\"deny-db\",\"sequence_number\":2,\"action\":\"DROP\",\"source_groups\":[\"ANY\"],"
                        + "\"destination_groups\":[\"/infra/domains/default/groups/db\"],\"services\":[\"ANY\"]}]}");
    }

    @Test
    void allowedTrafficIsDeliveredAndNamesTheAllowingRule() {
        List<JsonNode> hops = trace(WEB_PORT, "10.1.2.10", "tcp_header", 3306);
        JsonNode last = hops.get(hops.size() - 1);
        assertThat(last.path("resource_type").asText()).isEqualTo("TraceflowObservationDelivered");
        assertThat(last.path("component_path").asText()).isEqualTo(DB_PORT);
        assertThat(hops)
                .anySatisfy(h -> assertThat(h.path("acl_rule_path").asText()).isEqualTo(POLICY + "/rules/allow-mysql"));
        JsonNode summary = nsx.get("/infra/traceflows/tf").json();
        assertThat(summary.path("operation_state").asText()).isEqualTo("FINISHED");
        assertThat(summary.path("counters").path("delivered_count").asInt()).isEqualTo(1);
        assertThat(summary.path("counters").path("dropped_count").asInt()).isZero();
        NsxTestClient.Reply rerun = nsx.send("POST", "/policy/api/v1/infra/traceflows/tf?action=rerun", null);
        assertThat(rerun.status()).isEqualTo(201);
        assertThat(rerun.json().path("operation_state").asText()).isEqualTo("FINISHED");
        assertThat(nsx.get("/infra/traceflows/tf/status")
                        .json()
                        .path("counters")
                        .path("delivered_count")
                        .asInt())
                .isEqualTo(1);
    }

    @Test
    void trafficMatchingADropRuleIsDroppedWithTheRulePath() {
        List<JsonNode> hops = trace(WEB_PORT, "10.1.2.10", "tcp_header", 22);
        JsonNode last = hops.get(hops.size() - 1);
        assertThat(last.path("resource_type").asText()).isEqualTo("TraceflowObservationDropped");
        assertThat(last.path("reason").asText()).isEqualTo("FW_RULE");
        assertThat(last.path("acl_rule_path").asText()).isEqualTo(POLICY + "/rules/deny-db");
        assertThat(last.path("acl_rule_id").asLong()).isPositive();
    }

    @Test
    void excludedPortsBypassTheFirewallOnBothEnds() {
        ok(SeedObjects.EXCLUDE_LIST, "{\"members\":[\"" + DB_PORT + "\"]}");
        assertThat(last(trace(WEB_PORT, "10.1.2.10", "tcp_header", 22))
                        .path("reason")
                        .asText())
                .as("the source port still enforces the rule")
                .isEqualTo("FW_RULE");
        ok(SeedObjects.EXCLUDE_LIST, "{\"members\":[\"" + DB_PORT + "\",\"/infra/domains/default/groups/web\"]}");
        assertThat(last(trace(WEB_PORT, "10.1.2.10", "tcp_header", 22))
                        .path("resource_type")
                        .asText())
                .isEqualTo("TraceflowObservationDelivered");
    }

    @Test
    void snatAndDnatOnTheWayThroughTier0AreReported() {
        ok(
                "/infra/tier-1s/t1/nat/USER/nat-rules/snat",
                "{\"action\":\"SNAT\",\"source_network\":\"10.1.1.0/24\","
                        + "\"translated_network\":\"192.168.100.5\"}");
        ok(
                "/infra/tier-1s/t2/nat/USER/nat-rules/dnat",
                "{\"action\":\"DNAT\",\"destination_network\":"
                        + "\"192.168.200.10\",\"translated_network\":\"10.2.1.10\"}");
        List<JsonNode> hops = trace(WEB_PORT, "192.168.200.10", "icmp_echo_request_header", 0);
        assertThat(hops).anySatisfy(h -> {
            assertThat(h.path("nat_rule_path").asText()).isEqualTo("/infra/tier-1s/t1/nat/USER/nat-rules/snat");
            assertThat(h.path("translated_source_ip").asText()).isEqualTo("192.168.100.5");
        });
        assertThat(hops)
                .anySatisfy(h ->
                        assertThat(h.path("translated_destination_ip").asText()).isEqualTo("10.2.1.10"));
        assertThat(hops)
                .anySatisfy(h -> assertThat(h.path("component_path").asText()).isEqualTo("/infra/tier-0s/T0"));
        assertThat(last(hops).path("component_path").asText()).isEqualTo("/infra/segments/other/ports/o-1");
    }

    @Test
    void anIsolatedSegmentHasNoRouteAndExternalTrafficLeavesThroughTier0() {
        JsonNode dropped = last(trace("/infra/segments/lonely/ports/l-1", "10.1.1.10", "tcp_header", 80));
        assertThat(dropped.path("resource_type").asText()).isEqualTo("TraceflowObservationDroppedLogical");
        assertThat(dropped.path("reason").asText()).isEqualTo("NO_ROUTE");
        JsonNode north = last(trace(WEB_PORT, "8.8.8.8", "udp_header", 53));
        assertThat(north.path("resource_type").asText()).isEqualTo("TraceflowObservationForwardedLogical");
        assertThat(north.path("component_path").asText()).isEqualTo("/infra/tier-0s/T0");
    }

    @Test
    void repliesOfConnectionsAllowedByAStatefulPolicyPass() {
        ok(
                "/infra/domains/default/security-policies/isolate-web",
                "{\"category\":\"Application\","
                        + "\"sequence_number\":20,\"rules\":[{\"id\":\"deny-to-web\",\"action\":\"DROP\","
                        + "\"destination_groups\":[\"/infra/domains/default/groups/web\"]}]}");
        String reply = "{\"tcp_header\":{\"src_port\":3306,\"dst_port\":40000,\"tcp_flags\":16}}";
        assertThat(last(traceWith(DB_PORT, "10.1.1.10", "{\"tcp_header\":{\"src_port\":3306,\"dst_port\":40000}}"))
                        .path("acl_rule_path")
                        .asText())
                .endsWith("/isolate-web/rules/deny-to-web");
        assertThat(last(traceWith(DB_PORT, "10.1.1.10", reply))
                        .path("resource_type")
                        .asText())
                .isEqualTo("TraceflowObservationDelivered");
        ok(POLICY, "{\"stateful\":false}");
        assertThat(last(traceWith(DB_PORT, "10.1.1.10", reply)).path("reason").asText())
                .isEqualTo("FW_RULE");
    }

    @Test
    void groupConditionsUseTheirOperatorsOnTagsAndNames() {
        ok(
                "/infra/domains/default/groups/db",
                "{\"expression\":[{\"resource_type\":\"Condition\",\"member_type\":"
                        + "\"SegmentPort\",\"key\":\"Tag\",\"operator\":\"NOTIN\",\"value\":\"app|web,other\"},"
                        + "{\"resource_type\":\"ConjunctionOperator\",\"conjunction_operator\":\"AND\"},"
                        + "{\"resource_type\":\"Condition\",\"member_type\":\"SegmentPort\",\"key\":\"Name\","
                        + "\"operator\":\"STARTSWITH\",\"value\":\"DB\"}]}");
        assertThat(last(trace(WEB_PORT, "10.1.2.10", "tcp_header", 22))
                        .path("acl_rule_path")
                        .asText())
                .endsWith("/rules/deny-db");
        ok(
                "/infra/domains/default/groups/db",
                "{\"expression\":[{\"resource_type\":\"Condition\",\"member_type\":"
                        + "\"SegmentPort\",\"key\":\"Name\",\"operator\":\"ENDSWITH\",\"value\":\"-9\"}]}");
        assertThat(last(trace(WEB_PORT, "10.1.2.10", "tcp_header", 22))
                        .path("resource_type")
                        .asText())
                .isEqualTo("TraceflowObservationDelivered");
    }

    @Test
    void theSourceMustBeASegmentPort() {
        NsxTestClient.Reply reply = nsx.patch(
                "/infra/traceflows/bad",
                "{\"source_element_path\":\"/infra/segments/web\","
                        + "\"packet\":{\"resource_type\":\"FieldsPacketData\",\"ip_header\":{\"dst_ip\":\"10.1.2.10\"}}}");
        assertThat(reply.status()).isEqualTo(400);
        assertThat(nsx.get("/infra/traceflows/none/observations").status()).isEqualTo(404);
    }

    private List<JsonNode> trace(String source, String destination, String header, int port) {
        String transport = header.equals("icmp_echo_request_header")
                ? "{\"icmp_echo_request_header\":{\"id\":1}}"
                : "{\"" + header + "\":{\"src_port\":40000,\"dst_port\":" + port + "}}";
        return traceWith(source, destination, transport);
    }

    private List<JsonNode> traceWith(String source, String destination, String transport) {
        ok(
                "/infra/traceflows/tf",
                "{\"source_element_path\":\"" + source + "\",\"packet\":{\"resource_type\":"
                        + "\"FieldsPacketData\",\"ip_header\":{\"dst_ip\":\"" + destination
                        + "\"},\"transport_header\":"
                        + transport + "}}");
        List<JsonNode> hops = new ArrayList<>();
        nsx.get("/infra/traceflows/tf/observations").json().path("results").forEach(hops::add);
        assertThat(hops).isNotEmpty();
        return hops;
    }

    private static JsonNode last(List<JsonNode> hops) {
        return hops.get(hops.size() - 1);
    }

    private void segment(String id, String gateway, String cidr) {
        ok(
                "/infra/segments/" + id,
                "{\"connectivity_path\":\"" + gateway + "\",\"transport_zone_path\":\"" + SeedObjects.OVERLAY_TZ
                        + "\",\"subnets\":[{\"gateway_address\":\"" + cidr + "\"}]}");
    }

    private void port(String path, String ip, String app) {
        ok(
                path,
                "{\"address_bindings\":[{\"ip_address\":\"" + ip + "\"}],\"tags\":[{\"scope\":\"app\",\"tag\":\"" + app
                        + "\"}]}");
    }

    private void group(String app) {
        ok(
                "/infra/domains/default/groups/" + app,
                "{\"expression\":[{\"resource_type\":\"Condition\",\"member_type\":"
                        + "\"SegmentPort\",\"key\":\"Tag\",\"operator\":\"EQUALS\",\"value\":\"app|" + app + "\"}]}");
    }

    private void ok(String path, String body) {
        NsxTestClient.Reply reply = nsx.patch(path, body);
        assertThat(reply.status()).as("PATCH %s: %s", path, reply.json()).isEqualTo(204);
    }
}
