package io.netform.nsxt.data;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netform.nsxt.api.PolicyClient;
import io.netform.provider.DiagnosticException;
import java.util.HashMap;
import java.util.Map;

/**
 * Edge transport nodes as the Manager API describes them: each one's display name and the
 * display name of its failure domain (zone), each failure domain read once per lookup.
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
        ObjectNode transportNode = manager("/api/v1/transport-nodes/" + id);
        String domainId = transportNode.path("failure_domain_id").asText("");
        String domain = domainId.isEmpty()
                ? null
                : domainNames.computeIfAbsent(
                        domainId,
                        d -> manager("/api/v1/failure-domains/" + d)
                                .path("display_name")
                                .asText(d));
        return new Node(id, transportNode.path("display_name").asText(), domain);
    }

    private ObjectNode manager(String path) {
        return client.get(path)
                .orElseThrow(() -> new DiagnosticException("NSX has no " + path, "GET " + path + " answered 404."));
    }
}
