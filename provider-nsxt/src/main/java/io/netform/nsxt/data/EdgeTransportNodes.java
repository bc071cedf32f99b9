package io.netform.nsxt.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netform.nsxt.api.PolicyClient;
import io.netform.provider.DiagnosticException;
import io.netform.value.Type;
import io.netform.value.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Edge transport nodes: each one's display name and the display name of its failure domain (zone)
 * as the Manager API describes them, each failure domain read once per lookup, and the overlay
 * transport zones its Policy edge transport node joins.
 */
final class EdgeTransportNodes {

    /** One edge transport node; {@code failureDomain} is null for an edge outside any failure domain. */
    record Node(String id, String displayName, String failureDomain) {}

    private final PolicyClient client;
    private final Map<String, String> domainNames = new HashMap<>();

    EdgeTransportNodes(PolicyClient client) {
        this.client = client;
    }

    /** The transport node with the id. */
    Node node(String id) {
        ObjectNode transportNode = required("/api/v1/transport-nodes/" + id);
        String domainId = transportNode.path("failure_domain_id").asText("");
        String domain = domainId.isEmpty()
                ? null
                : domainNames.computeIfAbsent(
                        domainId,
                        d -> required("/api/v1/failure-domains/" + d)
                                .path("display_name")
                                .asText(d));
        return new Node(id, transportNode.path("display_name").asText(), domain);
    }

    /**
     * The overlay transport zones the switches of the Policy edge transport node at {@code policyPath}
     * join; null when NSX does not link the edge node to one (an empty path).
     */
    Value overlayZones(String policyPath) {
        if (policyPath.isEmpty()) {
            return Value.nullOf(Type.list(Type.STRING));
        }
        List<Value> zones = new ArrayList<>();
        for (JsonNode hostSwitch : required(policyPath).path("switch_spec").path("switches")) {
            hostSwitch.path("overlay_transport_zone_paths").forEach(zone -> zones.add(Value.string(zone.asText())));
        }
        return Value.list(Type.STRING, zones);
    }

    private ObjectNode required(String path) {
        return client.get(path)
                .orElseThrow(() -> new DiagnosticException("NSX has no " + path, "GET " + path + " answered 404."));
    }
}
