package io.netform.nsxt.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netform.nsxt.api.PolicyClient;
import java.util.List;
import java.util.Map;

/**
 * Pods as NCP makes them, written straight through the provider's client: segment ports on one
 * segment, tagged with the cluster, namespace, labels and named ports; and traceflows between them.
 */
final class PodNetwork {

    static final String CLUSTER = "k1";

    private final PolicyClient nsx;
    private int traceflows;

    PodNetwork(PolicyClient nsx) {
        this.nsx = nsx;
        nsx.patch("/infra/segments/pods", PolicyClient.object().put("display_name", "pods"));
    }

    /** Creates the pod's segment port, or replaces its tags. */
    void put(Pod pod) {
        ObjectNode port = PolicyClient.object().put("display_name", pod.toString());
        port.putArray("address_bindings").addObject().put("ip_address", pod.ip());
        ArrayNode tags = port.putArray("tags");
        tags.addObject().put("scope", PodTags.CLUSTER).put("tag", CLUSTER);
        tags.addObject().put("scope", PodTags.PROJECT).put("tag", pod.namespace());
        pod.labels().forEach((key, value) -> tags.addObject().put("scope", key).put("tag", value));
        pod.namedPorts()
                .forEach((name, value) -> tags.addObject()
                        .put("scope", PodTags.namedPortScope(name))
                        .put("tag", value));
        nsx.patch(pod.portPath(), port.put("resource_type", "SegmentPort"));
    }

    /** True when the traceflow of a new connection from the pod to the address reaches it. */
    boolean delivers(Pod from, String toIp, String protocol, int port) {
        return observe(from, toIp, protocol, port, false).stream()
                .anyMatch(o -> o.path("resource_type").asText().equals("TraceflowObservationDelivered"));
    }

    /** True when the distributed firewall drops the packet (rather than passing it on). */
    boolean firewallDrops(Pod from, String toIp, String protocol, int port, boolean reply) {
        return observe(from, toIp, protocol, port, reply).stream()
                .anyMatch(o -> o.path("reason").asText().equals("FW_RULE"));
    }

    private List<JsonNode> observe(Pod from, String toIp, String protocol, int port, boolean reply) {
        String id = "/infra/traceflows/tf-" + traceflows++;
        ObjectNode config = PolicyClient.object().put("source_element_path", from.portPath());
        ObjectNode packet = config.putObject("packet").put("resource_type", "FieldsPacketData");
        packet.putObject("ip_header").put("src_ip", from.ip()).put("dst_ip", toIp);
        ObjectNode header = packet.putObject("transport_header")
                .putObject(protocol.equals("UDP") ? "udp_header" : "tcp_header")
                .put("src_port", 40000)
                .put("dst_port", port);
        if (protocol.equals("TCP")) {
            header.put("tcp_flags", reply ? 0x10 : 0x02);
        }
        nsx.patch(id, config);
        List<JsonNode> observations = List.copyOf(nsx.list(id + "/observations"));
        nsx.delete(id, Map.of());
        return observations;
    }
}
