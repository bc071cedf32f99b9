package io.netform.nsxsim.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netform.nsxsim.model.Json;
import io.netform.nsxsim.model.PolicyPath;
import io.netform.nsxsim.store.ObjectTree;

/**
 * {@code GET /infra/tier-1s/{id}/state}: NSX's Tier1GatewayState, whose {@code tier1_status}
 * lists per edge node the service router's high-availability status (ACTIVE, STANDBY or DOWN).
 */
final class Tier1GatewayState {

    private Tier1GatewayState() {}

    /** True for {@code /infra/tier-1s/{id}/state}. */
    static boolean isStatePath(PolicyPath path) {
        return !path.isObject()
                && path.segments().size() == 3
                && path.segments().get(0).equals("tier-1s")
                && path.last().equals("state");
    }

    /** The state body of the tier-1 above the path. */
    static ObjectNode answer(ObjectTree tree, GatewayFailover failover, PolicyPath path, long now) {
        String gatewayPath = path.up().toString();
        JsonNode gateway = tree.get(gatewayPath);
        if (gateway == null) {
            throw new ApiException(NsxError.notFound(gatewayPath));
        }
        String routerId = gateway.path("unique_id").asText();
        ObjectNode body = Json.object();
        body.putObject("tier1_state").put("logical_router_id", routerId).put("state", "success");
        ObjectNode status = body.putObject("tier1_status");
        status.put("logical_router_id", routerId);
        status.put("last_update_timestamp", now);
        ArrayNode nodes = status.putArray("per_node_status");
        GatewayFailover.ServiceRouter router = failover.serviceRouter(tree, gatewayPath);
        if (router != null) {
            for (GatewayFailover.NodeStatus node : router.nodes()) {
                nodes.addObject()
                        .put("edge_path", node.edge().path())
                        .put("transport_node_id", node.edge().id())
                        .put("service_router_id", routerId + "-sr")
                        .put("high_availability_status", node.highAvailabilityStatus());
            }
        }
        return body;
    }
}
