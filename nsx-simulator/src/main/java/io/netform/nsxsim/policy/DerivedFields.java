package io.netform.nsxsim.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netform.nsxsim.model.PolicyPath;
import io.netform.nsxsim.store.Transaction;

/** Fields NSX computes on write: segment networks, rule ids, carved subnets and allocated addresses. */
final class DerivedFields {

    private DerivedFields() {}

    /** Fills in the computed fields of {@code content}, refusing values NSX would refuse. */
    static void apply(Transaction tx, PolicyPath path, String resourceType, ObjectNode content, JsonNode previous) {
        switch (resourceType) {
            case "Segment" -> deriveNetworks(path, content);
            case "Rule" ->
                content.put(
                        "rule_id",
                        previous != null && previous.has("rule_id")
                                ? previous.get("rule_id").asLong()
                                : tx.nextSequence());
            case IpAddressing.BLOCK_SUBNET -> {
                if (!content.hasNonNull("ip_block_path")) {
                    throw new ApiException(NsxError.invalid("ip_block_path is required for " + path));
                }
                IpAddressing.carve(tx, path, content, previous);
            }
            case IpAddressing.STATIC_SUBNET -> IpAddressing.checkStatic(tx.view(), path, content);
            case "IpAddressAllocation" -> IpAddressing.allocate(tx.view(), path, content, previous);
            case "Group" -> GroupExpressions.check(path, content.get("expression"));
            case "LocaleServices" -> checkPreferredEdges(path, content);
            case "TraceflowConfig" -> {
                JsonNode source = tx.get(content.path("source_element_path").asText(""));
                if (source == null || !source.path("resource_type").asText().equals("SegmentPort")) {
                    throw new ApiException(
                            NsxError.invalid("source_element_path of " + path + " must be the path of a segment port"));
                }
                if (Ipv4Cidr.parseAddress(content.path("packet")
                                .path("ip_header")
                                .path("dst_ip")
                                .asText(""))
                        < 0) {
                    throw new ApiException(
                            NsxError.invalid("packet.ip_header.dst_ip of " + path + " must be an IPv4 address"));
                }
            }
            default -> {}
        }
    }

    /** NSX refuses preferred edges outside the locale service's edge cluster. */
    private static void checkPreferredEdges(PolicyPath path, ObjectNode locale) {
        JsonNode preferred = locale.path("preferred_edge_paths");
        String cluster = locale.path("edge_cluster_path").asText("");
        for (JsonNode edge : preferred) {
            if (!edge.asText().startsWith(cluster + "/edge-nodes/") || cluster.isEmpty()) {
                throw new ApiException(NsxError.invalid("preferred_edge_paths of " + path + " names " + edge.asText()
                        + ", which is not an edge node of the edge cluster "
                        + (cluster.isEmpty() ? "(none set)" : cluster)));
            }
        }
        if (preferred.size() > 2) {
            throw new ApiException(NsxError.invalid("preferred_edge_paths of " + path + " names " + preferred.size()
                    + " edges; an active-standby gateway takes at most two"));
        }
    }

    private static void deriveNetworks(PolicyPath path, ObjectNode segment) {
        JsonNode subnets = segment.get("subnets");
        if (subnets == null || !subnets.isArray()) {
            return;
        }
        int index = 0;
        for (JsonNode subnet : subnets) {
            String gateway = subnet.path("gateway_address").asText(null);
            if (gateway != null && gateway.contains(":")) {
                index++;
                continue;
            }
            Ipv4Cidr network = gateway == null || !gateway.contains("/") ? null : Ipv4Cidr.parse(gateway);
            if (network == null || !subnet.isObject()) {
                throw new ApiException(NsxError.invalid("subnets[" + index + "].gateway_address of " + path
                        + " must be an address with a prefix length such as 10.1.1.1/24, got "
                        + subnet.get("gateway_address")));
            }
            ((ObjectNode) subnet).put("network", network.toString());
            index++;
        }
    }
}
