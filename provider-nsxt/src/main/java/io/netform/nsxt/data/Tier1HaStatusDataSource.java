package io.netform.nsxt.data;

import com.fasterxml.jackson.databind.JsonNode;
import io.netform.nsxt.api.NsxApiException;
import io.netform.nsxt.api.PolicyClient;
import io.netform.provider.DataSource;
import io.netform.provider.DiagnosticException;
import io.netform.value.Type;
import io.netform.value.Value;
import io.netform.wire.Schema;
import io.netform.wire.SchemaAttribute;
import io.netform.wire.SchemaBlock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code nsxt_policy_tier1_gateway_ha_status}: where a tier-1's service router runs now, from the
 * gateway's {@code /state} (each edge's ACTIVE, STANDBY or DOWN), with each edge's failure domain
 * from the Manager API's transport node. terraform-provider-nsxt has no such data source; it is
 * read again on every plan, so it follows failovers.
 */
final class Tier1HaStatusDataSource implements DataSource {

    private static final Type EDGE = Type.object(edgeTypes());

    private final Supplier<PolicyClient> client;

    Tier1HaStatusDataSource(Supplier<PolicyClient> client) {
        this.client = client;
    }

    @Override
    public Schema schema() {
        return Schema.of(SchemaBlock.of(
                        SchemaAttribute.string("gateway_path")
                                .required()
                                .describedAs("The policy path of the tier-1 gateway."),
                        SchemaAttribute.string("id").computed().describedAs("The gateway path."),
                        SchemaAttribute.of("edge_node", Type.list(EDGE))
                                .computed()
                                .describedAs("Each edge of the service router: path, display_name, "
                                        + "transport_node_id, failure_domain and high_availability_status."),
                        SchemaAttribute.string("active_edge_path")
                                .computed()
                                .describedAs("The edge running the active context; null when every edge is down."),
                        SchemaAttribute.string("active_failure_domain")
                                .computed()
                                .describedAs("The failure domain (zone) of the active edge."),
                        SchemaAttribute.string("standby_edge_path")
                                .computed()
                                .describedAs("The edge running the standby context; null when it is down."),
                        SchemaAttribute.string("standby_failure_domain")
                                .computed()
                                .describedAs("The failure domain (zone) of the standby edge."))
                .describedAs("Where a tier-1 gateway's active and standby service contexts run."));
    }

    @Override
    public Value read(Value config) {
        String gateway = config.getAttr("gateway_path").asString();
        List<Value> edges = new ArrayList<>();
        Map<String, Value> values = new LinkedHashMap<>(config.asMap());
        values.put("id", Value.string(gateway));
        for (String role : List.of("active", "standby")) {
            values.put(role + "_edge_path", Value.nullOf(Type.STRING));
            values.put(role + "_failure_domain", Value.nullOf(Type.STRING));
        }
        try {
            JsonNode state = client.get()
                    .get(gateway + "/state")
                    .orElseThrow(() -> new DiagnosticException(
                            "No tier-1 gateway at " + gateway, "NSX has no state for " + gateway + "."));
            EdgeTransportNodes transportNodes = new EdgeTransportNodes(client.get());
            for (JsonNode node : state.path("tier1_status").path("per_node_status")) {
                EdgeTransportNodes.Node transportNode =
                        transportNodes.node(node.path("transport_node_id").asText());
                String domain = transportNode.failureDomain();
                String status = node.path("high_availability_status").asText();
                String path = node.path("edge_path").asText();
                edges.add(Value.object(Map.of(
                        "path", Value.string(path),
                        "display_name", Value.string(transportNode.displayName()),
                        "transport_node_id",
                                Value.string(node.path("transport_node_id").asText()),
                        "failure_domain", domain == null ? Value.nullOf(Type.STRING) : Value.string(domain),
                        "high_availability_status", Value.string(status))));
                String role = status.equals("ACTIVE")
                                && values.get("active_edge_path").isNull()
                        ? "active"
                        : status.equals("STANDBY") ? "standby" : null;
                if (role != null) {
                    values.put(role + "_edge_path", Value.string(path));
                    values.put(
                            role + "_failure_domain",
                            domain == null ? Value.nullOf(Type.STRING) : Value.string(domain));
                }
            }
        } catch (NsxApiException e) {
            throw new DiagnosticException("Cannot read the HA status of " + gateway, e.detail());
        }
        values.put("edge_node", Value.list(EDGE, edges));
        return Value.object(values);
    }

    private static Map<String, Type> edgeTypes() {
        Map<String, Type> types = new LinkedHashMap<>();
        for (String name :
                List.of("path", "display_name", "transport_node_id", "failure_domain", "high_availability_status")) {
            types.put(name, Type.STRING);
        }
        return types;
    }
}
