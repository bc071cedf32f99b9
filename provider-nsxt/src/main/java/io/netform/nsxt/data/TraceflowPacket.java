package io.netform.nsxt.data;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netform.nsxt.api.PolicyClient;
import java.util.List;

/**
 * The packet a traceflow injects: from a segment port, to an IPv4 address, over TCP, UDP or ICMP
 * echo, written as NSX's {@code TraceflowConfig} with a {@code FieldsPacketData} packet.
 *
 * @param sourceIp the source port's bound address, or null to let NSX take it from the port
 */
record TraceflowPacket(
        String sourcePath,
        String sourceIp,
        String destinationIp,
        String protocol,
        int sourcePort,
        int destinationPort) {

    /** The protocols a traceflow packet can carry here. */
    static final List<String> PROTOCOLS = List.of("TCP", "UDP", "ICMP");

    /** NSX accepts a collection timeout of 5 to 15 seconds. */
    private static final long MIN_TIMEOUT_MS = 5_000;

    private static final long MAX_TIMEOUT_MS = 15_000;

    /** The TraceflowConfig body; NSX waits for observations at most {@code timeoutMillis}, within its limits. */
    ObjectNode config(long timeoutMillis) {
        ObjectNode config = PolicyClient.object();
        config.put("resource_type", "TraceflowConfig");
        config.put("source_element_path", sourcePath);
        config.put("timeout", Math.max(MIN_TIMEOUT_MS, Math.min(MAX_TIMEOUT_MS, timeoutMillis)));
        config.put("is_transient", true);
        ObjectNode packet = config.putObject("packet");
        packet.put("resource_type", "FieldsPacketData");
        packet.put("transport_type", "UNICAST");
        ObjectNode ip = packet.putObject("ip_header");
        if (sourceIp != null) {
            ip.put("src_ip", sourceIp);
        }
        ip.put("dst_ip", destinationIp);
        ip.put("protocol", protocolNumber());
        ObjectNode transport = packet.putObject("transport_header");
        if (protocol.equals("ICMP")) {
            transport.putObject("icmp_echo_request_header").put("id", 1).put("sequence", 1);
        } else {
            transport
                    .putObject(protocol.equals("TCP") ? "tcp_header" : "udp_header")
                    .put("src_port", sourcePort)
                    .put("dst_port", destinationPort);
        }
        return config;
    }

    private int protocolNumber() {
        switch (protocol) {
            case "TCP":
                return 6;
            case "UDP":
                return 17;
            default:
                return 1;
        }
    }
}
