package io.netform.nsxt.k8s;

import io.netform.net.IpPrefix;
import java.util.List;
import java.util.Map;

/**
 * The reference semantics of NetworkPolicy, written straight from the Kubernetes documentation,
 * independent of NSX: the oracle the simulator's traceflow verdicts are compared with.
 */
record KubernetesReachability(List<NetworkPolicy> policies, Map<String, Map<String, String>> namespaceLabels) {

    /** True when a new connection from one pod to the other's port is allowed. */
    boolean allows(Pod from, Pod to, L4Protocol protocol, int port) {
        return sideAllows(from, PolicyType.EGRESS, to, protocol, port)
                && sideAllows(to, PolicyType.INGRESS, from, protocol, port);
    }

    private boolean sideAllows(Pod pod, PolicyType direction, Pod peer, L4Protocol protocol, int port) {
        Pod destination = direction == PolicyType.INGRESS ? pod : peer;
        boolean isolated = false;
        for (NetworkPolicy policy : policies) {
            if (!policy.namespace().equals(pod.namespace())
                    || !policy.podSelector().matches(pod.labels())
                    || !policy.isolates(direction)) {
                continue;
            }
            isolated = true;
            for (PolicyRule rule : policy.rules(direction)) {
                if (peersMatch(policy, rule, peer) && portsMatch(rule, destination, protocol, port)) {
                    return true;
                }
            }
        }
        return !isolated;
    }

    private boolean peersMatch(NetworkPolicy policy, PolicyRule rule, Pod peer) {
        return rule.peers().isEmpty() || rule.peers().stream().anyMatch(p -> peerMatches(policy, p, peer));
    }

    private boolean peerMatches(NetworkPolicy policy, Peer peer, Pod pod) {
        if (peer instanceof IpBlockPeer) {
            IpBlockPeer block = (IpBlockPeer) peer;
            IpPrefix address = IpPrefix.parse(pod.ip() + "/32");
            return IpPrefix.parse(block.cidr()).contains(address)
                    && block.except().stream().noneMatch(e -> IpPrefix.parse(e).contains(address));
        }
        PodPeer pods = (PodPeer) peer;
        boolean namespaceOk = pods.namespaceSelector().isEmpty()
                ? pod.namespace().equals(policy.namespace())
                : pods.namespaceSelector().get().matches(namespaceLabelsOf(pod.namespace()));
        return namespaceOk
                && pods.podSelector().map(s -> s.matches(pod.labels())).orElse(true);
    }

    private Map<String, String> namespaceLabelsOf(String namespace) {
        Map<String, String> labels = new java.util.HashMap<>(namespaceLabels.getOrDefault(namespace, Map.of()));
        labels.put(ClusterModel.NAME_LABEL, namespace);
        return labels;
    }

    private static boolean portsMatch(PolicyRule rule, Pod destination, L4Protocol protocol, int port) {
        return rule.ports().isEmpty()
                || rule.ports().stream()
                        .anyMatch(p -> p.protocol() == protocol
                                && (p.name().isPresent()
                                        ? (port + "/" + protocol)
                                                .equals(destination
                                                        .namedPorts()
                                                        .get(p.name().get()))
                                        : p.range()
                                                .map(r -> port >= r.first() && port <= r.last())
                                                .orElse(true)));
    }
}
