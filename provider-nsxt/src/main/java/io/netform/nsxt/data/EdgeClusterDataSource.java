package io.netform.nsxt.data;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netform.nsxt.api.NsxApiException;
import io.netform.nsxt.api.PolicyClient;
import io.netform.provider.DiagnosticException;
import io.netform.value.Type;
import io.netform.value.Value;
import io.netform.wire.SchemaAttribute;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code nsxt_policy_edge_cluster}, found by id or display name as terraform-provider-nsxt finds it,
 * with one attribute upstream lacks: {@code edge_node}, each member's zone (failure domain) and
 * the overlay transport zones its edge transport node joins, so a configuration can check that a
 * segment is reachable through the edges of every zone.
 */
final class EdgeClusterDataSource extends SearchDataSource {

    private static final Type EDGE = Type.object(edgeTypes());

    private final Supplier<PolicyClient> client;

    EdgeClusterDataSource(Supplier<PolicyClient> client) {
        super(
                "nsxt_policy_edge_cluster",
                "PolicyEdgeCluster",
                lookupFields()
                        .local(SchemaAttribute.of("edge_node", Type.list(EDGE))
                                .computed()
                                .describedAs("Each member edge node, in member order: path, display_name,"
                                        + " member_index, transport_node_id, failure_domain and"
                                        + " overlay_transport_zone_paths (the overlay transport zones its"
                                        + " edge transport node joins; null when NSX does not link the node"
                                        + " to a Policy edge transport node).")),
                client);
        this.client = client;
    }

    @Override
    public Value read(Value config) {
        Value found = super.read(config);
        String cluster = found.getAttr("path").asString();
        List<Value> edges = new ArrayList<>();
        try {
            EdgeTransportNodes transportNodes = new EdgeTransportNodes(client.get());
            for (ObjectNode member : client.get().list(cluster + "/edge-nodes")) {
                String transportNodeId =
                        member.path("nsx_id").asText(member.path("id").asText());
                EdgeTransportNodes.Node node = transportNodes.node(transportNodeId);
                Map<String, Value> edge = new LinkedHashMap<>();
                edge.put("path", Value.string(member.path("path").asText()));
                edge.put(
                        "display_name", Value.string(member.path("display_name").asText()));
                edge.put(
                        "member_index", Value.number(member.path("member_index").asLong()));
                edge.put("transport_node_id", Value.string(transportNodeId));
                edge.put(
                        "failure_domain",
                        node.failureDomain() == null ? Value.nullOf(Type.STRING) : Value.string(node.failureDomain()));
                edge.put(
                        "overlay_transport_zone_paths",
                        transportNodes.overlayZones(
                                member.path("edge_transport_node_path").asText("")));
                edges.add(Value.object(edge));
            }
        } catch (NsxApiException e) {
            throw new DiagnosticException("Cannot read the edge nodes of " + cluster, e.detail());
        }
        Map<String, Value> values = new LinkedHashMap<>(found.asMap());
        values.put("edge_node", Value.list(EDGE, edges));
        return Value.object(values);
    }

    private static Map<String, Type> edgeTypes() {
        Map<String, Type> types = new LinkedHashMap<>();
        for (String name : List.of("path", "display_name", "transport_node_id", "failure_domain")) {
            types.put(name, Type.STRING);
        }
        types.put("member_index", Type.NUMBER);
        types.put("overlay_transport_zone_paths", Type.list(Type.STRING));
        return types;
    }
}
