package io.netform.nsxsim.policy;

import com.fasterxml.jackson.databind.JsonNode;
import io.netform.nsxsim.model.ReferenceFields;
import io.netform.nsxsim.store.ObjectTree;
import io.netform.nsxsim.store.SeedObjects;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The distributed firewall's verdict for one packet at one segment port: exclude-list members
 * bypass it; otherwise security policies are taken by category, then policy sequence number,
 * then rule sequence number, and the first rule that matches decides (allow when none does).
 */
final class DistributedFirewall {

    /**
     * A packet as the firewall sees it; {@code reply} marks a packet of an established connection
     * (a TCP segment with ACK and without SYN).
     */
    record Packet(
            GroupExpressions.Endpoint source,
            GroupExpressions.Endpoint destination,
            String protocol,
            int sourcePort,
            int destinationPort,
            int icmpType,
            boolean reply) {

        /** The packet with another source. */
        Packet from(GroupExpressions.Endpoint newSource) {
            return new Packet(newSource, destination, protocol, sourcePort, destinationPort, icmpType, reply);
        }

        /** The packet with another destination. */
        Packet to(GroupExpressions.Endpoint newDestination) {
            return new Packet(source, newDestination, protocol, sourcePort, destinationPort, icmpType, reply);
        }

        /** The packet that opened the connection this reply belongs to. */
        Packet opening() {
            return new Packet(destination, source, protocol, destinationPort, sourcePort, icmpType, false);
        }
    }

    /**
     * The decision and the rule that made it (null when no rule matched or the port is excluded);
     * {@code stateful} when the deciding policy keeps connection state.
     */
    record Verdict(boolean allowed, String rulePath, long ruleId, boolean excluded, boolean stateful) {}

    private static final List<String> CATEGORIES =
            List.of("Ethernet", "Emergency", "Infrastructure", "Environment", "Application");

    private DistributedFirewall() {}

    /**
     * The verdict at a port for traffic leaving it ({@code OUT}) or arriving at it ({@code IN}).
     * A reply passes when a stateful policy allowed the packet that opened its connection.
     */
    static Verdict evaluate(ObjectTree tree, GroupExpressions.Endpoint at, String direction, Packet packet) {
        if (excluded(tree, at)) {
            return new Verdict(true, null, 0, true, true);
        }
        if (packet.reply()) {
            Verdict opening = rules(tree, at, direction.equals("IN") ? "OUT" : "IN", packet.opening());
            if (opening.allowed() && opening.stateful()) {
                return opening;
            }
        }
        return rules(tree, at, direction, packet);
    }

    private static Verdict rules(ObjectTree tree, GroupExpressions.Endpoint at, String direction, Packet packet) {
        List<JsonNode> policies = new ArrayList<>();
        for (JsonNode node : tree.all()) {
            if (node.path("resource_type").asText().equals("SecurityPolicy")
                    && CATEGORIES.contains(node.path("category").asText())) {
                policies.add(node);
            }
        }
        policies.sort(Comparator.comparingInt(
                        (JsonNode p) -> CATEGORIES.indexOf(p.path("category").asText()))
                .thenComparingLong(p -> p.path("sequence_number").asLong(0))
                .thenComparing(p -> p.path("path").asText()));
        boolean jumpToApplication = false;
        for (JsonNode policy : policies) {
            if (jumpToApplication && !policy.path("category").asText().equals("Application")) {
                continue;
            }
            if (!inScope(tree, policy.path("scope"), at)) {
                continue;
            }
            for (JsonNode rule : enabledRules(tree, policy.path("path").asText())) {
                if (!matches(tree, rule, at, direction, packet)) {
                    continue;
                }
                String action = rule.path("action").asText("ALLOW");
                if (action.equals("JUMP_TO_APPLICATION")) {
                    jumpToApplication = true;
                    break;
                }
                return new Verdict(
                        action.equals("ALLOW"),
                        rule.path("path").asText(),
                        rule.path("rule_id").asLong(),
                        false,
                        policy.path("stateful").asBoolean(true));
            }
        }
        return new Verdict(true, null, 0, false, true);
    }

    private static boolean excluded(ObjectTree tree, GroupExpressions.Endpoint at) {
        for (String member : ReferenceFields.extract(tree.get(SeedObjects.EXCLUDE_LIST), List.of("members[]"))) {
            if (member.equals(at.port())
                    || member.equals(at.segment())
                    || (member.contains("/groups/") && GroupExpressions.contains(tree, member, at))) {
                return true;
            }
        }
        return false;
    }

    private static List<JsonNode> enabledRules(ObjectTree tree, String policy) {
        List<JsonNode> rules = new ArrayList<>();
        for (String id : tree.members(policy + "/rules")) {
            JsonNode rule = tree.get(policy + "/rules/" + id);
            if (!rule.path("disabled").asBoolean(false)) {
                rules.add(rule);
            }
        }
        rules.sort(Comparator.comparingLong(
                        (JsonNode r) -> r.path("sequence_number").asLong(0))
                .thenComparing(r -> r.path("id").asText()));
        return rules;
    }

    private static boolean matches(
            ObjectTree tree, JsonNode rule, GroupExpressions.Endpoint at, String direction, Packet packet) {
        String ruleDirection = rule.path("direction").asText("IN_OUT");
        return (ruleDirection.equals("IN_OUT") || ruleDirection.equals(direction))
                && inScope(tree, rule.path("scope"), at)
                && inGroups(tree, rule.path("source_groups"), packet.source())
                        != rule.path("sources_excluded").asBoolean(false)
                && inGroups(tree, rule.path("destination_groups"), packet.destination())
                        != rule.path("destinations_excluded").asBoolean(false)
                && servicesMatch(tree, rule, packet);
    }

    private static boolean inScope(ObjectTree tree, JsonNode scope, GroupExpressions.Endpoint at) {
        return inGroups(tree, scope, at);
    }

    /** True for an empty list, {@code ANY}, or a listed group, segment or port that holds the endpoint. */
    private static boolean inGroups(ObjectTree tree, JsonNode paths, GroupExpressions.Endpoint endpoint) {
        if (!paths.isArray() || paths.isEmpty()) {
            return true;
        }
        for (JsonNode path : paths) {
            String p = path.asText();
            if (p.equals(ReferenceFields.ANY)
                    || p.equals(endpoint.port())
                    || p.equals(endpoint.segment())
                    || GroupExpressions.contains(tree, p, endpoint)) {
                return true;
            }
        }
        return false;
    }

    private static boolean servicesMatch(ObjectTree tree, JsonNode rule, Packet packet) {
        JsonNode services = rule.path("services");
        JsonNode inline = rule.path("service_entries");
        boolean anyService = !services.isArray()
                || services.isEmpty()
                || (services.size() == 1 && services.get(0).asText().equals(ReferenceFields.ANY));
        if (anyService && (!inline.isArray() || inline.isEmpty())) {
            return true;
        }
        for (JsonNode entry : inline) {
            if (entryMatches(tree, entry, packet, 0)) {
                return true;
            }
        }
        if (!anyService) {
            for (JsonNode service : services) {
                if (serviceMatches(tree, service.asText(), packet, 0)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean serviceMatches(ObjectTree tree, String service, Packet packet, int depth) {
        for (String id : tree.members(service + "/service-entries")) {
            if (entryMatches(tree, tree.get(service + "/service-entries/" + id), packet, depth)) {
                return true;
            }
        }
        return false;
    }

    private static boolean entryMatches(ObjectTree tree, JsonNode entry, Packet packet, int depth) {
        switch (entry.path("resource_type").asText()) {
            case "L4PortSetServiceEntry":
                return entry.path("l4_protocol").asText().equalsIgnoreCase(packet.protocol())
                        && portListed(entry.path("destination_ports"), packet.destinationPort());
            case "ICMPTypeServiceEntry":
                return packet.protocol().equals("ICMP")
                        && (!entry.has("icmp_type") || entry.get("icmp_type").asInt() == packet.icmpType());
            case "IPProtocolServiceEntry":
                return entry.path("protocol_number").asInt(-1) == protocolNumber(packet.protocol());
            case "NestedServiceServiceEntry":
                return depth < 8
                        && serviceMatches(
                                tree, entry.path("nested_service_path").asText(), packet, depth + 1);
            default:
                return false;
        }
    }

    private static boolean portListed(JsonNode ports, int port) {
        if (!ports.isArray() || ports.isEmpty()) {
            return true;
        }
        for (JsonNode p : ports) {
            String text = p.asText();
            int dash = text.indexOf('-');
            try {
                int low = Integer.parseInt((dash < 0 ? text : text.substring(0, dash)).trim());
                int high = dash < 0
                        ? low
                        : Integer.parseInt(text.substring(dash + 1).trim());
                if (port >= low && port <= high) {
                    return true;
                }
            } catch (NumberFormatException e) {
                // A port NSX would not have accepted matches nothing.
            }
        }
        return false;
    }

    private static int protocolNumber(String protocol) {
        return switch (protocol) {
            case "TCP" -> 6;
            case "UDP" -> 17;
            case "ICMP" -> 1;
            default -> -1;
        };
    }
}
