package io.netform.nsxsim.policy;

import com.fasterxml.jackson.databind.JsonNode;
import io.netform.nsxsim.policy.EdgeFabric.EdgeNode;
import io.netform.nsxsim.store.ObjectTree;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which edge runs each tier-1's active service context while failure domains go down and come
 * back: a context whose edge fails moves to its standby; when the failure domain returns, a
 * PREEMPTIVE gateway moves back to its preferred edge and a NON_PREEMPTIVE one stays. The
 * history lives here, in memory, as it lives on the edges and not in the Policy intent.
 */
final class GatewayFailover {

    /** The HA status of one edge of a gateway, as NSX's per-node status names it. */
    record NodeStatus(EdgeNode edge, String highAvailabilityStatus) {}

    /**
     * A tier-1's service router right now.
     *
     * @param active the edge whose context is active, or null when every edge of the gateway is down
     */
    record ServiceRouter(String gatewayPath, EdgeNode active, List<NodeStatus> nodes, Set<String> failedDomains) {

        /** Why no edge forwards for the gateway, for a traceflow drop; null while one does. */
        String downReason() {
            if (active != null) {
                return null;
            }
            List<String> edges = nodes.stream()
                    .map(n -> n.edge().displayName() + " (" + n.edge().failureDomainId() + ")")
                    .toList();
            return "the service router of " + gatewayPath + " has no edge up: " + String.join(", ", edges)
                    + " are in failed failure domains " + failedDomains;
        }
    }

    private final Map<String, String> activeEdges = new HashMap<>();
    private Set<String> failed = Set.of();

    /** Takes the failure domains down (every other one up) and fails over every tier-1 at once. */
    synchronized void setFailedDomains(Set<String> domains, ObjectTree tree) {
        List<String> unknown = domains.stream()
                .filter(d -> EdgeFabric.failureDomain(d).isEmpty())
                .toList();
        if (!unknown.isEmpty()) {
            throw new ApiException(NsxError.invalid("failed_failure_domains names unknown failure domains "
                    + unknown + "; the simulator's are "
                    + EdgeFabric.failureDomains().stream()
                            .map(EdgeFabric.FailureDomain::id)
                            .toList()));
        }
        failed = Set.copyOf(new TreeSet<>(domains));
        for (String id : tree.members("/infra/tier-1s")) {
            serviceRouter(tree, "/infra/tier-1s/" + id);
        }
    }

    /** The tier-1's service router, or null when it has none (no edge cluster with edges). */
    synchronized ServiceRouter serviceRouter(ObjectTree tree, String gatewayPath) {
        JsonNode gateway = tree.get(gatewayPath);
        JsonNode locale = gateway == null ? null : localeService(tree, gatewayPath);
        if (locale == null) {
            return null;
        }
        List<String> preferred = new ArrayList<>();
        locale.path("preferred_edge_paths").forEach(p -> preferred.add(p.asText()));
        ServiceRouterPlacement placement = ServiceRouterPlacement.place(
                gatewayPath, locale.path("edge_cluster_path").asText(), preferred);
        if (placement == null) {
            return null;
        }
        boolean activeActive = gateway.path("ha_mode").asText().equals("ACTIVE_ACTIVE");
        EdgeNode active = activeActive ? firstUp(placement.edges()) : failOver(gateway, gatewayPath, placement);
        List<NodeStatus> nodes = new ArrayList<>();
        for (EdgeNode edge : placement.edges()) {
            String status = !up(edge) ? "DOWN" : activeActive || edge.equals(active) ? "ACTIVE" : "STANDBY";
            nodes.add(new NodeStatus(edge, status));
        }
        return new ServiceRouter(gatewayPath, active, List.copyOf(nodes), failed);
    }

    private EdgeNode failOver(JsonNode gateway, String gatewayPath, ServiceRouterPlacement placement) {
        EdgeNode preferred = placement.active();
        String previous = activeEdges.get(gatewayPath);
        EdgeNode current = placement.edges().stream()
                .filter(e -> e.id().equals(previous))
                .findFirst()
                .orElse(preferred);
        boolean preemptive =
                gateway.path("failover_mode").asText("NON_PREEMPTIVE").equals("PREEMPTIVE");
        EdgeNode next;
        if (up(current)) {
            next = preemptive && up(preferred) ? preferred : current;
        } else {
            next = placement.edges().stream().filter(this::up).findFirst().orElse(null);
        }
        if (next != null) {
            activeEdges.put(gatewayPath, next.id());
        }
        return next;
    }

    private EdgeNode firstUp(List<EdgeNode> edges) {
        return edges.stream().filter(this::up).findFirst().orElse(null);
    }

    private boolean up(EdgeNode edge) {
        return !failed.contains(edge.failureDomainId());
    }

    /** The locale service NSX takes the edge cluster from: {@code default}, else the first with an edge cluster. */
    private static JsonNode localeService(ObjectTree tree, String gatewayPath) {
        String collection = gatewayPath + "/locale-services";
        JsonNode chosen = null;
        for (String id : tree.members(collection)) {
            JsonNode locale = tree.get(collection + "/" + id);
            if (locale.hasNonNull("edge_cluster_path") && (chosen == null || id.equals("default"))) {
                chosen = locale;
            }
        }
        return chosen;
    }
}
