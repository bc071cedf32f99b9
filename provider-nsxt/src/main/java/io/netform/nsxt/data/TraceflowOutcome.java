package io.netform.nsxt.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * What a traceflow found, summarized from its observations: the verdict, the firewall rule that
 * decided it and the hops in order.
 *
 * @param verdict DELIVERED (a port received the packet), DROPPED (something dropped it), FORWARDED
 *     (it left NSX through a gateway uplink) or UNKNOWN (none of these was observed)
 * @param aclRulePath the last firewall rule the packet met: the dropping rule, or the rule that
 *     allowed it into the destination; null when no rule reported itself
 */
record TraceflowOutcome(String verdict, String aclRulePath, List<Hop> hops) {

    /** One observation of the traceflow. */
    record Hop(
            long sequenceNo,
            String resourceType,
            String componentType,
            String componentName,
            String componentPath,
            String reason,
            String aclRulePath,
            String transportNodeName,
            String message) {

        static Hop of(JsonNode observation) {
            return new Hop(
                    observation.path("sequence_no").asLong(),
                    text(observation, "resource_type"),
                    text(observation, "component_type"),
                    text(observation, "component_name"),
                    text(observation, "component_path"),
                    text(observation, "reason"),
                    text(observation, "acl_rule_path"),
                    text(observation, "transport_node_name"),
                    text(observation, "message"));
        }

        boolean isDelivery() {
            return resourceType != null && resourceType.startsWith("TraceflowObservationDelivered");
        }

        boolean isDrop() {
            return resourceType != null && resourceType.startsWith("TraceflowObservationDropped");
        }
    }

    /** The outcome of the observations NSX reported, in their order. */
    static TraceflowOutcome of(List<ObjectNode> observations) {
        List<Hop> hops = observations.stream().map(Hop::of).toList();
        String verdict = "UNKNOWN";
        if (hops.stream().anyMatch(Hop::isDelivery)) {
            verdict = "DELIVERED";
        } else if (hops.stream().anyMatch(Hop::isDrop)) {
            verdict = "DROPPED";
        } else if (!observations.isEmpty() && leavesThroughUplink(observations.get(observations.size() - 1))) {
            verdict = "FORWARDED";
        }
        String rule = null;
        for (Hop hop : hops) {
            if (hop.aclRulePath() != null) {
                rule = hop.aclRulePath();
            }
        }
        return new TraceflowOutcome(verdict, rule, hops);
    }

    private static boolean leavesThroughUplink(JsonNode observation) {
        return observation.path("resource_type").asText().startsWith("TraceflowObservationForwarded")
                && observation.hasNonNull("uplink_name");
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
