package io.netform.nsxsim.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netform.nsxsim.model.Json;
import io.netform.nsxsim.model.PolicyPath;
import io.netform.nsxsim.model.SystemFields;
import io.netform.nsxsim.store.ObjectTree;
import io.netform.nsxsim.store.PolicyStore;
import io.netform.nsxsim.store.SeedObjects;
import io.netform.nsxsim.store.Transaction;
import java.util.List;
import java.util.Optional;

/**
 * The edges a fresh simulator has, as an NSX installer leaves them: three failure domains (one
 * per availability zone), two edge transport nodes in each, and an edge cluster of all six that
 * allocates gateways by failure domain. Edge nodes and the cluster are Policy objects (so
 * locale services can refer to them); failure domains and transport nodes answer on the Manager
 * API, where NSX keeps them. Each edge's transport node is also a Policy edge transport node,
 * whose switch joins the default overlay transport zone: an administrator PATCHes its
 * {@code switch_spec} to take the edge out of it, and segments of that transport zone are then
 * unreachable through the edge.
 */
public final class EdgeFabric {

    /** The Policy path of the failure-domain-aware edge cluster. */
    public static final String CLUSTER_PATH =
            SeedObjects.ENFORCEMENT_POINT + "/edge-clusters/6d2f1c3a-0b5e-4a8f-9c71-3e4d5a6b7c80";

    private static final String TRANSPORT_NODES = SeedObjects.ENFORCEMENT_POINT + "/edge-transport-nodes/";

    private static final String MANAGER = "/api/v1";
    private static final String SYSTEM_USER = "system";

    /**
     * A failure domain of the Manager API.
     *
     * @param preferActive true when it prefers active service contexts, false for standby, null for no preference
     */
    public record FailureDomain(String id, String displayName, Boolean preferActive) {
        ObjectNode toJson() {
            ObjectNode json = Json.object()
                    .put("resource_type", "FailureDomain")
                    .put("id", id)
                    .put("display_name", displayName);
            if (preferActive != null) {
                json.put("preferred_active_edge_services", preferActive);
            }
            return json;
        }
    }

    /** An edge transport node, member {@code memberIndex} of its cluster, in a failure domain. */
    public record EdgeNode(String id, String displayName, int memberIndex, String failureDomainId) {
        /** The Policy path of the edge node in the cluster. */
        public String path() {
            return CLUSTER_PATH + "/edge-nodes/" + id;
        }

        /** The Policy path of the edge's transport node. */
        public String transportNodePath() {
            return TRANSPORT_NODES + id;
        }

        /**
         * True when a switch of the edge's transport node joins the overlay transport zone at the
         * path, so that the edge can forward for segments of that transport zone.
         */
        public boolean joins(ObjectTree tree, String transportZonePath) {
            JsonNode node = tree.get(transportNodePath());
            if (node == null) {
                return false;
            }
            for (JsonNode hostSwitch : node.path("switch_spec").path("switches")) {
                for (JsonNode zone : hostSwitch.path("overlay_transport_zone_paths")) {
                    if (zone.asText().equals(transportZonePath)) {
                        return true;
                    }
                }
            }
            return false;
        }
    }

    private static final List<FailureDomain> DOMAINS = List.of(
            new FailureDomain("az-1", "az-1", true),
            new FailureDomain("az-2", "az-2", null),
            new FailureDomain("az-3", "az-3", false));

    private static final List<EdgeNode> EDGES = List.of(
            edge(0, "az-1", "a"),
            edge(1, "az-1", "b"),
            edge(2, "az-2", "a"),
            edge(3, "az-2", "b"),
            edge(4, "az-3", "a"),
            edge(5, "az-3", "b"));

    private EdgeFabric() {}

    private static EdgeNode edge(int index, String domain, String letter) {
        return new EdgeNode(
                "e5d9a7c0-4b1f-4e2a-8c3d-00000000000" + index,
                "edge-" + domain.replace("-", "") + "-" + letter,
                index,
                domain);
    }

    /** The failure domains. */
    public static List<FailureDomain> failureDomains() {
        return DOMAINS;
    }

    /** The failure domain with the id, if there is one. */
    public static Optional<FailureDomain> failureDomain(String id) {
        return DOMAINS.stream().filter(d -> d.id().equals(id)).findFirst();
    }

    /** The members of the edge cluster at the Policy path, in member order; empty for a cluster without edges. */
    public static List<EdgeNode> members(String clusterPath) {
        return CLUSTER_PATH.equals(clusterPath) ? EDGES : List.of();
    }

    /** True when the cluster places active and standby contexts in different failure domains. */
    public static boolean allocatesByFailureDomain(String clusterPath) {
        return CLUSTER_PATH.equals(clusterPath);
    }

    /**
     * Adds the edge cluster, its edge nodes and their transport nodes (each joining the default
     * overlay transport zone) to a store that lacks them (a fresh or an older one).
     */
    static void seed(PolicyStore store, long now) {
        store.write(tx -> {
            if (tx.get(CLUSTER_PATH) == null) {
                put(
                        tx,
                        CLUSTER_PATH,
                        "PolicyEdgeCluster",
                        Json.object()
                                .put("display_name", "edge-cluster-az")
                                .put("member_node_type", "EDGE_NODE")
                                .put("deployment_type", "VIRTUAL_MACHINE"),
                        now,
                        List.of());
            }
            for (EdgeNode edge : EDGES) {
                if (tx.get(edge.transportNodePath()) != null) {
                    continue;
                }
                ObjectNode transportNode = Json.object()
                        .put("display_name", edge.displayName())
                        .put("hostname", edge.displayName() + ".nsx-sim.local");
                ObjectNode overlaySwitch = transportNode
                        .putObject("switch_spec")
                        .putArray("switches")
                        .addObject()
                        .put("switch_name", "nsxHostSwitch");
                overlaySwitch.putArray("overlay_transport_zone_paths").add(SeedObjects.OVERLAY_TZ);
                put(
                        tx,
                        edge.transportNodePath(),
                        "PolicyEdgeTransportNode",
                        transportNode,
                        now,
                        List.of(SeedObjects.OVERLAY_TZ));
                put(
                        tx,
                        edge.path(),
                        "PolicyEdgeNode",
                        Json.object()
                                .put("display_name", edge.displayName())
                                .put("member_index", edge.memberIndex())
                                .put("nsx_id", edge.id())
                                .put("edge_transport_node_path", edge.transportNodePath()),
                        now,
                        List.of(edge.transportNodePath()));
            }
            return null;
        });
    }

    private static void put(
            Transaction tx, String path, String type, ObjectNode content, long now, List<String> references) {
        tx.put(
                path,
                SystemFields.stamp(content, PolicyPath.parse(path), type, null, SYSTEM_USER, now, true),
                references);
    }

    /** True for the Manager API paths this class answers. */
    static boolean isManagerPath(String path) {
        return path.startsWith(MANAGER + "/failure-domains")
                || path.startsWith(MANAGER + "/transport-nodes/")
                || path.startsWith(MANAGER + "/edge-clusters/");
    }

    /** The Manager API's failure domains, edge transport nodes and edge cluster, read-only. */
    static ObjectNode managerAnswer(String path) {
        String rest = path.substring(MANAGER.length());
        if (rest.equals("/failure-domains")) {
            ObjectNode body = Json.object();
            DOMAINS.forEach(d -> body.withArray("results").add(d.toJson()));
            body.put("result_count", DOMAINS.size());
            return body;
        }
        String id = rest.substring(rest.lastIndexOf('/') + 1);
        if (rest.startsWith("/failure-domains/")) {
            return failureDomain(id).map(FailureDomain::toJson).orElseThrow(() -> notFound(path));
        }
        if (rest.startsWith("/transport-nodes/")) {
            EdgeNode edge =
                    EDGES.stream().filter(e -> e.id().equals(id)).findFirst().orElseThrow(() -> notFound(path));
            ObjectNode node = Json.object()
                    .put("resource_type", "TransportNode")
                    .put("id", edge.id())
                    .put("display_name", edge.displayName())
                    .put("failure_domain_id", edge.failureDomainId());
            node.putObject("node_deployment_info").put("resource_type", "EdgeNode");
            return node;
        }
        if (!CLUSTER_PATH.endsWith("/" + id)) {
            throw notFound(path);
        }
        ObjectNode cluster =
                Json.object().put("resource_type", "EdgeCluster").put("id", id).put("display_name", "edge-cluster-az");
        EDGES.forEach(e -> cluster.withArray("members")
                .addObject()
                .put("member_index", e.memberIndex())
                .put("transport_node_id", e.id())
                .put("display_name", e.displayName()));
        cluster.withArray("allocation_rules")
                .addObject()
                .putObject("action")
                .put("action_type", "AllocationBasedOnFailureDomain")
                .put("enabled", true);
        return cluster;
    }

    private static ApiException notFound(String path) {
        return new ApiException(NsxError.notFound(path));
    }
}
