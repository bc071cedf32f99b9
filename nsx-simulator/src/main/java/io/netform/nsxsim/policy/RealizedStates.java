package io.netform.nsxsim.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netform.nsxsim.model.Json;
import io.netform.nsxsim.model.PolicyPath;
import io.netform.nsxsim.model.TypeCatalog;
import io.netform.nsxsim.store.ObjectTree;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * Realized state: an object is UNREALIZED until a delay after its last change, then REALIZED,
 * or ERROR when NSX could not realize it (a load-balancer service on a tier-1 without an edge
 * cluster). Answers {@code realized-state/realized-entities}, {@code realized-state/status}
 * and a segment's {@code /state}.
 */
final class RealizedStates {

    private static final String REALIZED_STATE = "/infra/realized-state/";

    private final TypeCatalog catalog;
    private final Duration delay;
    private final Clock clock;

    RealizedStates(TypeCatalog catalog, Duration delay, Clock clock) {
        this.catalog = catalog;
        this.delay = delay;
        this.clock = clock;
    }

    /** True for {@code <segment>/state}. */
    boolean isStatePath(PolicyPath path) {
        return !path.isObject()
                && path.segments().size() >= 3
                && path.last().equals("state")
                && catalog.typeOf(path.up())
                        .map(t -> t.name().equals("Segment"))
                        .orElse(false);
    }

    /** The body for a realized-state or segment-state request. */
    ObjectNode answer(ObjectTree tree, PolicyPath path, Map<String, String> query) {
        if (isStatePath(path)) {
            return segmentState(tree, path.up().toString());
        }
        String endpoint = path.toString().substring(REALIZED_STATE.length());
        String intent = query.getOrDefault("intent_path", "");
        JsonNode node = tree.get(intent);
        if (!endpoint.equals("realized-entities") && !endpoint.equals("status")) {
            throw new ApiException(NsxError.notFound(path.toString()));
        }
        if (node == null) {
            throw new ApiException(NsxError.notFound(intent.isEmpty() ? "intent_path (missing)" : intent));
        }
        return endpoint.equals("status") ? status(tree, node) : entities(tree, node);
    }

    private ObjectNode entities(ObjectTree tree, JsonNode node) {
        String error = errorOf(tree, node);
        ObjectNode entity = Json.object();
        entity.put("resource_type", "GenericPolicyRealizedResource");
        entity.put("id", node.path("unique_id").asText());
        entity.put("display_name", node.path("display_name").asText());
        entity.put("entity_type", "Realized" + node.path("resource_type").asText());
        entity.put("state", error != null ? "ERROR" : realized(node) ? "REALIZED" : "UNREALIZED");
        entity.put("realization_specific_identifier", node.path("unique_id").asText());
        entity.putArray("intent_paths").add(node.path("path").asText());
        entity.put("runtime_status", error != null ? "ERROR" : "UNKNOWN");
        ArrayNode attributes = entity.putArray("extended_attributes");
        extendedAttributes(node)
                .forEach((key, value) -> attributes
                        .addObject()
                        .put("key", key)
                        .put("data_type", "STRING")
                        .put("multivalue", false)
                        .putArray("values")
                        .add(value));
        ArrayNode alarms = entity.putArray("alarms");
        if (error != null) {
            ObjectNode alarm = alarms.addObject().put("message", error);
            alarm.putObject("error_details").put("error_message", error).putArray("related_errors");
        }
        entity.put("_revision", 0);
        ObjectNode body = Json.object();
        body.putArray("results").add(entity);
        body.put("result_count", 1);
        return body;
    }

    private ObjectNode status(ObjectTree tree, JsonNode node) {
        String state = errorOf(tree, node) != null ? "ERROR" : realized(node) ? "SUCCESS" : "IN_PROGRESS";
        ObjectNode body = Json.object();
        body.put("intent_path", node.path("path").asText());
        body.putObject("consolidated_status").put("consolidated_status", state);
        body.put("publish_status", realized(node) ? "SUCCESS" : "IN_PROGRESS");
        return body;
    }

    private ObjectNode segmentState(ObjectTree tree, String segment) {
        JsonNode node = tree.get(segment);
        if (node == null) {
            throw new ApiException(NsxError.notFound(segment));
        }
        ObjectNode body = Json.object();
        body.put("segment_path", segment);
        body.put("state", realized(node) ? "SUCCESS" : "IN_PROGRESS");
        return body;
    }

    private boolean realized(JsonNode node) {
        return clock.millis() - node.path("_last_modified_time").asLong() >= delay.toMillis();
    }

    private static String errorOf(ObjectTree tree, JsonNode node) {
        if (!node.path("resource_type").asText().equals("LBService") || !node.hasNonNull("connectivity_path")) {
            return null;
        }
        String gateway = node.get("connectivity_path").asText();
        for (String id : tree.members(gateway + "/locale-services")) {
            if (tree.get(gateway + "/locale-services/" + id).hasNonNull("edge_cluster_path")) {
                return null;
            }
        }
        return "LB service " + node.path("path").asText() + " cannot be realized: gateway " + gateway
                + " has no edge cluster (set edge_cluster_path in its locale-services)";
    }

    private static Map<String, String> extendedAttributes(JsonNode node) {
        String type = node.path("resource_type").asText();
        if (type.equals("IpAddressAllocation")) {
            return Map.of("allocation_ip", node.path("allocation_ip").asText());
        }
        if (type.equals(IpAddressing.BLOCK_SUBNET) || type.equals(IpAddressing.STATIC_SUBNET)) {
            String gateway = IpAddressing.gateway(node);
            return gateway == null
                    ? Map.of("cidr", node.path("cidr").asText())
                    : Map.of("cidr", node.path("cidr").asText(), "gateway_ip", gateway);
        }
        return Map.of();
    }
}
