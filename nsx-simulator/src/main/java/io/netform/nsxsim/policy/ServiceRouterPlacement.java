package io.netform.nsxsim.policy;

import io.netform.nsxsim.policy.EdgeFabric.EdgeNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * Where NSX places a gateway's service router on its edge cluster: the preferred edges of the
 * locale service when given, else an edge of the failure domain that prefers active services,
 * with the standby in another failure domain (one that prefers standby services if any) when the
 * cluster allocates by failure domain. Gateways spread over the edges by a hash of their path.
 *
 * @param active  the edge the active context runs on while it is up
 * @param standby the edge of the standby context, or null when the cluster has no second edge to use
 */
record ServiceRouterPlacement(EdgeNode active, EdgeNode standby) {

    /** Places the gateway at the path on the cluster's members; null for a cluster without edges. */
    static ServiceRouterPlacement place(String gatewayPath, String clusterPath, List<String> preferredEdgePaths) {
        List<EdgeNode> members = EdgeFabric.members(clusterPath);
        if (members.isEmpty()) {
            return null;
        }
        boolean byDomain = EdgeFabric.allocatesByFailureDomain(clusterPath);
        List<EdgeNode> preferred = preferredEdgePaths.stream()
                .map(path -> members.stream()
                        .filter(m -> m.path().equals(path))
                        .findFirst()
                        .orElseThrow(() -> new IllegalArgumentException(
                                "preferred edge " + path + " is not a member of edge cluster " + clusterPath)))
                .toList();
        EdgeNode active = preferred.isEmpty()
                ? pick(gatewayPath, members, byDomain ? rank(Boolean.TRUE) : e -> 0)
                : preferred.get(0);
        if (preferred.size() > 1) {
            return new ServiceRouterPlacement(active, preferred.get(1));
        }
        List<EdgeNode> others = new ArrayList<>(members);
        others.remove(active);
        if (byDomain) {
            others.removeIf(e -> e.failureDomainId().equals(active.failureDomainId()));
        }
        return new ServiceRouterPlacement(
                active, others.isEmpty() ? null : pick(gatewayPath, others, byDomain ? rank(Boolean.FALSE) : e -> 0));
    }

    /** The edges in placement order, active first. */
    List<EdgeNode> edges() {
        return standby == null ? List.of(active) : List.of(active, standby);
    }

    /** Ranks an edge by how well its failure domain's preference matches {@code wanted} (0 best). */
    private static Function<EdgeNode, Integer> rank(Boolean wanted) {
        return edge -> {
            Boolean preference = EdgeFabric.failureDomain(edge.failureDomainId())
                    .map(EdgeFabric.FailureDomain::preferActive)
                    .orElse(null);
            return preference == null ? 1 : preference.equals(wanted) ? 0 : 2;
        };
    }

    private static EdgeNode pick(String gatewayPath, List<EdgeNode> candidates, Function<EdgeNode, Integer> rank) {
        int best = candidates.stream().map(rank).min(Comparator.naturalOrder()).orElseThrow();
        List<EdgeNode> top =
                candidates.stream().filter(e -> rank.apply(e) == best).toList();
        return top.get(Math.floorMod(gatewayPath.hashCode(), top.size()));
    }
}
