package io.netform.nsxt.k8s;

import java.util.List;

/**
 * One ingress or egress rule: the connection must match one of the peers (every peer when the
 * list is empty) and one of the ports (every port when the list is empty).
 */
public record PolicyRule(List<Peer> peers, List<PolicyPort> ports) {

    public PolicyRule {
        peers = List.copyOf(peers);
        ports = List.copyOf(ports);
    }
}
