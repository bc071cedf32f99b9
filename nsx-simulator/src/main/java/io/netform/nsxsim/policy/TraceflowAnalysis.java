package io.netform.nsxsim.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netform.nsxsim.model.Json;
import io.netform.nsxsim.model.PolicyPath;
import io.netform.nsxsim.store.ObjectTree;
import io.netform.nsxsim.store.SeedObjects;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Computes a traceflow over the configured topology: the packet leaves its source segment port
 * (firewall OUT), crosses its segment, is routed by the tier-1 (NAT rules applied on the way
 * to the tier-0) and maybe the tier-0 to another segment, and arrives at the destination port
 * (firewall IN); each step becomes an observation as NSX reports them. A tier-1 with a service
 * router (an edge cluster with edges) carries north-south traffic, NAT and load balancing on its
 * active edge, and drops it when every edge of the gateway is down, or when the active edge's
 * transport node does not join the overlay transport zone of the segment on the gateway's side.
 */
final class TraceflowAnalysis {

    private static final String RESOURCE_TYPE = "TraceflowConfig";
    private static final int TCP_SYN = 0x02;
    private static final int TCP_ACK = 0x10;

    private final ObjectTree tree;
    private final GatewayFailover failover;
    private final long now;
    private final List<ObjectNode> observations = new ArrayList<>();
    private DistributedFirewall.Packet packet;

    private TraceflowAnalysis(ObjectTree tree, GatewayFailover failover, long now) {
        this.tree = tree;
        this.failover = failover;
        this.now = now;
    }

    /** The observations of the traceflow configured at the path. */
    static List<ObjectNode> observe(ObjectTree tree, GatewayFailover failover, JsonNode traceflow, long now) {
        TraceflowAnalysis analysis = new TraceflowAnalysis(tree, failover, now);
        analysis.run(traceflow);
        return analysis.observations;
    }

    /** True for a stored traceflow configuration. */
    static boolean isTraceflow(JsonNode node) {
        return node.path("resource_type").asText().equals(RESOURCE_TYPE);
    }

    /** True for {@code /infra/traceflows/{id}/observations} and {@code .../status}. */
    static boolean isResultPath(PolicyPath target) {
        return !target.isObject()
                && target.segments().size() == 3
                && target.segments().get(0).equals("traceflows")
                && (target.last().equals("observations") || target.last().equals("status"));
    }

    /** The body of a result path: the observations list, or the state with its counters. */
    static ObjectNode result(ObjectTree tree, GatewayFailover failover, PolicyPath target, long now) {
        String traceflow = target.up().toString();
        JsonNode config = tree.get(traceflow);
        if (config == null || !isTraceflow(config)) {
            throw new ApiException(NsxError.notFound(traceflow));
        }
        if (target.last().equals("observations")) {
            ObjectNode body = Json.object();
            ArrayNode results = body.putArray("results");
            List<ObjectNode> observations = observe(tree, failover, config, now);
            observations.forEach(results::add);
            body.put("result_count", observations.size());
            return body;
        }
        ObjectNode summary = summary(tree, failover, config, now);
        ObjectNode status = Json.object();
        status.put("operation_state", summary.path("operation_state").asText());
        status.set("counters", summary.get("counters"));
        return status;
    }

    /** The traceflow object as GET returns it: configuration plus state and counters. */
    static ObjectNode summary(ObjectTree tree, GatewayFailover failover, JsonNode traceflow, long now) {
        ObjectNode out = traceflow.deepCopy();
        out.put("operation_state", "FINISHED");
        ObjectNode counters = Json.object();
        for (String kind : List.of("forwarded", "dropped", "delivered", "received")) {
            counters.put(kind + "_count", 0);
        }
        for (ObjectNode observation : observe(tree, failover, traceflow, now)) {
            String kind = observation
                            .path("resource_type")
                            .asText()
                            .replace("TraceflowObservation", "")
                            .replace("Logical", "")
                            .toLowerCase(java.util.Locale.ROOT)
                    + "_count";
            counters.put(kind, counters.path(kind).asInt() + 1);
        }
        out.set("counters", counters);
        out.set("logical_counters", counters.deepCopy());
        return out;
    }

    private void run(JsonNode traceflow) {
        String sourcePort = traceflow.path("source_element_path").asText();
        JsonNode port = tree.get(sourcePort);
        JsonNode ip = traceflow.path("packet").path("ip_header");
        long destination = Ipv4Cidr.parseAddress(ip.path("dst_ip").asText(""));
        if (port == null || destination < 0) {
            dropped("TraceflowObservationDroppedLogical", sourcePort, "UNKNOWN", null, 0);
            return;
        }
        String segment = PolicyPath.parse(sourcePort).parentObject().toString();
        long source = ip.has("src_ip")
                ? Ipv4Cidr.parseAddress(ip.get("src_ip").asText())
                : Ipv4Cidr.parseAddress(
                        port.path("address_bindings").path(0).path("ip_address").asText(""));
        JsonNode transport = traceflow.path("packet").path("transport_header");
        JsonNode ports = transport.path(transport.has("udp_header") ? "udp_header" : "tcp_header");
        int flags = transport.path("tcp_header").path("tcp_flags").asInt(TCP_SYN);
        packet = new DistributedFirewall.Packet(
                new GroupExpressions.Endpoint(sourcePort, segment, source),
                endpointFor(destination),
                protocol(transport, ip),
                ports.path("src_port").asInt(0),
                ports.path("dst_port").asInt(0),
                transport.has("icmp_echo_request_header") ? 8 : -1,
                transport.has("tcp_header") && (flags & TCP_ACK) != 0 && (flags & TCP_SYN) == 0);
        if (!firewall(packet.source(), "OUT")) {
            return;
        }
        hop("TraceflowObservationReceivedLogical", segment, "LS");
        String target = segmentHolding(destination, segment);
        if (target == null) {
            target = route(segment);
            if (target == null) {
                return;
            }
        } else {
            hop("TraceflowObservationForwardedLogical", segment, "LS");
        }
        deliver(target);
    }

    /** Routes from the source segment's gateway; returns the destination segment or null when dropped or sent north. */
    private String route(String segment) {
        String gateway = gatewayOf(tree.get(segment));
        if (gateway == null || tree.get(gateway) == null) {
            dropped("TraceflowObservationDroppedLogical", segment, "NO_ROUTE", null, 0);
            return null;
        }
        hop("TraceflowObservationForwardedLogical", segment, "LS");
        hop("TraceflowObservationReceivedLogical", gateway, "LR");
        String local = connectedSegmentHolding(gateway, packet.destination().ip());
        if (local != null) {
            hop("TraceflowObservationForwardedLogical", gateway, "LR");
            return local;
        }
        String tier0 = tree.get(gateway).path("tier0_path").asText(null);
        if (gateway.startsWith("/infra/tier-0s/")) {
            tier0 = gateway;
        } else if (tier0 == null) {
            dropped("TraceflowObservationDroppedLogical", gateway, "NO_ROUTE", null, 0);
            return null;
        } else {
            if (!serviceRouterUp(gateway) || !activeEdgeReaches(gateway, segment)) {
                return null;
            }
            applySnat(gateway);
            hop("TraceflowObservationReceivedLogical", tier0, "LR");
        }
        for (String tier1 : tier1sUnder(tier0)) {
            if (tier1.equals(gateway)) {
                continue;
            }
            if (servesDestination(tier1) && !serviceRouterUp(tier1)) {
                return null;
            }
            applyDnat(tier1);
            applyLoadBalancer(tier1);
            String remote = connectedSegmentHolding(tier1, packet.destination().ip());
            if (remote != null && !activeEdgeReaches(tier1, remote)) {
                return null;
            }
            if (remote != null) {
                hop("TraceflowObservationForwardedLogical", tier0, "LR");
                hop("TraceflowObservationReceivedLogical", tier1, "LR");
                hop("TraceflowObservationForwardedLogical", tier1, "LR");
                return remote;
            }
        }
        ObjectNode uplink = hop("TraceflowObservationForwardedLogical", tier0, "LR");
        uplink.put("component_sub_type", "SR");
        uplink.put("uplink_name", "uplink");
        return null;
    }

    private void deliver(String segment) {
        hop("TraceflowObservationReceivedLogical", segment, "LS");
        String port = portWithAddress(segment, packet.destination().ip());
        if (port == null) {
            dropped("TraceflowObservationDroppedLogical", segment, "ARP_FAIL", null, 0);
            return;
        }
        GroupExpressions.Endpoint at = new GroupExpressions.Endpoint(
                port, segment, packet.destination().ip());
        packet = packet.to(at);
        if (firewall(at, "IN")) {
            ObjectNode delivered = hop("TraceflowObservationDelivered", port, "LS");
            delivered.put("lport_name", tree.get(port).path("display_name").asText());
            delivered.put("resolution_type", "UNKNOWN");
        }
    }

    private boolean firewall(GroupExpressions.Endpoint at, String direction) {
        DistributedFirewall.Verdict verdict = DistributedFirewall.evaluate(tree, at, direction, packet);
        if (verdict.allowed()) {
            if (!verdict.excluded()) {
                ObjectNode pass = hop("TraceflowObservationForwardedLogical", at.port(), "DFW");
                if (verdict.rulePath() != null) {
                    pass.put("acl_rule_path", verdict.rulePath()).put("acl_rule_id", verdict.ruleId());
                }
            }
            return true;
        }
        dropped("TraceflowObservationDropped", at.port(), "FW_RULE", verdict.rulePath(), verdict.ruleId());
        return false;
    }

    private void applySnat(String gateway) {
        for (JsonNode rule : natRules(gateway)) {
            String action = rule.path("action").asText();
            if (!(action.equals("SNAT") || action.equals("NO_SNAT"))
                    || !inNetworks(rule.path("source_network"), packet.source().ip())
                    || !inNetworks(
                            rule.path("destination_network"),
                            packet.destination().ip())) {
                continue;
            }
            if (action.equals("SNAT")) {
                long translated = firstAddress(rule.path("translated_network").asText());
                packet = packet.from(new GroupExpressions.Endpoint(null, null, translated));
                hop("TraceflowObservationForwardedLogical", gateway, "LR")
                        .put("nat_rule_path", rule.path("path").asText())
                        .put("translated_source_ip", Ipv4Cidr.format(translated));
            }
            return;
        }
    }

    /**
     * True when the gateway's service router is absent (the distributed router forwards) or has an
     * active edge, which the observation names; else records the drop and why.
     */
    private boolean serviceRouterUp(String gateway) {
        GatewayFailover.ServiceRouter router = failover.serviceRouter(tree, gateway);
        if (router == null) {
            return true;
        }
        if (router.active() == null) {
            ObjectNode drop = hop("TraceflowObservationDroppedLogical", gateway, "LR");
            drop.put("component_sub_type", "SR");
            drop.put("reason", "NO_ROUTE");
            drop.put("message", router.downReason());
            return false;
        }
        hop("TraceflowObservationReceivedLogical", gateway, "LR")
                .put("component_sub_type", "SR")
                .put("transport_node_name", router.active().displayName())
                .put("transport_node_id", router.active().id());
        return true;
    }

    /**
     * True unless the gateway's service router runs on an edge whose transport node does not join
     * the overlay transport zone of the segment (no transport zone: the default overlay one);
     * then records the drop and why.
     */
    private boolean activeEdgeReaches(String gateway, String segment) {
        GatewayFailover.ServiceRouter router = failover.serviceRouter(tree, gateway);
        JsonNode segmentNode = tree.get(segment);
        String zonePath = segmentNode.hasNonNull("transport_zone_path")
                ? segmentNode.get("transport_zone_path").asText()
                : SeedObjects.OVERLAY_TZ;
        JsonNode zone = tree.get(zonePath);
        boolean overlay = zone == null || zone.path("tz_type").asText("OVERLAY").startsWith("OVERLAY");
        if (router == null
                || router.active() == null
                || !overlay
                || router.active().joins(tree, zonePath)) {
            return true;
        }
        EdgeFabric.EdgeNode edge = router.active();
        ObjectNode drop = hop("TraceflowObservationDroppedLogical", gateway, "LR");
        drop.put("component_sub_type", "SR");
        drop.put("reason", "NO_ROUTE");
        drop.put("transport_node_name", edge.displayName());
        drop.put("transport_node_id", edge.id());
        drop.put(
                "message",
                "edge " + edge.displayName() + " (" + edge.failureDomainId() + ") runs the active service router of "
                        + gateway + " but its transport node does not join transport zone " + zonePath
                        + " of segment " + segment);
        return false;
    }

    /** True when the gateway owns the destination: a connected segment, a DNAT rule or a virtual server. */
    private boolean servesDestination(String gateway) {
        long address = packet.destination().ip();
        if (connectedSegmentHolding(gateway, address) != null || virtualServer(gateway, address) != null) {
            return true;
        }
        return natRules(gateway).stream()
                .anyMatch(rule -> rule.path("action").asText().equals("DNAT")
                        && rule.hasNonNull("destination_network")
                        && inNetworks(rule.path("destination_network"), address));
    }

    /** A virtual server answering on the address sends the packet to its pool's first member. */
    private void applyLoadBalancer(String gateway) {
        JsonNode server = virtualServer(gateway, packet.destination().ip());
        if (server == null) {
            return;
        }
        JsonNode pool = tree.get(server.path("pool_path").asText(""));
        JsonNode member = pool == null ? null : pool.path("members").path(0);
        long translated = member == null
                ? -1
                : Ipv4Cidr.parseAddress(member.path("ip_address").asText(""));
        ObjectNode observation = hop("TraceflowObservationReceivedLogical", gateway, "LR")
                .put("component_sub_type", "SR")
                .put("lb_virtual_server_path", server.path("path").asText());
        if (translated >= 0) {
            packet = packet.to(endpointFor(translated));
            observation.put("translated_destination_ip", Ipv4Cidr.format(translated));
        }
    }

    private JsonNode virtualServer(String gateway, long address) {
        for (String id : tree.members("/infra/lb-virtual-servers")) {
            JsonNode server = tree.get("/infra/lb-virtual-servers/" + id);
            JsonNode service = tree.get(server.path("lb_service_path").asText(""));
            if (server.path("enabled").asBoolean(true)
                    && Ipv4Cidr.parseAddress(server.path("ip_address").asText("")) == address
                    && service != null
                    && gateway.equals(service.path("connectivity_path").asText())
                    && servesPort(server, packet.destinationPort())) {
                return server;
            }
        }
        return null;
    }

    private static boolean servesPort(JsonNode server, int port) {
        if (port == 0 || server.path("ports").isEmpty()) {
            return true;
        }
        for (JsonNode range : server.path("ports")) {
            String[] bounds = range.asText().split("-");
            try {
                int low = Integer.parseInt(bounds[0].trim());
                int high = Integer.parseInt(bounds[bounds.length - 1].trim());
                if (port >= low && port <= high) {
                    return true;
                }
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return false;
    }

    private void applyDnat(String gateway) {
        for (JsonNode rule : natRules(gateway)) {
            if (rule.path("action").asText().equals("DNAT")
                    && rule.hasNonNull("destination_network")
                    && inNetworks(
                            rule.path("destination_network"),
                            packet.destination().ip())) {
                long translated = firstAddress(rule.path("translated_network").asText());
                packet = packet.to(endpointFor(translated));
                hop("TraceflowObservationReceivedLogical", gateway, "LR")
                        .put("nat_rule_path", rule.path("path").asText())
                        .put("translated_destination_ip", Ipv4Cidr.format(translated));
                return;
            }
        }
    }

    private List<JsonNode> natRules(String gateway) {
        List<JsonNode> rules = new ArrayList<>();
        String section = gateway + "/nat/USER/nat-rules";
        for (String id : tree.members(section)) {
            JsonNode rule = tree.get(section + "/" + id);
            if (rule.path("enabled").asBoolean(true)) {
                rules.add(rule);
            }
        }
        rules.sort(Comparator.comparingLong(
                        (JsonNode r) -> r.path("sequence_number").asLong(100))
                .thenComparing(r -> r.path("id").asText()));
        return rules;
    }

    private GroupExpressions.Endpoint endpointFor(long address) {
        for (JsonNode node : tree.all()) {
            if (node.path("resource_type").asText().equals("SegmentPort") && bound(node, address)) {
                String path = node.path("path").asText();
                return new GroupExpressions.Endpoint(
                        path, PolicyPath.parse(path).parentObject().toString(), address);
            }
        }
        return new GroupExpressions.Endpoint(null, null, address);
    }

    private String segmentHolding(long address, String segment) {
        return inSubnets(tree.get(segment), address) || portWithAddress(segment, address) != null ? segment : null;
    }

    private String connectedSegmentHolding(String gateway, long address) {
        for (JsonNode node : tree.all()) {
            if (node.path("resource_type").asText().equals("Segment")
                    && gateway.equals(gatewayOf(node))
                    && inSubnets(node, address)) {
                return node.path("path").asText();
            }
        }
        return null;
    }

    /** The gateway a segment is attached to: its connectivity_path, or the tier-1 it lives under. */
    private static String gatewayOf(JsonNode segment) {
        String parent = segment.path("parent_path").asText();
        return segment.path("connectivity_path").asText(parent.startsWith("/infra/tier-1s/") ? parent : null);
    }

    private List<String> tier1sUnder(String tier0) {
        List<String> gateways = new ArrayList<>();
        for (String id : tree.members("/infra/tier-1s")) {
            if (tier0.equals(tree.get("/infra/tier-1s/" + id).path("tier0_path").asText())) {
                gateways.add("/infra/tier-1s/" + id);
            }
        }
        return gateways;
    }

    private String portWithAddress(String segment, long address) {
        for (String id : tree.members(segment + "/ports")) {
            if (bound(tree.get(segment + "/ports/" + id), address)) {
                return segment + "/ports/" + id;
            }
        }
        return null;
    }

    private static boolean bound(JsonNode port, long address) {
        for (JsonNode binding : port.path("address_bindings")) {
            if (Ipv4Cidr.parseAddress(binding.path("ip_address").asText("")) == address) {
                return true;
            }
        }
        return false;
    }

    private static boolean inSubnets(JsonNode segment, long address) {
        for (JsonNode subnet : segment.path("subnets")) {
            Ipv4Cidr network = Ipv4Cidr.parse(subnet.path("network").asText(null));
            if (network != null && network.contains(address)) {
                return true;
            }
        }
        return false;
    }

    /** True for a missing or empty network list, or a comma-separated list that holds the address. */
    private static boolean inNetworks(JsonNode networks, long address) {
        String text = networks.asText("");
        if (text.isBlank()) {
            return true;
        }
        for (String part : text.split(",")) {
            long[] range = GroupExpressions.range(part.trim());
            if (range != null && address >= range[0] && address <= range[1]) {
                return true;
            }
        }
        return false;
    }

    private static long firstAddress(String network) {
        long[] range = GroupExpressions.range(network.split(",")[0].trim());
        return range == null ? -1 : range[0];
    }

    private static String protocol(JsonNode transport, JsonNode ip) {
        if (transport.has("tcp_header")) {
            return "TCP";
        }
        if (transport.has("udp_header")) {
            return "UDP";
        }
        if (transport.has("icmp_echo_request_header")) {
            return "ICMP";
        }
        return switch (ip.path("protocol").asInt(1)) {
            case 6 -> "TCP";
            case 17 -> "UDP";
            default -> "ICMP";
        };
    }

    private ObjectNode hop(String kind, String componentPath, String componentType) {
        ObjectNode observation = Json.object();
        observation.put("resource_type", kind);
        observation.put("sequence_no", observations.size());
        observation.put("component_type", componentType);
        JsonNode component = componentPath == null ? null : tree.get(componentPath);
        observation.put(
                "component_name",
                component == null
                        ? componentType
                        : componentType.equals("DFW")
                                ? "DFW"
                                : component.path("display_name").asText());
        observation.put("component_path", componentPath);
        observation.put("transport_node_name", "nsx-sim-host");
        observation.put("timestamp", now);
        observations.add(observation);
        return observation;
    }

    private void dropped(String kind, String componentPath, String reason, String rulePath, long ruleId) {
        String type = reason.equals("FW_RULE") ? "DFW" : componentPath.contains("/segments/") ? "LS" : "LR";
        ObjectNode drop = hop(kind, componentPath, type);
        drop.put("reason", reason);
        if (rulePath != null) {
            drop.put("acl_rule_path", rulePath).put("acl_rule_id", ruleId);
        }
    }
}
