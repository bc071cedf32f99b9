package io.netform.nsxt.data;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netform.nsxt.api.NsxApiException;
import io.netform.nsxt.api.PolicyClient;
import io.netform.provider.DataSource;
import io.netform.provider.DiagnosticException;
import io.netform.value.AttributePath;
import io.netform.value.Type;
import io.netform.value.Value;
import io.netform.wire.Schema;
import io.netform.wire.SchemaAttribute;
import io.netform.wire.SchemaBlock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code nsxt_policy_edge_node}: an edge node of an edge cluster, by id, display name or member
 * index (any combination that picks exactly one), as terraform-provider-nsxt finds it.
 */
final class EdgeNodeDataSource implements DataSource {

    private final Supplier<PolicyClient> client;

    EdgeNodeDataSource(Supplier<PolicyClient> client) {
        this.client = client;
    }

    @Override
    public Schema schema() {
        return Schema.of(SchemaBlock.of(
                        SchemaAttribute.string("edge_cluster_path")
                                .required()
                                .describedAs("The edge cluster the node is a member of."),
                        SchemaAttribute.string("id").optionalComputed().describedAs("The ID of the edge node."),
                        SchemaAttribute.string("display_name")
                                .optionalComputed()
                                .describedAs("The display name of the edge node."),
                        SchemaAttribute.number("member_index")
                                .optionalComputed()
                                .describedAs("The index of the node in its cluster."),
                        SchemaAttribute.string("description").computed(),
                        SchemaAttribute.string("path").computed().describedAs("The policy path of the edge node."))
                .describedAs("An edge node of an edge cluster."));
    }

    @Override
    public Value read(Value config) {
        String cluster = config.getAttr("edge_cluster_path").asString();
        List<ObjectNode> nodes;
        try {
            nodes = client.get().list(cluster + "/edge-nodes");
        } catch (NsxApiException e) {
            throw new DiagnosticException("Cannot list the edge nodes of " + cluster, e.detail());
        }
        List<ObjectNode> matching = nodes.stream()
                .filter(n -> matches(config.getAttr("id"), n.path("id").asText()))
                .filter(n -> matches(
                        config.getAttr("display_name"), n.path("display_name").asText()))
                .filter(n -> matches(
                        config.getAttr("member_index"), n.path("member_index").asText()))
                .toList();
        if (matching.size() != 1) {
            throw new DiagnosticException(
                    matching.isEmpty() ? "No edge node found" : "Several edge nodes found",
                    "Edge cluster " + cluster + " has " + matching.size()
                            + " edge nodes matching the given id, display_name and member_index; give what picks"
                            + " exactly one.",
                    AttributePath.of("edge_cluster_path"));
        }
        ObjectNode node = matching.get(0);
        Map<String, Value> values = new LinkedHashMap<>(config.asMap());
        values.put("id", Value.string(node.path("id").asText()));
        values.put("display_name", Value.string(node.path("display_name").asText()));
        values.put("member_index", Value.number(node.path("member_index").asLong()));
        values.put("description", Value.string(node.path("description").asText("")));
        values.put("path", Value.string(node.path("path").asText()));
        return Value.object(values);
    }

    private static boolean matches(Value wanted, String actual) {
        if (wanted.isNull()) {
            return true;
        }
        String text = wanted.type().equals(Type.NUMBER) ? String.valueOf(wanted.asLong()) : wanted.asString();
        return text.equals(actual);
    }
}
